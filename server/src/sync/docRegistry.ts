import { getUnixTime } from 'lib0/time';
import * as awarenessProtocol from 'y-protocols/awareness';
import { CloseCode, ErrorCode, type DocScope } from '@parley/shared';
import type { Config } from '../config.js';
import { ParleyError } from '../errors.js';
import type { Logger } from '../log.js';
import type { CommitStats } from '../metrics.js';
import type { CommittedEdits, PendingUpdate, Storage } from '../storage/types.js';
import type { DescribedChange, Timeline } from '../timeline/timeline.js';
import { MalformedMessage } from './protocol.js';
import { SharedDoc, UnappliedUpdate, type PendingChange, type Peer } from './sharedDoc.js';

type Limits = Pick<Config, 'MAX_DOC_BYTES' | 'COMPACT_AFTER_UPDATES' | 'UNLOAD_AFTER_MS' | 'MAX_ROOMS_LOADED'>;

/** A close code and its reason, as a peer is closed with them. */
type CloseWith = readonly [code: number, reason: string];

/** For peers of a document reloaded from storage: they reconnect and resync by themselves. */
const RELOADED: CloseWith = [CloseCode.ServiceRestart, 'document reloaded'];

/**
 * The pause between two compactions, when several documents are due at once (see
 * queueCompaction). At most ten a second, each folding COMPACT_AFTER_UPDATES updates
 * (500 by default), keep up with 5,000 accepted edits a second; past that, documents
 * only wait longer for their turn, with a few more rows to read on a cold load.
 */
export const COMPACTION_SPACING_MS = 100;

/**
 * How long accepted edits may wait for their commit while the same event-loop turn goes
 * on reading other frames (see flushIfOverdue).
 */
export const MAX_BATCH_WAIT_MS = 2;

/** How often quiet clients' presence is expired: y-protocols' own cadence, a tenth of its timeout. */
export const PRESENCE_SWEEP_MS = awarenessProtocol.outdatedTimeout / 10;

/**
 * The documents in memory: loads them from storage on first use, batches the commit
 * of accepted updates (one transaction per event-loop turn, or per MAX_BATCH_WAIT_MS
 * in a long turn, then relay), compacts them into snapshots, and unloads them once the
 * last peer has left.
 */
export class DocRegistry {
  private readonly docs = new Map<string, SharedDoc>();
  /** The loaded documents of each room, so joins never scan every loaded document. */
  private readonly rooms = new Map<string, Set<SharedDoc>>();
  private readonly unloadTimers = new Map<string, NodeJS.Timeout>();
  private readonly dirty = new Set<SharedDoc>();
  /** Whether the commit at the end of this turn is queued: once a turn, however often flushIfOverdue commits early. */
  private flushScheduled = false;
  /** When the batch now pending was opened, on performance.now()'s clock. */
  private batchOpenedAt = 0;
  /** Documents past the compaction threshold, compacted one at a time (see queueCompaction). */
  private readonly compactionQueue = new Set<SharedDoc>();
  private compactionScheduled = false;
  /** One timer expires quiet clients' presence in every loaded document; none while none is loaded. */
  private presenceSweep: NodeJS.Timeout | null = null;

  constructor(
    private readonly storage: Storage,
    private readonly limits: Limits,
    private readonly timeline: Timeline,
    private readonly log: Logger,
    private readonly commits: CommitStats | null = null,
  ) {}

  get loadedDocs(): number {
    return this.docs.size;
  }

  roomsLoaded(): number {
    return this.rooms.size;
  }

  peersInRoom(roomId: string): number {
    let n = 0;
    for (const doc of this.rooms.get(roomId) ?? []) n += doc.peers.size;
    return n;
  }

  /** Loads the document fully (synchronously) before the first sync answer and adds the peer. */
  attach(name: string, roomId: string, scope: DocScope, peer: Peer): SharedDoc {
    let doc = this.docs.get(name);
    if (!doc) {
      if (!this.rooms.has(roomId) && this.rooms.size >= this.limits.MAX_ROOMS_LOADED) {
        throw new ParleyError(ErrorCode.RateLimited, 'the server has reached its room limit; try again later');
      }
      doc = new SharedDoc(name, roomId, scope, this.storage.loadDoc(name));
      this.docs.set(name, doc);
      const roomDocs = this.rooms.get(roomId) ?? new Set<SharedDoc>();
      roomDocs.add(doc);
      this.rooms.set(roomId, roomDocs);
      this.presenceSweep ??= setInterval(() => this.expirePresence(), PRESENCE_SWEEP_MS).unref();
    }
    clearTimeout(this.unloadTimers.get(name));
    this.unloadTimers.delete(name);
    doc.peers.add(peer);
    return doc;
  }

