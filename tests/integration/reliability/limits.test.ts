import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { addItem, CloseCode, ErrorCode, newId, optionSchema, type MemberView } from '@parley/shared';
import { describe, expect, it } from 'vitest';
import {
  api,
  closedWith,
  connectControl,
  docUrl,
  emitAck,
  installCleanup,
  join,
  RawDocClient,
  runUntilRefused,
  updateFrame,
  updateOf,
  syncStep1Frame,
  setupRoom,
  startServer,
  syncedDoc,
  waitFor,
} from '../../helpers/index.js';
import { expectRoomWorks, JOINT, metricsText, metricValue, settle, SIDE_A } from './support.js';

/**
 * Every limit is an environment variable; hitting one refuses the client that hit it,
 * with a code and a reason it can show, and nobody else.
 */

installCleanup();

describe('MAX_CONNECTIONS_PER_ROOM', () => {
  it('refuses the connection over the cap with 4429 and a reason, while the room and other rooms go on', async () => {
    const server = await startServer({ env: { MAX_CONNECTIONS_PER_ROOM: '3' } });
    const full = await setupRoom(server, { mediated: false });
    const other = await setupRoom(server, { mediated: false });
    // Three connections over two of the room's documents: the cap counts the room.
    const a = await syncedDoc(server, full.doc(JOINT), full.token('a'));
    const b = await syncedDoc(server, full.doc(JOINT), full.token('b'));
    const side = await RawDocClient.open(docUrl(server, full.doc(SIDE_A), full.token('observer')));

    const refused = await closedWith(docUrl(server, full.doc(SIDE_A), full.token('a')));
    expect(refused.code).toBe(CloseCode.TooManyMessages);
    expect(refused.reason).toMatch(/connection/i);
    expect(refused.seen.store.clients.size, 'the refused client was sent no content').toBe(0);

    // Those already in are untouched and still sync with each other.
    expect([a.closes, b.closes]).toEqual([[], []]);
    expect(side.isOpen).toBe(true);
    const { id } = addItem(a.doc, 'options', optionSchema, { id: newId(), text: 'still', serves: [], createdAt: 1 });
    await waitFor(() => b.doc.getMap('options').has(id), 'a write inside the full room');
    // Another room is not affected by this room being full.
    await expectRoomWorks(server, other);

    // The cap counts live connections: once one leaves, a newcomer gets in.
    side.ws.close();
    await waitFor(async () => {
      const probe = await RawDocClient.open(docUrl(server, full.doc(SIDE_A), full.token('a'))).catch(() => null);
      if (!probe) return false;
      await settle(probe);
      probe.terminate();
      return probe.closeInfo === null && probe.step2Count > 0;
    }, 'a newcomer to be admitted after someone left');
  });

  it('caps the control sockets of one room too, refusing the handshake over it with rate_limited', async () => {
    const server = await startServer({ env: { MAX_CONNECTIONS_PER_ROOM: '3' } });
    const full = await setupRoom(server, { mediated: false });
    const other = await setupRoom(server, { mediated: false });
    const inside = [
      await connectControl(server, full.token('a')),
      await connectControl(server, full.token('b')),
      await connectControl(server, full.invite('a')),
    ];
    await expect(connectControl(server, full.token('observer'))).rejects.toThrow(ErrorCode.RateLimited);
    // Those inside are untouched, and another room is not affected.
    const hello = await emitAck(inside[0]!, 'room:hello', {});
    expect(hello.ok && hello.members.length).toBe(3);
    (await connectControl(server, other.token('a'))).disconnect();
    // Once one leaves, a newcomer gets in.
    inside[2]!.disconnect();
    await waitFor(
      () =>
        connectControl(server, full.token('observer')).then(
          () => true,
          () => false,
        ),
      'a newcomer to be admitted after someone left',
    );
  });

  it('tells a burst of arrivals and departures in one member list each, not one list per person', async () => {
    const server = await startServer();
    const room = await setupRoom(server, { mediated: false });
    const watcher = await connectControl(server, room.token('observer'));
    const lists: MemberView[][] = [];
    watcher.on('room:members', (members) => lists.push(members));
    await waitFor(() => lists.length > 0, "the watcher's own arrival to be told");
    const tokens = await Promise.all(
      Array.from({ length: 20 }, (_, i) => join(server, room.invite(i % 2 ? 'a' : 'b'), `Person ${i}`)),
    );
    const arrivalsFrom = lists.length;
    const crowd = await Promise.all(tokens.map(({ memberToken }) => connectControl(server, memberToken)));
    await waitFor(() => lists.at(-1)?.length === 21, 'the list with everyone');
    const toldArrivals = lists.length - arrivalsFrom;
    for (const socket of crowd) socket.disconnect();
    await waitFor(() => lists.at(-1)?.length === 1, 'the list with only the watcher');
    const toldDepartures = lists.length - arrivalsFrom - toldArrivals;
    expect(toldArrivals, '20 arrivals at once').toBeLessThan(10);
    expect(toldDepartures, '20 departures at once').toBeLessThan(10);
  });
});

