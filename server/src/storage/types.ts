import type { Role, SideId } from '@parley/shared';

/**
 * What the server keeps. A small interface so that a server database can replace the
 * embedded SQLite file when one machine is outgrown; every method is synchronous
 * because the embedded default is, and "accepted ⇒ durable" means a method returning
 * is a commit.
 */

export interface RoomRecord {
  roomId: string;
  title: string;
  sides: [string, string];
  mediated: boolean;
  createdAt: number;
}

export interface InviteRecord {
  inviteId: string;
  roomId: string;
  role: Role;
  side: SideId | null;
  createdAt: number;
}

export interface MemberRecord {
  memberId: string;
  roomId: string;
  inviteId: string;
  name: string;
  createdAt: number;
}

/** What a token hash resolves to. Revoked invites (and members issued from them) resolve to nothing. */
export type Credential =
  | { kind: 'invite'; room: RoomRecord; invite: InviteRecord }
  | { kind: 'member'; room: RoomRecord; invite: InviteRecord; member: MemberRecord }
  | { kind: 'admin'; room: RoomRecord };

export interface StoredDoc {
  snapshot: Uint8Array | null;
  updates: Uint8Array[];
  /** Sequence number (per document) of the last stored update, 0 when none: compaction folds everything up to it. */
  lastUpdateId: number;
}

export interface PendingUpdate {
  doc: string;
  update: Uint8Array;
}

export interface TimelineRecord {
  seq: number;
  roomId: string;
  at: number;
  doc: string;
  memberId: string | null;
  name: string;
  role: Role;
  side: SideId | null;
  summary: string;
}

/** A timeline entry before storage numbers it. */
export type TimelineDraft = Omit<TimelineRecord, 'seq'>;

/** What one commit of accepted edits stored. */
export interface CommittedEdits {
  /** The sequence number each update got in its document, in the order given. */
  updateIds: number[];
  /** The timeline entries as stored, numbered, in the order given. */
  timeline: TimelineRecord[];
}

export interface Storage {
  createRoom(
    room: RoomRecord,
    adminTokenHash: string,
    invites: Array<{ invite: InviteRecord; tokenHash: string }>,
  ): void;
  getRoom(roomId: string): RoomRecord | undefined;
  findCredential(tokenHash: string): Credential | undefined;
  /** Revokes the room's live invite for this role and stores a new one, atomically. Returns the revoked invite's id. */
  replaceInvite(invite: InviteRecord, tokenHash: string, at: number): string | null;
  addMember(member: MemberRecord, tokenHash: string): void;
  /**
   * Erases a room: its documents, timeline, members, invites and the room itself, in one
   * transaction, with the freed space overwritten (secure_delete).
   */
  deleteRoom(roomId: string): void;

  loadDoc(doc: string): StoredDoc;
  /**
   * Appends accepted updates and the timeline entries that describe them in one
   * transaction: a crash keeps both or neither, and an edit costs one commit, not one
   * more per entry. Throws StorageUnavailableError when the database refuses writes.
   */
  appendUpdates(updates: PendingUpdate[], timeline?: TimelineDraft[]): CommittedEdits;
  /** Replaces every update of `doc` up to `uptoId` with `snapshot`. */
  compact(doc: string, snapshot: Uint8Array, uptoId: number): void;
  countUpdates(doc: string): number;

  listTimeline(roomId: string, beforeSeq: number | undefined, limit: number): TimelineRecord[];

  /**
   * A write that needs a fresh page and a commit, undone in the same transaction: throws
   * StorageUnavailableError exactly when storage refuses writes (see WriteHealth).
   */
  probeWrite(): void;

  /**
   * Closes the database at once; resolves when nothing of the storage touches its files
   * any more (its checkpoint worker has ended), so that they may be removed or moved.
   */
  close(): Promise<void>;
}

/** Storage's writes: each one's outcome tells /readyz whether the room database takes writes. */
export const STORAGE_WRITES = [
  'createRoom',
  'replaceInvite',
  'addMember',
  'deleteRoom',
  'appendUpdates',
  'compact',
] as const satisfies ReadonlyArray<keyof Storage>;
