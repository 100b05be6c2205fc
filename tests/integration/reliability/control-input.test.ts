import { gzipSync } from 'node:zlib';
import path from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  api,
  connectControl,
  emitAck,
  setupRoom,
  useServer,
  waitFor,
  type ControlSocket,
  type RoomFixture,
} from '../../helpers/index.js';
import { expectServerStillServes, pause } from './support.js';

/**
 * The control plane and the REST API parse every payload with the shared schemas: a
 * payload of the wrong shape is answered `bad_request` (or, where there is nobody to
 * answer, ignored) and changes nothing; nothing a client sends takes the process down.
 */

const server = useServer({ env: { ROOMS_PER_HOUR_PER_ADDRESS: '100000' } });

let room: RoomFixture;
beforeAll(async () => {
  room = await setupRoom(server(), { mediated: true });
});

const MB = 'm'.repeat(1024 * 1024);
const NEAR_CAP = 'n'.repeat(60 * 1024);

/** An object with an own `__proto__` key, as JSON.parse makes one. */
const protoKey = () => JSON.parse('{"__proto__": {"polluted": true}, "limit": 5}') as unknown;

type Ack = { ok: boolean; error?: { code: string; message: string } };

/**
 * Emits an event with a raw argument list and, as a positive control, a `room:hello`
 * right after it. Resolves with the ack of the first event, or `null` if the server
 * ignored it: the control's ack has arrived, and the server answers in order.
 */
async function emitThenControl(socket: ControlSocket, event: string, args: unknown[]): Promise<Ack | null> {
  let ack: Ack | null = null;
  const emit = socket.emit as (event: string, ...args: unknown[]) => void;
  emit.call(socket, event, ...args, (a: Ack) => {
    ack = a;
  });
  const control = await emitAck(socket, 'room:hello', {});
  expect(control, `room:hello after ${event}`).toMatchObject({ ok: true });
  return ack;
}

async function pulseState(socket: ControlSocket): Promise<unknown> {
  const answer = (await emitAck(socket, 'pulse:get', {})) as { ok: boolean; state?: unknown };
  expect(answer.ok).toBe(true);
  return answer.state;
}