  detach(doc: SharedDoc, peer: Peer): void {
    doc.removePeer(peer);
    if (doc.peers.size > 0 || this.docs.get(doc.name) !== doc) return;
    const timer = setTimeout(() => this.unload(doc), this.limits.UNLOAD_AFTER_MS);
    timer.unref();
    this.unloadTimers.set(doc.name, timer);
  }

  /**
   * Applies a permitted peer's update in memory and queues its commit. Relay waits for
   * the commit. Throws MalformedMessage for updates Yjs cannot integrate and a
   * too_large ParleyError when the document would outgrow its cap. `updateMessage` is
   * the inbound sync update message that carried `update`, when it was one: relayed as is.
   */
  accept(doc: SharedDoc, peer: Peer, update: Uint8Array, updateMessage?: Uint8Array): void {
    // Counting what is applied but not yet committed too: a burst of updates read in one
    // turn would otherwise each be checked against the size before any of them.
    const pendingBytes = doc.pending.reduce((n, change) => n + change.update.length, 0);
    if (doc.bytes + pendingBytes + update.length > this.limits.MAX_DOC_BYTES) {
      throw new ParleyError(ErrorCode.TooLarge, `document would exceed ${this.limits.MAX_DOC_BYTES} bytes`);
    }
    try {
      doc.applyFrom(peer, update, updateMessage);
    } catch (error) {
      // When memory holds part of an update storage will never have, start again from
      // storage. The sender is closed with 4400 by its connection; everyone else
      // reconnects and resyncs, resending anything of theirs that was not yet committed.
      if (!(error instanceof UnappliedUpdate) || error.partlyApplied) {
        this.discard(doc, (other) => (other === peer ? null : RELOADED));
      }
      throw new MalformedMessage(`update could not be applied: ${(error as Error).message}`);
    }
    if (doc.pending.length > 0) this.markDirty(doc);
  }

  /** Commits everything pending now. Called before any state is revealed (sync step 2) and on shutdown. */
  flush(): void {
    if (this.dirty.size === 0) return;
    // Everything pending leaves its document now, so a refused commit leaves nothing behind.
    const batch: Array<{ doc: SharedDoc; changes: PendingChange[] }> = [];
    const updates: PendingUpdate[] = [];
    const described: DescribedChange[] = [];
    for (const doc of this.dirty) {
      const changes = doc.pending;
      doc.pending = [];
      batch.push({ doc, changes });
      for (const change of changes) {
        updates.push({ doc: doc.name, update: change.update });
        if (change.sentences.length > 0) {
          described.push({ identity: change.origin.identity, doc: doc.name, sentences: change.sentences });
        }
      }
    }
    this.dirty.clear();
    // The timeline's entries commit with the edits they describe: a crash keeps both or neither.
    const entries = this.timeline.draft(described);
    let committed: CommittedEdits;
    const started = performance.now();
    try {
      committed = this.storage.appendUpdates(updates, entries.drafts);
    } catch (error) {
      this.log.error({ err: error }, 'storage refused a batch of updates; resetting the affected documents');
      const reason = error instanceof ParleyError ? error.message : 'storage unavailable';
      for (const { doc, changes } of batch) {
        // Only those whose edits were refused are told storage is not saving; the others
        // saw none of those edits, lose nothing, and only resync with what storage has.
        const writers = new Set(changes.map((change) => change.origin));
        this.discard(doc, (peer) => (writers.has(peer) ? [CloseCode.StorageUnavailable, reason] : RELOADED));
      }
      return;
    }
    const ids = committed.updateIds;
    this.commits?.recordCommit(ids.length, (performance.now() - started) / 1000);
    let i = 0;
    for (const { doc, changes: list } of batch) {
      for (const change of list) {
        doc.lastStoredId = ids[i++]!;
        doc.updatesSinceSnapshot += 1;
        doc.bytes += change.update.length;
      }
      doc.relay(list);
      if (doc.updatesSinceSnapshot >= this.limits.COMPACT_AFTER_UPDATES) this.queueCompaction(doc);
    }
    entries.committed(committed.timeline);
  }

  /**
   * Commits the pending batch now if it has waited MAX_BATCH_WAIT_MS, instead of at the
   * end of the event-loop turn. Called after every inbound frame: a turn that reads
   * hundreds of frames (everyone's presence renewed at once) would otherwise hold the
   * edits read at its start until the last frame is handled.
   */
  flushIfOverdue(): void {
    if (this.dirty.size > 0 && performance.now() - this.batchOpenedAt >= MAX_BATCH_WAIT_MS) this.flush();
  }

