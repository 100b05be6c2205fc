import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { WebSocket } from 'ws';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { trackClient } from './cleanup.js';
import type { TestServer } from './server.js';
import { waitFor, WaitAborted, withTimeout } from './wait.js';

/**
 * A hand-driven /yjs connection over a plain `ws` socket, for the tests that must
 * control every byte sent: hostile writes, malformed frames, refused connections.
 * It never answers the server by itself.
 */

export const MESSAGE_SYNC = 0;
export const MESSAGE_AWARENESS = 1;
export const MESSAGE_QUERY_AWARENESS = 3;

export interface CloseInfo {
  code: number;
  reason: string;
  /** Set when the socket failed before a close frame, e.g. the upgrade was refused with an HTTP status. */
  error?: string;
}

export function docUrl(server: TestServer, name: string, token: string): string {
  return `${server.wsUrl}/${name}?token=${encodeURIComponent(token)}`;
}

/** `[messageSync, step1, stateVector]`; an empty doc asks for the whole server state. */
export function syncStep1Frame(doc: Y.Doc = new Y.Doc()): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SYNC);
  syncProtocol.writeSyncStep1(encoder, doc);
  return encoding.toUint8Array(encoder);
}

/** `[messageSync, update, update bytes]`, exactly what the stock provider sends on a local edit. */
export function updateFrame(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SYNC);
  syncProtocol.writeUpdate(encoder, update);
  return encoding.toUint8Array(encoder);
}

/** `[messageSync, step2, update bytes]`, what a client answers to the server's step 1. */
export function syncStep2Frame(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SYNC);
  encoding.writeVarUint(encoder, syncProtocol.messageYjsSyncStep2);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}

/** The update an edit produces, made on a throwaway doc so it depends on nothing the server has. */
export function updateOf(edit: (doc: Y.Doc) => void): Uint8Array {
  const doc = new Y.Doc();
  let update: Uint8Array | null = null;
  doc.on('update', (u: Uint8Array) => {
    update = update ? Y.mergeUpdates([update, u]) : u;
  });
  edit(doc);
  doc.destroy();
  if (!update) throw new Error('the edit changed nothing');
  return update;
}

export interface RawClientOptions {
  /** False makes a peer that has gone silent: it still receives, but never answers a ping. */
  answerPings?: boolean;
}

export class RawDocClient {
  readonly ws: WebSocket;
  /** Everything the server sent as document content (sync step 2 and updates), applied in order. */
  readonly seen = new Y.Doc();
  /** How many sync step 2 messages arrived. */
  step2Count = 0;
  /** Frames this client could not decode, which a conforming server never sends. */
  readonly decodeErrors: string[] = [];
  closeInfo: CloseInfo | null = null;
  /** Pings the server sent (answered, unless the client was made with `answerPings: false`). */
  pings = 0;
  readonly opened: Promise<void>;
  readonly closed: Promise<CloseInfo>;
  private error: string | undefined;

  constructor(url: string, { answerPings = true }: RawClientOptions = {}) {
    this.ws = new WebSocket(url, { autoPong: answerPings });
    this.ws.on('ping', () => {
      this.pings += 1;
    });
    this.ws.binaryType = 'nodebuffer';
    this.closed = new Promise((resolve) => {
      this.ws.on('close', (code, reason) => {
        this.closeInfo = { code, reason: reason.toString(), ...(this.error ? { error: this.error } : {}) };
        resolve(this.closeInfo);
      });
    });
    this.opened = new Promise((resolve, reject) => {
      this.ws.once('open', () => resolve());
      void this.closed.then((info) => reject(new Error(`closed before opening: ${JSON.stringify(info)}`)));
    });
    this.opened.catch(() => {});
    this.ws.on('error', (error) => {
      this.error = error.message;
    });
    this.ws.on('message', (data: Buffer) => this.receive(new Uint8Array(data)));
    trackClient(() => this.terminate());
  }

  /** Opens a connection and waits until it is open; rejects if the server closes it first. */
  static async open(url: string, timeoutMs = 10_000, options: RawClientOptions = {}): Promise<RawDocClient> {
    const client = new RawDocClient(url, options);
    await withTimeout(client.opened, timeoutMs, `${url} to open`);
    return client;
  }

