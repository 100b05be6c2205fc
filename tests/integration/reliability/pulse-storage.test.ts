import { mkdirSync, rmdirSync } from 'node:fs';
import path from 'node:path';
import { ErrorCode } from '@parley/shared';
import { describe, expect, it } from 'vitest';
import {
  api,
  connectControl,
  createRoom,
  emitAck,
  installCleanup,
  join,
  startServer,
  waitFor,
} from '../../helpers/index.js';

/**
 * Pulse checks are stored in a file of their own (pulses.sqlite). When that file refuses
 * writes while the room database does not, the pulse write is refused with a clear
 * error, and /readyz says the server is not ready until the file takes writes again.
 */

installCleanup();

describe('the pulse file refusing writes', () => {
  it('refuses pulse writes with storage_unavailable and is not ready until the file takes writes again', async () => {
    const server = await startServer();
    const room = await createRoom(server, { mediated: true });
    const mediator = await join(server, room.invites.mediator!.token, 'Morgan');
    const socket = await connectControl(server, mediator.memberToken);
    expect(await emitAck(socket, 'pulse:settings', { minAnswers: 4 })).toMatchObject({ ok: true });
    const readiness = async () => {
      const res = await fetch(`${server.url}/readyz`);
      return { status: res.status, body: (await res.json()) as unknown };
    };
    expect(await readiness()).toEqual({ status: 200, body: { ready: true } });

    // A directory where SQLite creates the rollback journal: no write transaction can
    // start, as on a read-only or full disk (and unlike permissions, root cannot bypass it).
    const journal = path.join(server.dataDir, 'pulses.sqlite-journal');
    mkdirSync(journal);
    const refused = await emitAck(socket, 'pulse:settings', { minAnswers: 6 });
    expect(refused).toMatchObject({ ok: false, error: { code: ErrorCode.StorageUnavailable } });
    expect(await readiness()).toEqual({ status: 503, body: { ready: false, reason: 'storage_unavailable' } });
    // The room database is not the one refusing: rooms are still created.
    const another = await api(server, 'POST', '/api/rooms', {
      body: { title: 'Next', sides: ['A', 'B'], mediated: false },
    });
    expect(another.status).toBe(201);

    rmdirSync(journal);
    // A probe write decides, at most once per 5 s, so a balancer's polling brings it back.
    await waitFor(async () => (await readiness()).status === 200, 'the server to be ready again', {
      timeoutMs: 15_000,
    });
    // The refused change was not kept; a new one is.
    const state = await emitAck(socket, 'pulse:get', {});
    expect(state).toMatchObject({ ok: true, state: { minAnswers: 4 } });
    expect(await emitAck(socket, 'pulse:settings', { minAnswers: 5 })).toMatchObject({
      ok: true,
      state: { minAnswers: 5 },
    });
  });
});