  /** Closes a room's documents without committing what is pending: the room is being erased. */
  dropRoom(roomId: string, code: number, reason: string): void {
    for (const doc of [...(this.rooms.get(roomId) ?? [])]) this.discard(doc, () => [code, reason]);
  }

  /** Folds a document's stored updates into one snapshot, so a cold load is one read. */
  private compact(doc: SharedDoc): void {
    if (doc.pending.length > 0 || doc.updatesSinceSnapshot === 0) return;
    try {
      const snapshot = doc.snapshot();
      this.storage.compact(doc.name, snapshot, doc.lastStoredId);
      doc.updatesSinceSnapshot = 0;
      doc.bytes = snapshot.length;
    } catch (error) {
      // Compaction is an optimisation: the updates it would have replaced are still stored.
      this.log.warn({ err: error, doc: doc.name }, 'compaction failed');
    }
  }

  /**
   * Rooms edited at the same pace reach the compaction threshold together: in the
   * benchmark's 50 busy rooms all 50 within a tenth of a second, and compacting them in
   * the commit that crossed it held every edit in the server for up to 165 ms. So the
   * documents are compacted one at a time, COMPACTION_SPACING_MS apart, and the edits
   * read in between are committed and relayed as usual: an edit waits for one compaction
   * at most. Spaced 10 ms apart, the 50 still took half a second of snapshots, deletions
   * and their WAL pages back to back, and edits read then waited up to 19-36 ms in traced
   * rounds; 100 ms apart, the compactions no longer show in the latency tail.
   */
  private queueCompaction(doc: SharedDoc): void {
    this.compactionQueue.add(doc);
    this.scheduleCompaction();
  }

  private scheduleCompaction(): void {
    if (this.compactionScheduled) return;
    this.compactionScheduled = true;
    setTimeout(() => this.compactNext(), COMPACTION_SPACING_MS).unref();
  }

  private compactNext(): void {
    this.compactionScheduled = false;
    const [doc] = this.compactionQueue;
    if (!doc) return;
    this.compactionQueue.delete(doc);
    // compact() passes over a document holding edits not yet committed (its snapshot must
    // not run ahead of the stored rows): committing them first lets it go ahead.
    this.flush();
    this.compact(doc);
    if (this.compactionQueue.size > 0) this.scheduleCompaction();
  }

  /** Flushes, compacts and closes every peer: the last step of a graceful shutdown. */
  closeAll(code: number, reason: string): void {
    this.flush();
    for (const doc of this.docs.values()) {
      this.compact(doc);
      for (const peer of [...doc.peers]) peer.close(code, reason);
      doc.destroy();
    }
    for (const timer of this.unloadTimers.values()) clearTimeout(timer);
    this.compactionQueue.clear();
    this.docs.clear();
    this.rooms.clear();
    this.stopPresenceSweep();
  }

  private expirePresence(): void {
    // The clock y-protocols stamps presence with.
    const now = getUnixTime();
    for (const doc of this.docs.values()) doc.expireAwareness(now);
  }

  private stopPresenceSweep(): void {
    clearInterval(this.presenceSweep ?? undefined);
    this.presenceSweep = null;
  }

  private markDirty(doc: SharedDoc): void {
    if (this.dirty.size === 0) this.batchOpenedAt = performance.now();
    this.dirty.add(doc);
    if (!this.flushScheduled) {
      this.flushScheduled = true;
      setImmediate(() => {
        this.flushScheduled = false;
        this.flush();
      });
    }
  }

  /**
   * Memory holds changes storage does not (a refused commit, a half-applied update):
   * drop the in-memory document and close its peers, so the next load is exactly what
   * storage has; clients still hold their own edits and send them again on reconnect.
   * Each peer is closed as `closeWith` says; null leaves it to the caller.
   */
  private discard(doc: SharedDoc, closeWith: (peer: Peer) => CloseWith | null): void {
    for (const peer of [...doc.peers]) {
      const close = closeWith(peer);
      if (close) peer.close(...close);
    }
    doc.peers.clear();
    doc.pending.length = 0;
    this.dirty.delete(doc);
    this.forget(doc);
    doc.destroy();
  }

  private unload(doc: SharedDoc): void {
    this.unloadTimers.delete(doc.name);
    if (doc.peers.size > 0 || this.docs.get(doc.name) !== doc) return;
    this.flush();
    this.compact(doc);
    this.forget(doc);
    doc.destroy();
  }

  private forget(doc: SharedDoc): void {
    this.docs.delete(doc.name);
    this.compactionQueue.delete(doc);
    const roomDocs = this.rooms.get(doc.roomId);
    roomDocs?.delete(doc);
    if (roomDocs?.size === 0) this.rooms.delete(doc.roomId);
    if (this.docs.size === 0) this.stopPresenceSweep();
  }
}