describe('socket.io events with bad payloads', () => {
  const cases: Array<[string, string, unknown]> = [
    ['a string limit', 'timeline:list', { limit: 'x' }],
    ['a limit of 1e9', 'timeline:list', { limit: 1e9 }],
    ['a negative limit', 'timeline:list', { limit: -1 }],
    ['a fractional limit', 'timeline:list', { limit: 1.5 }],
    ['a null limit', 'timeline:list', { limit: null }],
    ['a string beforeSeq', 'timeline:list', { beforeSeq: '10' }],
    ['an extra key', 'timeline:list', { limit: 5, admin: true }],
    ['an own __proto__ key', 'timeline:list', protoKey()],
    ['a 60 KiB string', 'timeline:list', { limit: NEAR_CAP }],
    ['a 60 KiB key', 'timeline:list', { [NEAR_CAP]: 1 }],
    ['a string payload', 'timeline:list', 'limit=5'],
    ['a number payload', 'timeline:list', 42],
    ['an array payload', 'timeline:list', [{ limit: 5 }]],
    ['a binary payload', 'timeline:list', Buffer.from('binary')],
    ['junk in room:hello', 'room:hello', { junk: 1 }],
    ['a string room:hello', 'room:hello', 'hello'],
    ['an array room:hello', 'room:hello', [1, 2, 3]],
    ['a missing pulseId', 'pulse:close', {}],
    ['a numeric pulseId', 'pulse:close', { pulseId: 5 }],
    ['a string windowSec', 'pulse:start', { windowSec: 'long' }],
    ['too many statements', 'pulse:start', { statementIds: Array.from({ length: 50 }, () => 'x') }],
    ['a minAnswers of 1e9', 'pulse:settings', { minAnswers: 1e9 }],
    ['a negative schedule', 'pulse:schedule', { everyMinutes: -1 }],
    ['ratings that are a string', 'pulse:answer', { pulseId: 'p', ratings: 'five' }],
    ['ratings out of range', 'pulse:answer', { pulseId: 'p', ratings: { safe: 99 } }],
    ['an extra key in pause:request', 'pause:request', { reason: 'x'.repeat(1000) }],
  ];

  it.each(cases)('answers %s (%s) with bad_request and changes nothing', async (_label, event, payload) => {
    const mediator = await connectControl(server(), room.token('mediator'));
    const alice = await connectControl(server(), room.token('a'));
    const before = await pulseState(mediator);
    for (const socket of [mediator, alice]) {
      const ack = await emitThenControl(socket, event, [payload]);
      expect(ack, `${event} ${JSON.stringify(payload)?.slice(0, 80)}`).toMatchObject({
        ok: false,
        error: { code: 'bad_request' },
      });
    }
    expect(await pulseState(mediator)).toEqual(before);
  });

  it('answers events it does not know with bad_request, including names that exist on every object, and stays up', async () => {
    const socket = await connectControl(server(), room.token('a'));
    for (const event of [
      'admin:drop',
      'constructor',
      'hasOwnProperty',
      'toString',
      '__proto__',
      'error',
      'x'.repeat(5000),
    ]) {
      const ack = await emitThenControl(socket, event, [{}]);
      expect(ack, event.slice(0, 20)).toMatchObject({ ok: false, error: { code: 'bad_request' } });
      expect(ack?.error?.message.length, 'a bounded message').toBeLessThan(200);
    }
    expect(socket.connected).toBe(true);
  });

  it('acks an event sent without a payload, refuses one with extra arguments, and ignores one without an ack', async () => {
    const socket = await connectControl(server(), room.token('a'));
    const emit = socket.emit as (event: string, ...args: unknown[]) => void;
    emit.call(socket, 'timeline:list', { limit: 'no ack' });
    emit.call(socket, 'pulse:answer');
    const extra = await emitThenControl(socket, 'timeline:list', [{}, { second: true }]);
    expect(extra).toMatchObject({ ok: false, error: { code: 'bad_request', message: 'an event takes one payload' } });
    expect(await emitThenControl(socket, 'room:hello', [])).toMatchObject({ ok: true });
    expect(await emitThenControl(socket, 'pulse:get', [])).toMatchObject({ ok: true });
    expect(socket.connected).toBe(true);
  });

  it('answers a large binary payload, or one with thousands of unknown keys, in a few hundred characters', async () => {
    const socket = await connectControl(server(), room.token('a'));
    const manyKeys = Object.fromEntries(Array.from({ length: 3000 }, (_, i) => [`key${i}`, i]));
    for (const payload of [Buffer.alloc(60_000), manyKeys]) {
      const ack = await emitThenControl(socket, 'pulse:get', [payload]);
      expect(ack).toMatchObject({ ok: false, error: { code: 'bad_request' } });
      expect(ack?.error?.message.length).toBeLessThan(1200);
    }
  });

  it('survives raw packets that name reserved events or carry deeply nested payloads', async () => {
    const socket = await connectControl(server(), room.token('a'));
    const observer = await connectControl(server(), room.token('observer'));
    const engine = socket.io.engine as unknown as { send(packet: string): void };
    let nested = '{}';
    for (let i = 0; i < 5000; i++) nested = `[${nested}]`;
    for (const packet of [
      '42["disconnect","forged"]',
      '42["disconnecting","forged"]',
      '42["error","forged"]',
      '42["newListener","timeline:list"]',
      '42["removeListener","timeline:list"]',
      `42["timeline:list",${nested}]`,
      '42[{"not":"a name"}]',
      '42[]',
      '42',
      '4',
      '42["timeline:list"',
    ]) {
      engine.send(packet);
    }
    // Whatever became of this socket, the server and everyone else are fine.
    await pause(200);
    const fresh = await connectControl(server(), room.token('a'));
    expect(await emitAck(fresh, 'room:hello', {})).toMatchObject({ ok: true });
    expect(await emitAck(observer, 'timeline:list', {})).toMatchObject({ ok: true });
    expect(server().proc.exitCode).toBeNull();
    // The forged events must not have taken this socket's handlers away either.
    if (socket.connected) expect(await emitAck(socket, 'timeline:list', {})).toMatchObject({ ok: true });
  });

  it('drops a socket that sends a 1 MB string and keeps everyone else connected', async () => {
    const observer = await connectControl(server(), room.token('observer'));
    const socket = await connectControl(server(), room.token('a'));
    let ack: Ack | null = null;
    const emit = socket.emit as (event: string, ...args: unknown[]) => void;
    emit.call(socket, 'timeline:list', { limit: MB }, (a: Ack) => (ack = a));
    await waitFor(() => ack !== null || !socket.connected, 'a bad_request or the socket to be dropped');
    if (ack !== null) expect(ack).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    expect(observer.connected).toBe(true);
    expect(await emitAck(observer, 'room:hello', {})).toMatchObject({ ok: true });
    const again = await connectControl(server(), room.token('a'));
    expect(await emitAck(again, 'room:hello', {})).toMatchObject({ ok: true });
  });
});