  get isOpen(): boolean {
    return this.ws.readyState === WebSocket.OPEN;
  }

  send(frame: Uint8Array): void {
    this.ws.send(frame);
  }

  /**
   * Asks for the server's whole state (sync step 1 with an empty state vector) and waits
   * for the answer. Frames on one connection are handled in order, so once this returns
   * the server has handled everything sent before it.
   */
  async roundTrip(timeoutMs = 10_000): Promise<void> {
    const before = this.step2Count;
    this.send(syncStep1Frame());
    await waitFor(
      () => {
        // A closed connection will never answer: fail now, not at the timeout.
        if (this.closeInfo) throw new WaitAborted(`connection closed: ${JSON.stringify(this.closeInfo)}`);
        return this.step2Count > before;
      },
      'the answer (sync step 2) to a sync step 1',
      { timeoutMs },
    );
  }

  /** Resolves with the close; fails if the connection is still open after `timeoutMs`. */
  waitForClose(timeoutMs = 10_000): Promise<CloseInfo> {
    return withTimeout(this.closed, timeoutMs, 'the server to close the connection');
  }

  terminate(): void {
    if (this.ws.readyState !== WebSocket.CLOSED) this.ws.terminate();
    this.seen.destroy();
  }

  private receive(frame: Uint8Array): void {
    try {
      const decoder = decoding.createDecoder(frame);
      if (decoding.readVarUint(decoder) !== MESSAGE_SYNC) return;
      const type = decoding.readVarUint(decoder);
      if (type === syncProtocol.messageYjsSyncStep1) return;
      if (type !== syncProtocol.messageYjsSyncStep2 && type !== syncProtocol.messageYjsUpdate) {
        throw new Error(`unknown sync message type ${type}`);
      }
      Y.applyUpdate(this.seen, decoding.readVarUint8Array(decoder));
      if (type === syncProtocol.messageYjsSyncStep2) this.step2Count++;
    } catch (error) {
      this.decodeErrors.push((error as Error).message);
    }
  }
}

export interface ClosedResult extends CloseInfo {
  /** Everything the server sent as document content before closing. */
  seen: Y.Doc;
}

/**
 * Opens a raw connection, sends `frames` once it is open, and resolves with how the
 * server closed it. Fails if the connection is still open after `timeoutMs`.
 */
export async function closedWith(url: string, frames: Uint8Array[] = [], timeoutMs = 10_000): Promise<ClosedResult> {
  const client = new RawDocClient(url);
  if (frames.length > 0) {
    await Promise.race([client.opened, client.closed]);
    if (client.isOpen) for (const frame of frames) client.send(frame);
  }
  const info = await client.waitForClose(timeoutMs);
  return { ...info, seen: client.seen };
}

/**
 * Decodes a frame the way a strict server must, applying any update to a scratch doc.
 * Throws when the frame cannot be decoded: the tests use it to prove that the frames
 * they call malformed really are.
 */
export function decodeStrictly(frame: Uint8Array): void {
  const decoder = decoding.createDecoder(frame);
  const type = decoding.readVarUint(decoder);
  if (type === MESSAGE_QUERY_AWARENESS) return;
  if (type === MESSAGE_AWARENESS) {
    decoding.readVarUint8Array(decoder);
    return;
  }
  if (type !== MESSAGE_SYNC) throw new Error(`unknown message type ${type}`);
  const syncType = decoding.readVarUint(decoder);
  const payload = decoding.readVarUint8Array(decoder);
  if (payload.byteOffset + payload.byteLength > frame.byteOffset + frame.byteLength) throw new Error('truncated');
  if (syncType === syncProtocol.messageYjsSyncStep1) Y.decodeStateVector(payload);
  else if (syncType === syncProtocol.messageYjsSyncStep2 || syncType === syncProtocol.messageYjsUpdate) {
    Y.applyUpdate(new Y.Doc(), payload);
  } else throw new Error(`unknown sync message type ${syncType}`);
}