describe('peers that ask for more than they read', () => {
  it('closes with 4429 a connection that keeps asking for a large document, charged by its size', async () => {
    const server = await startServer({
      env: { MAX_DOC_BYTES: String(4 * 1024 * 1024), MAX_FRAME_BYTES: String(4 * 1024 * 1024) },
    });
    const room = await setupRoom(server, { mediated: false });
    const writer = await syncedDoc(server, room.doc(JOINT), room.token('a'));
    writer.doc.getMap('blobs').set('big', 'b'.repeat(3 * 1024 * 1024));
    const reader = await RawDocClient.open(docUrl(server, room.doc(JOINT), room.token('observer')));
    // 49 units a request against a budget of 600: about 12 requests, not thousands.
    // One at a time, reading each answer, so that only the budget can end it.
    let answered = 0;
    while (answered < 400) {
      const refused = await reader.roundTrip().then(
        () => false,
        () => true,
      );
      if (refused) break;
      answered++;
    }
    expect(answered).toBeGreaterThan(8);
    expect(answered).toBeLessThan(20);
    expect(reader.closeInfo).toMatchObject({ code: CloseCode.TooManyMessages, reason: 'too many sync requests' });
    await expectRoomWorks(server, room);
  });

  it('drops a peer that never reads once its unsent bytes pass twice the document cap, and serves the rest', async () => {
    const server = await startServer({
      env: { MAX_DOC_BYTES: String(1024 * 1024), MAX_FRAME_BYTES: String(1024 * 1024) },
    });
    const room = await setupRoom(server, { mediated: false });
    const writer = await syncedDoc(server, room.doc(JOINT), room.token('a'));
    writer.doc.getMap('blobs').set('big', 'b'.repeat(900 * 1024));
    const reader = await RawDocClient.open(docUrl(server, room.doc(JOINT), room.token('observer')));
    await reader.roundTrip();
    // Stop reading, and ask for the whole document thirty times: ~27 MB against a limit of
    // 3 MB. The kernel's socket buffers on both ends take some first (up to ~10 MB on
    // loopback, by its autotuning), so the margin is wide; 30 requests cost 450 units of the
    // connection's sync budget of 600, so only the unsent bytes can end it.
    (reader.ws as unknown as { _socket: { pause(): void } })._socket.pause();
    for (let i = 0; i < 30; i++) reader.send(syncStep1Frame());
    await waitFor(
      async () =>
        metricValue(await metricsText(server), 'parley_rejected_messages_total', { reason: 'not_reading' }) >= 1,
      'the peer that does not read to be dropped',
    );
    await expectRoomWorks(server, room);
  });
});

describe('writes to a read-only document', () => {
  it('are counted each, and logged once per connection, so a client cannot write the log at its message rate', async () => {
    const server = await startServer();
    const room = await setupRoom(server, { mediated: false });
    const observer = await RawDocClient.open(docUrl(server, room.doc(JOINT), room.token('observer')));
    for (let i = 0; i < 50; i++) {
      observer.send(updateFrame(updateOf((doc) => doc.getMap('options').set(`x${i}`, i))));
    }
    await observer.roundTrip();
    expect(observer.isOpen).toBe(true);
    expect(
      metricValue(await metricsText(server), 'parley_rejected_messages_total', { reason: 'forbidden_write' }),
    ).toBe(50);
    const told = () => server.logs.filter((line) => line.includes('dropped a write to a read-only document'));
    await waitFor(() => told().length > 0, 'the refusal to be logged');
    expect(told()).toHaveLength(1);
    await expectRoomWorks(server, room);
  });
});

