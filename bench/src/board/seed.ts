import { docName, type CreateRoomResponse } from '@parley/shared';
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { ROOM } from './config.js';
import { countBoard, writeBoard } from './items.js';
import type { ParleyServer } from './server.js';
import { withTimeout } from '@parley/devkit';

const SYNC_TIMEOUT_MS = 10_000;

/** `POST /api/rooms`, as the home page does. */
export async function createRoom(server: ParleyServer): Promise<CreateRoomResponse> {
  const response = await fetch(`${server.url}/api/rooms`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(ROOM),
    signal: AbortSignal.timeout(SYNC_TIMEOUT_MS),
  });
  if (response.status !== 201) throw new Error(`POST /api/rooms: HTTP ${response.status} ${await response.text()}`);
  return (await response.json()) as CreateRoomResponse;
}

/**
 * Writes `count` items onto side A's board through a real Yjs client holding side A's
 * invite token, then reads the board back through a second, fresh client: the items
 * are on the server, not only in the writer's memory.
 */
export async function seedSideA(server: ParleyServer, room: CreateRoomResponse, count: number): Promise<void> {
  const name = docName(room.roomId, { kind: 'side', side: 'a' });
  const token = room.invites.a.token;
  const writer = await openDoc(server, name, token);
  try {
    writeBoard(writer.doc, count);
    const reader = await openDoc(server, name, token);
    try {
      await waitUntil(() => countBoard(reader.doc) === count, `the server to hold ${count} items`);
    } finally {
      reader.close();
    }
  } finally {
    writer.close();
  }
}

interface OpenDoc {
  doc: Y.Doc;
  close(): void;
}

/** The stock y-websocket client, as a browser uses it, synced with the server. */
async function openDoc(server: ParleyServer, name: string, token: string): Promise<OpenDoc> {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(server.wsUrl, name, doc, {
    params: { token },
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    // Node has a global BroadcastChannel: the two clients must sync through the server.
    disableBc: true,
  });
  const close = () => {
    provider.destroy();
    doc.destroy();
  };
  try {
    await withTimeout(
      new Promise<void>((resolve) => provider.once('sync', () => resolve())),
      SYNC_TIMEOUT_MS,
      `${name} to sync`,
    );
  } catch (error) {
    close();
    throw error;
  }
  return { doc, close };
}

async function waitUntil(condition: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + SYNC_TIMEOUT_MS;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${SYNC_TIMEOUT_MS} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
