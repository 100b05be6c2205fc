import { COLLECTIONS, addItem, removeItem, updateItem, type TimelineEntry } from '@parley/shared';
import { describe, expect, it } from 'vitest';
import { connectControl, emitAck, syncedDoc, useServerWithRoom, waitFor } from '../helpers/index.js';

const { server, room } = useServerWithRoom({ mediated: true });

async function list(seat: 'mediator' | 'a' | 'b' | 'observer'): Promise<TimelineEntry[]> {
  const socket = await connectControl(server(), room().token(seat));
  const ack = await emitAck(socket, 'timeline:list', {});
  socket.disconnect();
  if (!ack.ok) throw new Error(JSON.stringify(ack.error));
  return ack.entries;
}

describe('the timeline', () => {
  it('records who changed what from accepted edits, live for everyone in the room', async () => {
    const watcher = await connectControl(server(), room().token('b'));
    const live: TimelineEntry[] = [];
    watcher.on('timeline:entry', (entry) => live.push(entry));

    const board = await syncedDoc(server(), room().doc({ kind: 'side', side: 'a' }), room().token('a'));
    addItem(board.doc, 'positions', COLLECTIONS.side.positions, {
      id: 'p1',
      text: 'Rent stays at 1200',
      because: '',
      createdAt: 1,
    });
    await waitFor(() => live.length > 0, 'a live timeline entry');
    expect(live[0]).toMatchObject({
      name: 'Alice',
      role: 'side',
      side: 'a',
      summary: 'added position “Rent stays at 1200”',
    });

    updateItem(board.doc, 'positions', COLLECTIONS.side.positions, 'p1', { because: 'our budget is fixed' });
    await waitFor(() => live.some((e) => e.summary.startsWith('edited position')), 'the edit to be recorded');
    // A removal names what was removed: "removed a position" would leave the room guessing.
    removeItem(board.doc, 'positions', 'p1');
    await waitFor(() => live.some((e) => e.summary.startsWith('removed')), 'the removal to be recorded');
    const observed = await list('observer');
    expect(observed.map((e) => e.summary)).toEqual([
      'removed position “Rent stays at 1200”',
      'edited position “Rent stays at 1200”',
      'added position “Rent stays at 1200”',
    ]);
  });

  it('describes phase changes by the facilitator, once', async () => {
    const facilitation = await syncedDoc(server(), room().doc({ kind: 'facilitation' }), room().token('mediator'));
    facilitation.doc.transact(() => {
      facilitation.doc.getMap('state').set('phase', 'interests');
      addItem(facilitation.doc, 'phaseHistory', COLLECTIONS.facilitation.phaseHistory, {
        id: 'ph1',
        phase: 'interests',
        at: 5,
      });
    });
    await waitFor(
      async () => (await list('a')).some((e) => e.summary === 'moved the room to the interests phase'),
      'the phase change',
    );
    const entries = (await list('a')).filter((e) => e.name === 'Morgan');
    expect(entries.map((e) => e.summary)).toEqual(['moved the room to the interests phase']);
  });

  it('never records private notes or the mediator’s notes, which everyone would read', async () => {
    const before = (await list('observer')).length;
    const privateA = await syncedDoc(server(), room().doc({ kind: 'private', side: 'a' }), room().token('a'));
    privateA.doc.getMap('notes').set('walkAway', 'the flat on Elm Street');
    const notes = await syncedDoc(server(), room().doc({ kind: 'mediator' }), room().token('mediator'));
    notes.doc.getMap('notes').set('notes', 'watch the time');
    // A public edit after them: once it is recorded, the private ones would have been too.
    const joint = await syncedDoc(server(), room().doc({ kind: 'joint' }), room().token('b'));
    addItem(joint.doc, 'criteria', COLLECTIONS.joint.criteria, {
      id: 'c1',
      text: 'Market rent',
      kind: 'market',
      createdAt: 6,
    });
    await waitFor(
      async () => (await list('observer')).some((e) => e.summary.includes('Market rent')),
      'the public edit',
    );
    const after = await list('observer');
    expect(after.length).toBe(before + 1);
    expect(JSON.stringify(after)).not.toMatch(/Elm Street|watch the time|notes/);
  });

  it('is written by nobody but the server', async () => {
    const forger = await connectControl(server(), room().token('a'));
    const watcher = await connectControl(server(), room().token('b'));
    const received: TimelineEntry[] = [];
    watcher.on('timeline:entry', (entry) => received.push(entry));
    const before = await list('observer');
    (forger.emit as (event: string, payload: unknown) => void)('timeline:entry', {
      seq: 999,
      at: 1,
      doc: 'x',
      memberId: null,
      name: 'Bob',
      role: 'side',
      summary: 'agreed to everything',
    });
    // A permitted edit after the forgery: when its entry arrives, a relayed forgery would have too.
    const board = await syncedDoc(server(), room().doc({ kind: 'side', side: 'a' }), room().token('a'));
    addItem(board.doc, 'notices', COLLECTIONS.side.notices, {
      id: 'n1',
      text: 'We will consult our lawyer',
      createdAt: 7,
    });
    await waitFor(() => received.length > 0, 'the real entry');
    expect(received.map((e) => e.summary)).toEqual(['added notice “We will consult our lawyer”']);
    expect((await list('observer')).length).toBe(before.length + 1);
  });

  it('is kept across a restart', async () => {
    const before = await list('observer');
    await server().restart();
    expect(await list('observer')).toEqual(before);
  });
});