describe('MAX_ROOMS_LOADED', () => {
  it('refuses a connection to one room more than the cap with 4429, and admits it once an idle room has unloaded', async () => {
    const server = await startServer({ env: { MAX_ROOMS_LOADED: '2', UNLOAD_AFTER_MS: '100' } });
    const [first, second, third] = [
      await setupRoom(server, { mediated: false }),
      await setupRoom(server, { mediated: false }),
      await setupRoom(server, { mediated: false }),
    ];
    const one = await syncedDoc(server, first.doc(JOINT), first.token('a'));
    const two = await syncedDoc(server, second.doc(JOINT), second.token('a'));

    const refused = await closedWith(docUrl(server, third.doc(JOINT), third.token('a')));
    expect(refused.code).toBe(CloseCode.TooManyMessages);
    expect(refused.reason).toMatch(/room/i);
    expect(refused.seen.store.clients.size).toBe(0);
    expect(metricValue(await metricsText(server), 'parley_rooms_loaded')).toBe(2);

    // A loaded room may open its other documents; its people are untouched.
    const oneSide = await syncedDoc(server, first.doc(SIDE_A), first.token('b'));
    expect([one.closes, two.closes, oneSide.closes]).toEqual([[], [], []]);

    // The first room empties and unloads; then the third room gets in.
    one.destroy();
    oneSide.destroy();
    await waitFor(
      async () => metricValue(await metricsText(server), 'parley_rooms_loaded') === 1,
      'the idle room to unload (parley_rooms_loaded 1)',
    );
    const admitted = await syncedDoc(server, third.doc(JOINT), third.token('a'));
    expect(admitted.closes).toEqual([]);
    expect(two.closes).toEqual([]);
  });
});

describe('ROOMS_PER_HOUR_PER_ADDRESS', () => {
  it('answers the address over the cap 429 rate_limited; other addresses and other routes are unaffected', async () => {
    const server = await startServer({ env: { ROOMS_PER_HOUR_PER_ADDRESS: '3' } });
    // The server trusts X-Forwarded-For from a proxy on loopback, as in a deployment behind one.
    const from = (address: string) => ({ 'x-forwarded-for': address });
    const body = { title: 'Rate', sides: ['A', 'B'], mediated: false };
    for (let i = 0; i < 3; i++) {
      const ok = await api(server, 'POST', '/api/rooms', { body, headers: from('203.0.113.7') });
      expect(ok.status, `room ${i + 1} of 3`).toBe(201);
    }
    const limited = await api(server, 'POST', '/api/rooms', { body, headers: from('203.0.113.7') });
    expect(limited.status).toBe(429);
    expect(limited.body).toMatchObject({ error: { code: 'rate_limited', message: expect.any(String) } });
    expect(limited.contentType).toMatch(/application\/json/);

    // Another address creates rooms as before.
    const elsewhere = await api(server, 'POST', '/api/rooms', { body, headers: from('198.51.100.9') });
    expect(elsewhere.status).toBe(201);
    // The limited address may still join and use rooms: only creation is capped.
    // setupRoom creates its room from the test's own address, which has its own budget.
    const room = await setupRoom(server, { mediated: false });
    const joined = await api(server, 'POST', '/api/members', {
      body: { token: room.invite('a'), name: 'Late' },
      headers: from('203.0.113.7'),
    });
    expect(joined.status).toBe(201);
    await expectRoomWorks(server, room);
  });
});

describe('limits are configuration', () => {
  it.each([
    ['MAX_CONNECTIONS_PER_ROOM', 'many'],
    ['MAX_ROOMS_LOADED', '0'],
    ['MAX_FRAME_BYTES', '-1'],
    ['MAX_MESSAGES_PER_SECOND', '1.5'],
    ['ROOMS_PER_HOUR_PER_ADDRESS', ''],
    ['MAX_DOC_BYTES', '12abc'],
    ['METRICS_TOKEN', 'short'],
    ['TRUST_PROXY', '10.0.0.0/99'],
  ])('refuses to start with %s=%j, naming the variable', async (variable, value) => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'parley-limits-'));
    try {
      const { code, output } = await runUntilRefused(dataDir, { [variable]: value });
      expect(code, output).not.toBe(0);
      expect(output).toContain(variable);
      expect(output).not.toContain('"msg":"listening"');
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
