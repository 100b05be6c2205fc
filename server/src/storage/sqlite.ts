import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { ErrorCode, type Role, type SideId } from '@parley/shared';
import { ParleyError } from '../errors.js';
import {
  DEFAULT_CHECKPOINTS,
  startCheckpointer,
  type CheckpointerEvents,
  type CheckpointSettings,
} from './checkpointer.js';
import { DOC_LOG_SCHEMA, migrateDocLog, openDocLog } from './docLog.js';
import { WRITE_PROBE_SCHEMA, capFileSize, guardWrite, writeProbe } from './refusal.js';
import type {
  Credential,
  InviteRecord,
  MemberRecord,
  RoomRecord,
  Storage,
  TimelineDraft,
  TimelineRecord,
} from './types.js';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS rooms (
  room_id TEXT PRIMARY KEY,
  title TEXT NOT NULL,
  side_a TEXT NOT NULL,
  side_b TEXT NOT NULL,
  mediated INTEGER NOT NULL,
  created_at INTEGER NOT NULL,
  admin_hash TEXT NOT NULL UNIQUE
);
CREATE TABLE IF NOT EXISTS invites (
  invite_id TEXT PRIMARY KEY,
  room_id TEXT NOT NULL REFERENCES rooms(room_id),
  role TEXT NOT NULL,
  side TEXT,
  token_hash TEXT NOT NULL UNIQUE,
  created_at INTEGER NOT NULL,
  revoked_at INTEGER
);
CREATE INDEX IF NOT EXISTS invites_by_room ON invites(room_id);
CREATE TABLE IF NOT EXISTS members (
  member_id TEXT PRIMARY KEY,
  room_id TEXT NOT NULL REFERENCES rooms(room_id),
  invite_id TEXT NOT NULL REFERENCES invites(invite_id),
  name TEXT NOT NULL,
  token_hash TEXT NOT NULL UNIQUE,
  created_at INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS timeline (
  seq INTEGER PRIMARY KEY,
  room_id TEXT NOT NULL,
  at INTEGER NOT NULL,
  doc TEXT NOT NULL,
  member_id TEXT,
  name TEXT NOT NULL,
  role TEXT NOT NULL,
  side TEXT,
  summary TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS timeline_by_room ON timeline(room_id, seq);
`;

interface RoomRow {
  room_id: string;
  title: string;
  side_a: string;
  side_b: string;
  mediated: number;
  created_at: number;
}
interface InviteRow {
  invite_id: string;
  room_id: string;
  role: Role;
  side: SideId | null;
  created_at: number;
}

const toRoom = (r: RoomRow): RoomRecord => ({
  roomId: r.room_id,
  title: r.title,
  sides: [r.side_a, r.side_b],
  mediated: r.mediated === 1,
  createdAt: r.created_at,
});
const toInvite = (r: InviteRow): InviteRecord => ({
  inviteId: r.invite_id,
  roomId: r.room_id,
  role: r.role,
  side: r.side,
  createdAt: r.created_at,
});

const WAL_SIZE_LIMIT_BYTES = 64 * 1024 * 1024;

/**
 * The embedded default: one SQLite file in WAL mode. `readonly` opens an existing
 * database for inspection; every write then fails with storage_unavailable, which is
 * also how the refusal path is tested.
 */
export function openSqliteStorage(
  file: string,
  options: {
    readonly?: boolean;
    maxBytes?: number;
    /** Checkpoint settings (the defaults where left out) and who hears of checkpoints and failures. */
    checkpoints?: Partial<CheckpointSettings> & CheckpointerEvents;
  } = {},
): Storage {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const db = new Database(file, { readonly: options.readonly ?? false });
  if (!options.readonly) {
    db.pragma('journal_mode = WAL');
    // Checkpoints run in a worker thread (checkpointer.ts), never inside a commit here.
    db.pragma('wal_autocheckpoint = 0');
    // The WAL is reused from its first frame after each restart (checkpointWorker.ts);
    // one that grew past this during a burst is cut back to it then.
    db.pragma(`journal_size_limit = ${WAL_SIZE_LIMIT_BYTES}`);
  }
  // NORMAL in WAL mode: a commit survives a process crash (kill -9); only a power loss
  // can take the last transactions, which FULL would add an fsync per commit to prevent.
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  // Deleted rows are overwritten, not left in free pages: a deleted room's private notes
  // must not stay readable in the file. Compaction's deletes pay for it too (a few pages).
  db.pragma('secure_delete = ON');
  db.pragma('busy_timeout = 2000');
  if (!options.readonly) {
    db.exec(SCHEMA);
    db.exec(WRITE_PROBE_SCHEMA);
    db.exec(DOC_LOG_SCHEMA);
    migrateDocLog(db);
  }
  capFileSize(db, options.maxBytes ?? 0);

  const q = {
    insertRoom: db.prepare(
      'INSERT INTO rooms (room_id, title, side_a, side_b, mediated, created_at, admin_hash) VALUES (?, ?, ?, ?, ?, ?, ?)',
    ),
    insertInvite: db.prepare(
      'INSERT INTO invites (invite_id, room_id, role, side, token_hash, created_at) VALUES (?, ?, ?, ?, ?, ?)',
    ),
    getRoom: db.prepare<[string], RoomRow>('SELECT * FROM rooms WHERE room_id = ?'),
    roomByAdmin: db.prepare<[string], RoomRow>('SELECT * FROM rooms WHERE admin_hash = ?'),
    liveInviteByHash: db.prepare<[string], InviteRow>(
      'SELECT * FROM invites WHERE token_hash = ? AND revoked_at IS NULL',
    ),
    liveInviteById: db.prepare<[string], InviteRow>('SELECT * FROM invites WHERE invite_id = ? AND revoked_at IS NULL'),
    memberByHash: db.prepare<
      [string],
      { member_id: string; room_id: string; invite_id: string; name: string; created_at: number }
    >('SELECT * FROM members WHERE token_hash = ?'),
    liveInviteForRole: db.prepare<[string, string, string | null], InviteRow>(
      'SELECT * FROM invites WHERE room_id = ? AND role = ? AND side IS ? AND revoked_at IS NULL',
    ),
    revokeInvite: db.prepare('UPDATE invites SET revoked_at = ? WHERE invite_id = ?'),
    insertMember: db.prepare(
      'INSERT INTO members (member_id, room_id, invite_id, name, token_hash, created_at) VALUES (?, ?, ?, ?, ?, ?)',
    ),
    insertTimeline: db.prepare(
      'INSERT INTO timeline (room_id, at, doc, member_id, name, role, side, summary) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    ),
    deleteTimeline: db.prepare('DELETE FROM timeline WHERE room_id = ?'),
    deleteMembers: db.prepare('DELETE FROM members WHERE room_id = ?'),
    deleteInvites: db.prepare('DELETE FROM invites WHERE room_id = ?'),
    deleteRoom: db.prepare('DELETE FROM rooms WHERE room_id = ?'),
    listTimeline: db.prepare<[string, number, number], Record<string, unknown>>(
      'SELECT * FROM timeline WHERE room_id = ? AND seq < ? ORDER BY seq DESC LIMIT ?',
    ),
  };

  const docLog = openDocLog(db);
  const { onCheckpoint, onFailure, ...checkpointSettings } = options.checkpoints ?? {};
  const checkpointer = options.readonly
    ? null
    : startCheckpointer(file, { ...DEFAULT_CHECKPOINTS, ...checkpointSettings }, { onCheckpoint, onFailure });
  /** Every write goes through here: a refusal becomes storage_unavailable, a commit wakes the checkpointer. */
  function write<T>(commit: () => T): T {
    try {
      return guardWrite(commit);
    } finally {
      checkpointer?.wrote();
    }
  }

  function insertTimeline(entry: TimelineDraft): TimelineRecord {
    const info = q.insertTimeline.run(
      entry.roomId,
      entry.at,
      entry.doc,
      entry.memberId,
      entry.name,
      entry.role,
      entry.side,
      entry.summary,
    );
    return { ...entry, seq: Number(info.lastInsertRowid) };
  }

  const createRoom = db.transaction(
    (room: RoomRecord, adminHash: string, invites: Array<{ invite: InviteRecord; tokenHash: string }>) => {
      q.insertRoom.run(
        room.roomId,
        room.title,
        room.sides[0],
        room.sides[1],
        room.mediated ? 1 : 0,
        room.createdAt,
        adminHash,
      );
      for (const { invite, tokenHash } of invites) {
        q.insertInvite.run(invite.inviteId, invite.roomId, invite.role, invite.side, tokenHash, invite.createdAt);
      }
    },
  );

  const replaceInvite = db.transaction((invite: InviteRecord, tokenHash: string, at: number): string | null => {
    const old = q.liveInviteForRole.get(invite.roomId, invite.role, invite.side);
    if (old) q.revokeInvite.run(at, old.invite_id);
    q.insertInvite.run(invite.inviteId, invite.roomId, invite.role, invite.side, tokenHash, invite.createdAt);
    return old?.invite_id ?? null;
  });

  const deleteRoom = db.transaction((roomId: string) => {
    docLog.deleteRoomDocs(roomId);
    q.deleteTimeline.run(roomId);
    q.deleteMembers.run(roomId);
    q.deleteInvites.run(roomId);
    q.deleteRoom.run(roomId);
  });

  // Readonly opens have no write_probe table to prepare against; their probe fails anyway.
  // A probe leaves no data behind, so its frames need no checkpoint of their own.
  const probeWrite = options.readonly
    ? () => {
        throw new ParleyError(ErrorCode.StorageUnavailable, 'storage refused the write (opened read-only)');
      }
    : writeProbe(db);

  function findCredential(hash: string): Credential | undefined {
    const inviteRow = q.liveInviteByHash.get(hash);
    if (inviteRow) {
      const room = q.getRoom.get(inviteRow.room_id);
      return room && { kind: 'invite', room: toRoom(room), invite: toInvite(inviteRow) };
    }
    const memberRow = q.memberByHash.get(hash);
    if (memberRow) {
      const invite = q.liveInviteById.get(memberRow.invite_id);
      const room = q.getRoom.get(memberRow.room_id);
      if (!invite || !room) return undefined;
      const member: MemberRecord = {
        memberId: memberRow.member_id,
        roomId: memberRow.room_id,
        inviteId: memberRow.invite_id,
        name: memberRow.name,
        createdAt: memberRow.created_at,
      };
      return { kind: 'member', room: toRoom(room), invite: toInvite(invite), member };
    }
    const adminRoom = q.roomByAdmin.get(hash);
    return adminRoom && { kind: 'admin', room: toRoom(adminRoom) };
  }

  return {
    createRoom: (room, adminHash, invites) => write(() => createRoom(room, adminHash, invites)),
    getRoom: (roomId) => {
      const row = q.getRoom.get(roomId);
      return row && toRoom(row);
    },
    findCredential,
    replaceInvite: (invite, hash, at) => write(() => replaceInvite(invite, hash, at)),
    addMember: (m, hash) =>
      write(() => q.insertMember.run(m.memberId, m.roomId, m.inviteId, m.name, hash, m.createdAt)),
    deleteRoom: (roomId) => write(() => deleteRoom(roomId)),

    loadDoc: (doc) => docLog.loadDoc(doc),
    appendUpdates: (updates, timeline = []) =>
      write(() => {
        const stored: TimelineRecord[] = [];
        // Without entries, a single update still commits as one statement (docLog.ts).
        const withEntries =
          timeline.length > 0 ? () => timeline.forEach((entry) => stored.push(insertTimeline(entry))) : undefined;
        return { updateIds: docLog.appendUpdates(updates, withEntries), timeline: stored };
      }),
    compact: (doc, snapshot, uptoId) => write(() => docLog.compact(doc, snapshot, uptoId)),
    countUpdates: (doc) => docLog.countUpdates(doc),

    listTimeline(roomId, beforeSeq, limit) {
      return q.listTimeline.all(roomId, beforeSeq ?? Number.MAX_SAFE_INTEGER, limit).map((r) => ({
        seq: r.seq as number,
        roomId: r.room_id as string,
        at: r.at as number,
        doc: r.doc as string,
        memberId: (r.member_id as string | null) ?? null,
        name: r.name as string,
        role: r.role as Role,
        side: (r.side as SideId | null) ?? null,
        summary: r.summary as string,
      }));
    },
    probeWrite,
    close() {
      const workerEnded = checkpointer?.stop() ?? Promise.resolve();
      if (!options.readonly) {
        try {
          db.pragma('wal_checkpoint(TRUNCATE)');
        } catch {
          // The WAL stays beside the file and is replayed on the next open.
        }
      }
      db.close();
      return workerEnded;
    },
  };
}