// ---- REST ----

function countRows(table: string): number {
  const db = new Database(path.join(server().dataDir, 'parley.sqlite'), { readonly: true, fileMustExist: true });
  try {
    return (db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
  } finally {
    db.close();
  }
}

async function post(url: string, body: string | Buffer, headers: Record<string, string> = {}) {
  const response = await fetch(`${server().url}${url}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });
  const text = await response.text();
  let json: unknown = null;
  try {
    json = JSON.parse(text);
  } catch {
    // Checked below: every error must be JSON.
  }
  return { status: response.status, json, text, contentType: response.headers.get('content-type') ?? '' };
}

function expectError(result: Awaited<ReturnType<typeof post>>, status: number, code: string, what: string): void {
  expect({ status: result.status, body: result.json }, what).toMatchObject({
    status,
    body: { error: { code, message: expect.any(String) } },
  });
  expect(result.contentType, what).toMatch(/application\/json/);
}

describe('REST bodies', () => {
  const valid = { title: 'T', sides: ['A', 'B'], mediated: false };
  const deep = '['.repeat(15_000) + ']'.repeat(15_000);
  const cases: Array<[string, string, string | (() => string), number, string, Record<string, string>?]> = [
    ['wrong types', '/api/rooms', JSON.stringify({ title: 5, sides: 'A,B', mediated: 'yes' }), 400, 'bad_request'],
    ['missing fields', '/api/rooms', JSON.stringify({ title: 'T' }), 400, 'bad_request'],
    ['an extra field', '/api/rooms', JSON.stringify({ ...valid, adminToken: 'mine' }), 400, 'bad_request'],
    ['a 30 KiB title', '/api/rooms', JSON.stringify({ ...valid, title: 't'.repeat(30_000) }), 400, 'bad_request'],
    ['three sides', '/api/rooms', JSON.stringify({ ...valid, sides: ['A', 'B', 'C'] }), 400, 'bad_request'],
    [
      'an own __proto__ key',
      '/api/rooms',
      `{"__proto__":{"mediated":true},${JSON.stringify(valid).slice(1)}`,
      400,
      'bad_request',
    ],
    ['a JSON array', '/api/rooms', '[]', 400, 'bad_request'],
    ['a JSON string', '/api/rooms', '"room"', 400, 'bad_request'],
    ['JSON null', '/api/rooms', 'null', 400, 'bad_request'],
    ['broken JSON', '/api/rooms', '{"title": "T", ', 400, 'bad_request'],
    ['deeply nested JSON', '/api/rooms', deep, 400, 'bad_request'],
    ['a 1 MB body', '/api/rooms', () => JSON.stringify({ ...valid, title: MB }), 413, 'too_large'],
    [
      'a 1 MB member name',
      '/api/members',
      () => JSON.stringify({ token: room.invite('a'), name: MB }),
      413,
      'too_large',
    ],
    [
      'a 61-character name',
      '/api/members',
      () => JSON.stringify({ token: room.invite('a'), name: 'n'.repeat(61) }),
      400,
      'bad_request',
    ],
    ['a numeric token', '/api/members', JSON.stringify({ token: 1234567890123456, name: 'X' }), 400, 'bad_request'],
    [
      'a path as a token',
      '/api/invites/resolve',
      JSON.stringify({ token: '../../../../etc/passwd' }),
      400,
      'bad_request',
    ],
    ['a token array', '/api/invites/resolve', JSON.stringify({ token: ['a'] }), 400, 'bad_request'],
    [
      'extra fields when joining',
      '/api/members',
      () => JSON.stringify({ token: room.invite('a'), name: 'X', role: 'mediator' }),
      400,
      'bad_request',
    ],
    [
      'JSON sent as text/plain',
      '/api/rooms',
      JSON.stringify(valid),
      400,
      'bad_request',
      { 'content-type': 'text/plain' },
    ],
    [
      'an unsupported charset',
      '/api/rooms',
      JSON.stringify(valid),
      400,
      'bad_request',
      { 'content-type': 'application/json; charset=koi8-r' },
    ],
    [
      'an unsupported content encoding',
      '/api/rooms',
      JSON.stringify(valid),
      400,
      'bad_request',
      { 'content-encoding': 'compress' },
    ],
  ];

  it.each(cases)(
    'answers %s on %s with its JSON error and stores nothing',
    async (label, url, body, status, code, headers) => {
      const before = { rooms: countRows('rooms'), members: countRows('members') };
      const result = await post(url, typeof body === 'function' ? body() : body, headers);
      expectError(result, status, code, label);
      expect({ rooms: countRows('rooms'), members: countRows('members') }).toEqual(before);
    },
  );

  it('answers a gzip bomb (a few KiB that inflate to 20 MB) with 413 too_large', async () => {
    const bomb = gzipSync(Buffer.from(`{"title":"${'0'.repeat(20 * 1024 * 1024)}"}`));
    expect(bomb.length).toBeLessThan(64 * 1024);
    const before = countRows('rooms');
    const result = await post('/api/rooms', bomb, { 'content-encoding': 'gzip' });
    expectError(result, 413, 'too_large', 'gzip bomb');
    expect(countRows('rooms')).toBe(before);
  });

  it('answers bad reissue bodies and headers with their errors and keeps the invite', async () => {
    const reissue = (body: string, auth = `Bearer ${room.created.adminToken}`) =>
      post(`/api/rooms/${room.roomId}/invites/reissue`, body, { authorization: auth });
    expectError(await reissue(JSON.stringify({ role: 'side' })), 400, 'bad_request', 'side without a side');
    expectError(await reissue(JSON.stringify({ role: 'king' })), 400, 'bad_request', 'unknown role');
    expectError(await reissue(JSON.stringify({ role: 'observer', extra: 1 })), 400, 'bad_request', 'extra field');
    expectError(await reissue(JSON.stringify({ role: 'observer', pad: MB })), 413, 'too_large', '1 MB body');
    expectError(await reissue(JSON.stringify({ role: 'observer' }), 'Bearer'), 401, 'unauthorized', 'empty bearer');
    expectError(
      await reissue(JSON.stringify({ role: 'observer' }), `Bearer ${'x'.repeat(5000)}`),
      401,
      'unauthorized',
      'huge bearer',
    );
    const stillValid = await api(server(), 'POST', '/api/invites/resolve', {
      body: { token: room.invite('observer') },
    });
    expect(stillValid.status).toBe(200);
  });

  it('keeps serving after all of it: a fresh room syncs and takes writes', async () => {
    expect(server().proc.exitCode).toBeNull();
    await expectServerStillServes(server());
  });
});
