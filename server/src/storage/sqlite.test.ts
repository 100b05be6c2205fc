import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openTestStorage as open, testDir } from './testStorage.testkit.js';
import type { TimelineDraft } from './types.js';

const room = {
  roomId: 'room12345',
  title: 'Lease',
  sides: ['Tenant', 'Landlord'] as [string, string],
  mediated: true,
  createdAt: 1,
};
const invite = (id: string, role: 'side' | 'mediator' | 'observer', side: 'a' | 'b' | null) => ({
  inviteId: id,
  roomId: room.roomId,
  role,
  side,
  createdAt: 1,
});

describe('SQLite storage', () => {
  it('resolves invite, member and admin token hashes, and forgets revoked ones', () => {
    const { storage } = open();
    storage.createRoom(room, 'admin-hash', [{ invite: invite('inv-a', 'side', 'a'), tokenHash: 'a-hash' }]);
    storage.addMember(
      { memberId: 'm1', roomId: room.roomId, inviteId: 'inv-a', name: 'Dana', createdAt: 2 },
      'm1-hash',
    );
    expect(storage.findCredential('a-hash')).toMatchObject({ kind: 'invite', invite: { side: 'a' } });
    expect(storage.findCredential('m1-hash')).toMatchObject({ kind: 'member', member: { name: 'Dana' } });
    expect(storage.findCredential('admin-hash')).toMatchObject({ kind: 'admin', room: { title: 'Lease' } });
    expect(storage.findCredential('nope')).toBeUndefined();

    expect(storage.replaceInvite(invite('inv-a2', 'side', 'a'), 'a2-hash', 3)).toBe('inv-a');
    expect(storage.findCredential('a-hash')).toBeUndefined();
    expect(storage.findCredential('m1-hash')).toBeUndefined();
    expect(storage.findCredential('a2-hash')).toMatchObject({ kind: 'invite' });
  });

  it('loads a document as its snapshot plus the updates after it, across a reopen', () => {
    const { storage, dir } = open();
    const ids = storage.appendUpdates([
      { doc: 'r/joint', update: new Uint8Array([1]) },
      { doc: 'r/joint', update: new Uint8Array([2]) },
      { doc: 'r/other', update: new Uint8Array([9]) },
    ]).updateIds;
    storage.compact('r/joint', new Uint8Array([1, 2]), ids[1]!);
    storage.appendUpdates([{ doc: 'r/joint', update: new Uint8Array([3]) }]);
    storage.close();

    const reopened = open(dir).storage;
    const loaded = reopened.loadDoc('r/joint');
    expect(Array.from(loaded.snapshot!)).toEqual([1, 2]);
    expect(loaded.updates.map((u) => Array.from(u))).toEqual([[3]]);
    expect(reopened.countUpdates('r/joint')).toBe(1);
    expect(reopened.loadDoc('r/other').updates).toHaveLength(1);
  });

  it('numbers updates per document and never reuses a number, even after compaction empties the log', () => {
    const { storage, dir } = open();
    expect(storage.appendUpdates([{ doc: 'r/joint', update: new Uint8Array([1]) }]).updateIds).toEqual([1]);
    expect(
      storage.appendUpdates([
        { doc: 'r/joint', update: new Uint8Array([2]) },
        { doc: 'r/side-a', update: new Uint8Array([7]) },
        { doc: 'r/joint', update: new Uint8Array([3]) },
      ]).updateIds,
    ).toEqual([2, 1, 3]);
    storage.compact('r/joint', new Uint8Array([1, 2, 3]), 3);
    expect(storage.countUpdates('r/joint')).toBe(0);
    storage.close();

    // A fresh process knows nothing of the numbering but what the file holds.
    const reopened = open(dir).storage;
    expect(reopened.appendUpdates([{ doc: 'r/joint', update: new Uint8Array([4]) }]).updateIds).toEqual([4]);
    const loaded = reopened.loadDoc('r/joint');
    expect(Array.from(loaded.snapshot!)).toEqual([1, 2, 3]);
    expect(loaded.updates.map((u) => Array.from(u))).toEqual([[4]]);
    expect(loaded.lastUpdateId).toBe(4);
  });

  it('moves the updates of a database written before the per-document log, losing none', () => {
    const dir = testDir();
    const legacy = new Database(path.join(dir, 'parley.sqlite'));
    legacy.exec(`
      CREATE TABLE doc_updates (id INTEGER PRIMARY KEY AUTOINCREMENT, doc TEXT NOT NULL, data BLOB NOT NULL);
      CREATE INDEX doc_updates_by_doc ON doc_updates(doc, id);
      CREATE TABLE doc_snapshots (doc TEXT PRIMARY KEY, data BLOB NOT NULL, upto INTEGER NOT NULL);
      INSERT INTO doc_updates (doc, data) VALUES ('r/joint', x'01'), ('r/side-a', x'07'), ('r/joint', x'02'), ('r/joint', x'03');
      INSERT INTO doc_snapshots (doc, data, upto) VALUES ('r/joint', x'0102', 3);
      DELETE FROM doc_updates WHERE doc = 'r/joint' AND id <= 3;
    `);
    legacy.close();

    const { storage } = open(dir);
    const joint = storage.loadDoc('r/joint');
    expect(Array.from(joint.snapshot!)).toEqual([1, 2]);
    expect(joint.updates.map((u) => Array.from(u))).toEqual([[3]]);
    expect(joint.lastUpdateId).toBe(4);
    expect(storage.loadDoc('r/side-a').updates.map((u) => Array.from(u))).toEqual([[7]]);
    expect(storage.appendUpdates([{ doc: 'r/joint', update: new Uint8Array([5]) }]).updateIds).toEqual([5]);
  });

  it('answers a refused write with storage_unavailable and stores nothing', () => {
    const { storage, dir } = open();
    storage.appendUpdates([{ doc: 'r/joint', update: new Uint8Array([1]) }]);
    const readOnly = open(dir, { readonly: true }).storage;
    expect(() => readOnly.appendUpdates([{ doc: 'r/joint', update: new Uint8Array([2]) }])).toThrow(
      expect.objectContaining({ code: 'storage_unavailable' }),
    );
    expect(storage.loadDoc('r/joint').updates).toHaveLength(1);
  });

  it('keeps the timeline in order per room and pages backwards', () => {
    const { storage } = open();
    storage.appendUpdates(
      [],
      [0, 1, 2, 3, 4].map((i) => entry({ at: i, summary: `s${i}` })),
    );
    storage.appendUpdates(
      [],
      [entry({ roomId: 'r2', doc: 'r2/joint', memberId: null, name: 'Guest', role: 'observer', side: null })],
    );
    const newest = storage.listTimeline('r1', undefined, 2);
    expect(newest.map((e) => e.summary)).toEqual(['s4', 's3']);
    expect(storage.listTimeline('r1', newest[1]!.seq, 10).map((e) => e.summary)).toEqual(['s2', 's1', 's0']);
  });

  it('commits edits and their timeline entries together, or neither', () => {
    const { storage } = open();
    const stored = storage.appendUpdates(
      [{ doc: 'r1/joint', update: new Uint8Array([1]) }],
      [entry({ summary: 'added option “Shared parking”' })],
    );
    expect(stored.updateIds).toEqual([1]);
    expect(stored.timeline).toEqual([expect.objectContaining({ seq: 1, summary: 'added option “Shared parking”' })]);

    // An entry the database cannot take (no name) fails the whole commit: the edit beside it is not stored either.
    const nameless = entry({ name: null as unknown as string });
    expect(() => storage.appendUpdates([{ doc: 'r1/joint', update: new Uint8Array([2]) }], [nameless])).toThrow();
    expect(storage.loadDoc('r1/joint').updates.map((u) => Array.from(u))).toEqual([[1]]);
    expect(storage.listTimeline('r1', undefined, 10)).toHaveLength(1);
    // And the numbering is where the last commit left it.
    expect(storage.appendUpdates([{ doc: 'r1/joint', update: new Uint8Array([3]) }]).updateIds).toEqual([2]);
  });
});

function entry(fields: Partial<TimelineDraft> = {}): TimelineDraft {
  return {
    roomId: 'r1',
    at: 0,
    doc: 'r1/joint',
    memberId: 'm',
    name: 'Dana',
    role: 'side',
    side: 'a',
    summary: 'edited the board',
    ...fields,
  };
}
