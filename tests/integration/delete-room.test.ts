import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { addItem, CloseCode, newId, positionSchema, type DocScope } from '@parley/shared';
import { describe, expect, it } from 'vitest';
import {
  api,
  closedWith,
  connectControl,
  docUrl,
  emitAck,
  installCleanup,
  setupRoom,
  startServer,
  syncedDoc,
  waitFor,
  withTimeout,
  type TestServer,
} from '../helpers/index.js';

/**
 * A negotiation's room holds what people would not want kept: private notes with a
 * reservation point, the timeline of who said what. Its creator can erase it; nobody
 * else can, and afterwards nothing of it is served, and nothing of what was typed is
 * left in the server's files.
 */

installCleanup();

const SIDE_A: DocScope = { kind: 'side', side: 'a' };
const PRIVATE_A: DocScope = { kind: 'private', side: 'a' };

function deleteRoom(server: TestServer, roomId: string, bearer: string) {
  return api(server, 'DELETE', `/api/rooms/${roomId}`, { headers: { authorization: `Bearer ${bearer}` } });
}

describe('deleting a room', () => {
  it('erases it for its creator alone: everyone is disconnected, it is gone after a restart, and what was typed is not in the files', async () => {
    const server = await startServer();
    const room = await setupRoom(server, { mediated: true });
    const other = await setupRoom(server, { mediated: false });
    const secret = `Reservation point 1,290 ${newId()}`;

    const notes = await syncedDoc(server, room.doc(PRIVATE_A), room.token('a'));
    notes.doc.getMap('notes').set('reservation', secret);
    const alice = await syncedDoc(server, room.doc(SIDE_A), room.token('a'));
    addItem(alice.doc, 'positions', positionSchema, { id: newId(), text: secret, because: '', createdAt: 1 });
    const bob = await syncedDoc(server, room.doc(SIDE_A), room.token('b'));
    await waitFor(() => bob.doc.getMap('positions').size === 1, 'the position to reach side B');
    const mediator = await connectControl(server, room.token('mediator'));
    expect((await emitAck(mediator, 'pulse:settings', { minAnswers: 4 })).ok).toBe(true);
    const revoked = withTimeout(
      new Promise<{ reason?: string }>((resolve) => mediator.on('session:revoked', resolve)),
      10_000,
      'the control plane to tell the mediator',
    );
    const elsewhere = await syncedDoc(server, other.doc(SIDE_A), other.token('a'));
    const kept = addItem(elsewhere.doc, 'positions', positionSchema, {
      id: newId(),
      text: 'Another room stays',
      because: '',
      createdAt: 1,
    });

    // Nobody but the creator: not the mediator who runs it, not a side, not another room's creator.
    for (const bearer of [room.token('mediator'), room.invite('mediator'), room.token('a'), room.token('observer')]) {
      expect((await deleteRoom(server, room.roomId, bearer)).status).toBe(403);
    }
    expect((await deleteRoom(server, room.roomId, other.created.adminToken)).status).toBe(401);
    expect(bob.closes).toEqual([]);

    const deleted = await deleteRoom(server, room.roomId, room.created.adminToken);
    expect(deleted.status, JSON.stringify(deleted.body)).toBe(200);
    await waitFor(() => bob.closes.some((c) => c.code === CloseCode.NotFound), 'side B to be disconnected');
    // The operator's log says so, with the room's id and nothing of what was in it.
    const told = server.logs.filter((line) => line.includes('deleting a room'));
    expect(told).toHaveLength(1);
    expect(told[0]).toContain(room.roomId);
    expect(told[0]).not.toContain(room.created.adminToken);
    expect(await revoked).toMatchObject({ reason: 'deleted' });

    // Gone: the room, its links, its documents.
    expect(
      (
        await api(server, 'GET', `/api/rooms/${room.roomId}`, {
          headers: { authorization: `Bearer ${room.created.adminToken}` },
        })
      ).status,
    ).toBe(404);
    expect((await deleteRoom(server, room.roomId, room.created.adminToken)).status).toBe(404);
    expect(
      (await api(server, 'POST', '/api/members', { body: { token: room.invite('b'), name: 'Late' } })).status,
    ).toBe(401);
    expect((await closedWith(docUrl(server, room.doc(SIDE_A), room.token('b')))).code).toBe(CloseCode.Unauthorized);

    // The other room is untouched.
    const again = await syncedDoc(server, other.doc(SIDE_A), other.token('b'));
    expect(again.doc.getMap('positions').has(kept.id)).toBe(true);

    await server.stop();
    for (const file of readdirSync(server.dataDir)) {
      expect(readFileSync(path.join(server.dataDir, file)).includes(secret), file).toBe(false);
    }
    await server.restart();
    const stillGone = await closedWith(docUrl(server, room.doc(PRIVATE_A), room.token('a')));
    expect(stillGone.code).toBe(CloseCode.Unauthorized);
  });
});
