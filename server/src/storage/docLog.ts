import type Database from 'better-sqlite3';
import type { PendingUpdate, StoredDoc } from './types.js';

/**
 * Each document's accepted updates, numbered 1, 2, 3… per document, and its latest
 * snapshot. The log is one clustered b-tree keyed by (doc, seq), so appending an update
 * writes one page, where a rowid table with a secondary index and AUTOINCREMENT wrote
 * three (table, index, sqlite_sequence): appends are the server's hottest write.
 *
 * Sequence numbers are never reused, even after compaction deletes the rows a snapshot
 * folded: a snapshot records the seq it folds up to, and a load reads only what follows.
 */
export const DOC_LOG_SCHEMA = `
CREATE TABLE IF NOT EXISTS doc_log (
  doc TEXT NOT NULL,
  seq INTEGER NOT NULL,
  data BLOB NOT NULL,
  PRIMARY KEY (doc, seq)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS doc_snapshots (
  doc TEXT PRIMARY KEY,
  data BLOB NOT NULL,
  upto INTEGER NOT NULL
);
`;

/**
 * Databases written before the per-document log kept updates in `doc_updates` with one
 * global AUTOINCREMENT id. Ids only grow, so each document's ids are already a valid
 * increasing sequence, and snapshots' `upto` stays meaningful: the rows move as they are.
 */
export function migrateDocLog(db: Database.Database): void {
  const legacy = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'doc_updates'").get();
  if (!legacy) return;
  db.transaction(() => {
    db.exec('INSERT INTO doc_log (doc, seq, data) SELECT doc, id, data FROM doc_updates');
    db.exec('DROP TABLE doc_updates');
  })();
}

export interface DocLog {
  loadDoc(doc: string): StoredDoc;
  /**
   * Appends updates; returns the seq each got. `alongside` runs inside the same
   * transaction, for rows that must commit with them or not at all.
   */
  appendUpdates(updates: PendingUpdate[], alongside?: () => void): number[];
  compact(doc: string, snapshot: Uint8Array, uptoSeq: number): void;
  countUpdates(doc: string): number;
  /** Deletes every document of a room (their names all start with `<roomId>/`): updates and snapshots. */
  deleteRoomDocs(roomId: string): void;
}

export function openDocLog(db: Database.Database): DocLog {
  const q = {
    snapshot: db.prepare<[string], { data: Buffer; upto: number }>(
      'SELECT data, upto FROM doc_snapshots WHERE doc = ?',
    ),
    updatesAfter: db.prepare<[string, number], { seq: number; data: Buffer }>(
      'SELECT seq, data FROM doc_log WHERE doc = ? AND seq > ? ORDER BY seq',
    ),
    lastSeq: db.prepare<[string, string], { seq: number | null }>(
      'SELECT max(seq) AS seq FROM (SELECT max(seq) AS seq FROM doc_log WHERE doc = ? UNION ALL SELECT upto FROM doc_snapshots WHERE doc = ?)',
    ),
    insert: db.prepare('INSERT INTO doc_log (doc, seq, data) VALUES (?, ?, ?)'),
    upsertSnapshot: db.prepare(
      'INSERT INTO doc_snapshots (doc, data, upto) VALUES (?, ?, ?) ON CONFLICT(doc) DO UPDATE SET data = excluded.data, upto = excluded.upto',
    ),
    deleteUpTo: db.prepare('DELETE FROM doc_log WHERE doc = ? AND seq <= ?'),
    count: db.prepare<[string], { n: number }>('SELECT COUNT(*) AS n FROM doc_log WHERE doc = ?'),
    // A range, not LIKE: ids may hold "_", which LIKE reads as any character. "0" is the
    // character after "/", so the range is exactly the names that start with "<roomId>/".
    deleteLogRange: db.prepare('DELETE FROM doc_log WHERE doc >= ? AND doc < ?'),
    deleteSnapshotRange: db.prepare('DELETE FROM doc_snapshots WHERE doc >= ? AND doc < ?'),
  };

  // The last seq of every document appended to or loaded by this process: this
  // connection is the database's only writer, so the cache cannot go stale.
  const lastSeq = new Map<string, number>();
  const lastSeqOf = (doc: string) => lastSeq.get(doc) ?? q.lastSeq.get(doc, doc)?.seq ?? 0;

  const insertAll = db.transaction((rows: Array<[string, number, Uint8Array]>, alongside?: () => void) => {
    for (const row of rows) q.insert.run(...row);
    alongside?.();
  });

  const compact = db.transaction((doc: string, snapshot: Uint8Array, uptoSeq: number) => {
    q.upsertSnapshot.run(doc, snapshot, uptoSeq);
    q.deleteUpTo.run(doc, uptoSeq);
  });

  return {
    loadDoc(doc) {
      const snap = q.snapshot.get(doc);
      const rows = q.updatesAfter.all(doc, snap?.upto ?? 0);
      const last = rows.length ? rows[rows.length - 1]!.seq : (snap?.upto ?? 0);
      lastSeq.set(doc, last);
      return {
        snapshot: snap ? new Uint8Array(snap.data) : null,
        updates: rows.map((r) => new Uint8Array(r.data)),
        lastUpdateId: last,
      };
    },

    appendUpdates(updates, alongside) {
      // One update, the usual batch when edits arrive one per event-loop turn, needs no
      // explicit transaction: the statement commits by itself, without BEGIN and COMMIT.
      if (updates.length === 1 && !alongside) {
        const { doc, update } = updates[0]!;
        const seq = lastSeqOf(doc) + 1;
        q.insert.run(doc, seq, update);
        lastSeq.set(doc, seq);
        return [seq];
      }
      const next = new Map<string, number>();
      const rows = updates.map((u): [string, number, Uint8Array] => {
        const seq = (next.get(u.doc) ?? lastSeqOf(u.doc)) + 1;
        next.set(u.doc, seq);
        return [u.doc, seq, u.update];
      });
      insertAll(rows, alongside);
      // Only after the commit: a refused write leaves the numbering where it was.
      for (const [doc, seq] of next) lastSeq.set(doc, seq);
      return rows.map((row) => row[1]);
    },

    compact: (doc, snapshot, uptoSeq) => compact(doc, snapshot, uptoSeq),
    countUpdates: (doc) => q.count.get(doc)?.n ?? 0,

    deleteRoomDocs(roomId) {
      const range = [`${roomId}/`, `${roomId}0`] as const;
      q.deleteLogRange.run(...range);
      q.deleteSnapshotRange.run(...range);
      for (const doc of lastSeq.keys()) if (doc.startsWith(range[0])) lastSeq.delete(doc);
    },
  };
}
