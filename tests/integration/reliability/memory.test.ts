import { fileURLToPath } from 'node:url';
import { docName, type CreateRoomResponse } from '@parley/shared';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  api,
  connectControl,
  emitAck,
  installCleanup,
  startServer,
  syncedDoc,
  waitFor,
  type TestServer,
} from '../../helpers/index.js';
import { JOINT, metricsText, metricValue, rssBytes, viewDoc } from './support.js';

/**
 * Memory is bounded by what is in use: a room's documents leave memory once the last
 * person has left (after everything is stored) and come back from storage on demand,
 * so a server that has seen many rooms come and go is back where it started.
 */

installCleanup();

const ROOMS = 200;
const PARALLEL = 20;
/** Per room, so that rooms kept in memory by mistake would show in the process size. */
const CONTENT_BYTES = 128 * 1024;
const SLACK_BYTES = 30 * 1024 * 1024;

/** One room's life: two people open it (documents and control plane), one writes, the other sees it, both leave. */
async function roomComesAndGoes(server: TestServer, n: number): Promise<CreateRoomResponse> {
  const created = await api(server, 'POST', '/api/rooms', {
    body: { title: `Room ${n}`, sides: ['A', 'B'], mediated: false },
  });
  if (created.status !== 201) throw new Error(`POST /api/rooms answered ${created.status}`);
  const room = created.body as CreateRoomResponse;
  const name = docName(room.roomId, JOINT);
  const [alice, bob] = await Promise.all([
    syncedDoc(server, name, room.invites.a.token),
    syncedDoc(server, name, room.invites.b.token),
  ]);
  const [aliceControl, bobControl] = await Promise.all([
    connectControl(server, room.invites.a.token),
    connectControl(server, room.invites.b.token),
  ]);
  await Promise.all([emitAck(aliceControl, 'room:hello', {}), emitAck(bobControl, 'pulse:get', {})]);
  alice.provider.awareness.setLocalState({ editing: null });
  alice.doc.getMap('notes').set('content', `${n}:`.padEnd(CONTENT_BYTES, 'x'));
  await waitFor(() => bob.doc.getMap('notes').has('content'), `room ${n}: the other person to see the write`);
  alice.destroy();
  bob.destroy();
  aliceControl.disconnect();
  bobControl.disconnect();
  return room;
}

async function cycle(server: TestServer, label: string): Promise<CreateRoomResponse[]> {
  const rooms: CreateRoomResponse[] = [];
  for (let start = 0; start < ROOMS; start += PARALLEL) {
    const batch = Array.from({ length: Math.min(PARALLEL, ROOMS - start) }, (_, i) => start + i);
    rooms.push(...(await Promise.all(batch.map((n) => roomComesAndGoes(server, n)))));
  }
  await waitFor(
    async () => {
      const text = await metricsText(server);
      return (
        metricValue(text, 'parley_rooms_loaded') === 0 &&
        metricValue(text, 'parley_docs_loaded') === 0 &&
        metricValue(text, 'parley_yjs_connections') === 0
      );
    },
    `${label}: every room to leave memory (parley_rooms_loaded 0, parley_docs_loaded 0, no connections)`,
    { timeoutMs: 15_000 },
  );
  return rooms;
}

const GC_HOOK = fileURLToPath(new URL('./gc-on-signal.mjs', import.meta.url));

/**
 * The server's resident size (VmRSS) after a full collection: without one, the number
 * mostly says how much garbage V8 has not collected yet.
 */
async function settledRss(server: TestServer): Promise<{ rss: number; heapUsed: number }> {
  const from = server.logs.length;
  server.proc.kill('SIGUSR2');
  let line: string | undefined;
  await waitFor(
    () => (line = server.logs.slice(from).find((l) => l.includes('"msg":"collected"'))) !== undefined,
    'the server to run a full collection',
  );
  return { rss: rssBytes(server.proc.pid!), heapUsed: (JSON.parse(line!) as { heapUsed: number }).heapUsed };
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

describe('memory', () => {
  it(`returns to its baseline after ${ROOMS} rooms come and go, three times over, and reloads them with their content`, async () => {
    const server = await startServer({
      env: {
        UNLOAD_AFTER_MS: '0',
        ROOMS_PER_HOUR_PER_ADDRESS: '100000',
        NODE_OPTIONS: `--expose-gc --import ${GC_HOOK}`,
      },
    });
    const first = await cycle(server, 'warm-up');
    const baseline = await settledRss(server);
    await cycle(server, 'second round');
    const afterSecond = await settledRss(server);
    const third = await cycle(server, 'third round');
    const afterThird = await settledRss(server);
    const sizes = [baseline, afterSecond, afterThird]
      .map(
        ({ rss, heapUsed }, i) =>
          `${['baseline', 'after round 2', 'after round 3'][i]} ${mb(rss)} (heap ${mb(heapUsed)})`,
      )
      .join(', ');
    // Two more rounds passed 2 × 200 × 128 KiB of content through the server; none of it may stay.
    expect(afterSecond.rss, sizes).toBeLessThan(baseline.rss + SLACK_BYTES);
    expect(afterThird.rss, sizes).toBeLessThan(baseline.rss + SLACK_BYTES);

    // Unloaded means stored: rooms from the first and last rounds reload with their content.
    for (const room of [...first.slice(0, 5), ...third.slice(-5)]) {
      const view = await viewDoc(server, docName(room.roomId, JOINT), room.invites.observer.token);
      const notes = new Y.Doc();
      Y.applyUpdate(notes, view.state);
      expect(String(notes.getMap('notes').get('content')).length, room.roomId).toBe(CONTENT_BYTES);
      notes.destroy();
    }
  }, 120_000);
});
