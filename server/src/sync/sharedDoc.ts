import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { COLLECTIONS, RECORDS, type DocScope } from '@parley/shared';
import type { Identity } from '../rooms/identity.js';
import type { StoredDoc } from '../storage/types.js';
import { describeTransaction } from '../timeline/describe.js';
import { encodeAwarenessStates, encodeSyncStep1, encodeSyncStep2, encodeUpdate } from './protocol.js';
import { frameOnce, type WireFrame } from './wireFrame.js';

/** One side of a live `/yjs` connection, as the document sees it. */
export interface Peer {
  readonly identity: Identity;
  /** Awareness client ids this connection speaks for. */
  readonly awarenessIds: ReadonlySet<number>;
  send(message: Uint8Array): void;
  /**
   * Sends messages framed once for many recipients (a relay or a presence broadcast),
   * in order and in one write.
   */
  sendFramed(frames: readonly WireFrame[]): void;
  close(code: number, reason: string): void;
}

/**
 * How deep shared types may nest. Parley's model needs two levels (collection → item);
 * Yjs deletes and collects nested types recursively, so a chain thousands deep would
 * overflow the stack of the server and of every client that applies its deletion.
 */
export const MAX_NESTING = 16;

/** An update applied in memory and waiting for its commit before anyone else sees it. */
export interface PendingChange {
  /** What is stored: the bytes the peer sent, or only their applied part. */
  update: Uint8Array;
  /** What is relayed: the same update as a y-websocket sync update message. */
  message: Uint8Array;
  origin: Peer;
  sentences: string[];
}

/**
 * A loaded document with its live peers. Updates from peers are applied here, then
 * held as pending until the write batcher has committed them; only then are they
 * relayed, so nothing is ever seen that storage does not have.
 */
export class SharedDoc {
  readonly doc: Y.Doc;
  readonly awareness: awarenessProtocol.Awareness;
  readonly peers = new Set<Peer>();
  pending: PendingChange[] = [];
  /** Id of the last committed update folded into this doc. */
  lastStoredId: number;
  /** Updates stored since the last snapshot. */
  updatesSinceSnapshot: number;
  /** Approximate encoded size: what the cap on document size is checked against. */
  bytes: number;

  constructor(
    readonly name: string,
    readonly roomId: string,
    readonly scope: DocScope,
    stored: StoredDoc,
  ) {
    // Named after the document: without a guid, Yjs draws a random UUID for every
    // document it loads (31 reads of the system's random source), and nothing on the
    // server uses it (guids only tell subdocuments apart, which Parley refuses).
    this.doc = new Y.Doc({ guid: name });
    this.awareness = new awarenessProtocol.Awareness(this.doc);
    // The server speaks for nobody in awareness.
    this.awareness.setLocalState(null);
    // y-protocols gives every Awareness a timer of its own (every 3 s) to expire quiet
    // clients, and a timer that fires while the server sleeps wakes it: with 500 rooms
    // loaded, ~170 a second. DocRegistry sweeps every document on one timer instead.
    clearInterval(this.awareness._checkInterval);
    // Define the model's top-level maps before anything is applied, so changes to them
    // arrive as Y.Map events the timeline can describe, not as untyped placeholders.
    const known = {
      ...COLLECTIONS[scope.kind],
      ...(scope.kind in RECORDS ? RECORDS[scope.kind as keyof typeof RECORDS] : {}),
    };
    for (const name of Object.keys(known)) this.doc.getMap(name);
    this.doc.transact(() => {
      if (stored.snapshot) Y.applyUpdate(this.doc, stored.snapshot);
      for (const update of stored.updates) Y.applyUpdate(this.doc, update);
    });
    this.lastStoredId = stored.lastUpdateId;
    this.updatesSinceSnapshot = stored.updates.length;
    this.bytes = (stored.snapshot?.length ?? 0) + stored.updates.reduce((n, u) => n + u.length, 0);

    // No 'update' listener: Yjs would encode every transaction again for it, while the
    // bytes the peer sent already are that update (see applyFrom).
    this.doc.on('afterTransaction', (tr) => {
      const origin = tr.origin as Peer | null;
      if (!origin || !this.peers.has(origin)) return;
      if (!changedAnything(tr)) return;
      this.touched = true;
      if (nestsTooDeep(this.doc, tr)) this.tooDeep = true;
      const store = this.doc.store;
      if (store.pendingStructs || store.pendingDs) {
        // Dropped here rather than after applying (see applyFrom): Yjs would encode them too.
        store.pendingStructs = null;
        store.pendingDs = null;
        this.appliedPart = Y.encodeStateAsUpdate(this.doc, Y.encodeStateVector(tr.beforeState));
      }
      this.pendingSentences = describeTransaction(this.doc, this.scope, tr);
    });
    this.awareness.on('update', ({ added, updated, removed }: AwarenessChange, origin: unknown) => {
      const changed = [...added, ...updated, ...removed];
      if (changed.length === 0) return;
      const frames = [frameOnce(encodeAwarenessStates(this.awareness, changed))];
      // Not back to the connection it came from: a client ignores its own states at the
      // clock it sent them with, so that frame would only cost a write on both ends.
      for (const peer of this.peers) if (peer !== origin) peer.sendFramed(frames);
    });
  }

  private pendingSentences: string[] = [];
  /** Set while applying an update only part of which could be integrated: that part. */
  private appliedPart: Uint8Array | null = null;
  /**
   * What every newcomer is sent, encoded once per version of the document instead of
   * once per newcomer: the opening sync step 1, and the sync step 2 for a client that
   * has nothing yet. Cleared when the document changes.
   */
  private readonly forNewcomers: { step1: Uint8Array | null; fullState: Uint8Array | null } = {
    step1: null,
    fullState: null,
  };
  private tooDeep = false;
  private touched = false;

  /**
   * Applies a peer's update in memory. Throws an UnappliedUpdate on an update Yjs
   * cannot decode or integrate, and on one that nests shared types deeper than
   * MAX_NESTING; its `partlyApplied` tells the caller whether this in-memory document
   * now holds part of it and must be discarded.
   */
  applyFrom(peer: Peer, update: Uint8Array, updateMessage?: Uint8Array): void {
    this.tooDeep = false;
    this.touched = false;
    this.appliedPart = null;
    this.pendingSentences = [];
    try {
      Y.applyUpdate(this.doc, update, peer);
    } catch (error) {
      throw new UnappliedUpdate((error as Error).message, this.touched);
    }
    // Structs whose dependencies never arrived are never stored; left here they would
    // pile up and be served to newcomers. A peer missing them resends them with its next
    // sync step 2.
    this.doc.store.pendingStructs = null;
    this.doc.store.pendingDs = null;
    if (this.tooDeep) throw new UnappliedUpdate(`shared types nest deeper than ${MAX_NESTING} levels`, true);
    // An update that changed nothing (all of it known already) is neither stored nor relayed.
    if (!this.touched) return;
    // Cleared in place: this runs for every accepted edit.
    this.forNewcomers.step1 = this.forNewcomers.fullState = null;
    // When all of it was integrated, the peer's bytes are stored and relayed as they came:
    // anything in them already known is skipped again by whoever applies them. Otherwise
    // only the integrated part is, so storage holds exactly what memory does.
    const stored = this.appliedPart ?? update;
    const message = this.appliedPart || !updateMessage ? encodeUpdate(stored) : updateMessage;
    this.pending.push({ update: stored, message, origin: peer, sentences: this.pendingSentences });
  }

  /**
   * After the commit: relay each change, encoded and framed once, to every peer but its
   * origin. A peer gets all of a commit's changes it is owed in one write: in a busy room
   * a commit holds several, and a write (a system call, and a wake-up of the receiver)
   * costs more than the bytes in it.
   */
  relay(changes: PendingChange[]): void {
    const frames = changes.map((change) => frameOnce(change.message));
    for (const peer of this.peers) {
      const owed = changes.some((change) => change.origin === peer)
        ? frames.filter((_, i) => changes[i]!.origin !== peer)
        : frames;
      if (owed.length > 0) peer.sendFramed(owed);
    }
  }

  /** The sync step 1 (this document's state vector) each connection is opened with. */
  syncStep1(): Uint8Array {
    this.forNewcomers.step1 ??= encodeSyncStep1(this.doc);
    return this.forNewcomers.step1;
  }

  /**
   * The answer to a sync step 1. Everyone who arrives with an empty document (a first
   * visit, a cold join of a crowd) gets the same bytes.
   */
  syncStep2(stateVector: Uint8Array): Uint8Array {
    if (!isEmptyStateVector(stateVector)) return encodeSyncStep2(this.doc, stateVector);
    this.forNewcomers.fullState ??= encodeSyncStep2(this.doc, stateVector);
    return this.forNewcomers.fullState;
  }

  /**
   * Drops the presence of clients that have not renewed it within y-protocols' timeout
   * (a client gone quiet without closing its connection) and tells the peers, as each
   * Awareness's own timer would have. `now` is on y-protocols' clock, lib0's `getUnixTime()`.
   */
  expireAwareness(now: number): void {
    const stale: number[] = [];
    for (const [clientId, meta] of this.awareness.meta) {
      if (now - meta.lastUpdated >= awarenessProtocol.outdatedTimeout && this.awareness.states.has(clientId)) {
        stale.push(clientId);
      }
    }
    if (stale.length > 0) awarenessProtocol.removeAwarenessStates(this.awareness, stale, 'timeout');
  }

  removePeer(peer: Peer): void {
    this.peers.delete(peer);
    if (peer.awarenessIds.size > 0) {
      awarenessProtocol.removeAwarenessStates(this.awareness, [...peer.awarenessIds], null);
    }
  }

  snapshot(): Uint8Array {
    return Y.encodeStateAsUpdate(this.doc);
  }

  destroy(): void {
    this.awareness.destroy();
    this.doc.destroy();
  }
}

export class UnappliedUpdate extends Error {
  constructor(
    message: string,
    readonly partlyApplied: boolean,
  ) {
    super(message);
  }
}

/** A state vector that lists no client: its encoding is the single varuint 0. */
function isEmptyStateVector(stateVector: Uint8Array): boolean {
  return stateVector.length === 1 && stateVector[0] === 0;
}

function changedAnything(tr: Y.Transaction): boolean {
  if (tr.deleteSet.clients.size > 0) return true;
  for (const [client, clock] of tr.afterState) if (clock !== (tr.beforeState.get(client) ?? 0)) return true;
  return false;
}

/** Whether a transaction inserted a shared type more than MAX_NESTING levels deep. */
function nestsTooDeep(doc: Y.Doc, tr: Y.Transaction): boolean {
  for (const [client, after] of tr.afterState) {
    const before = tr.beforeState.get(client) ?? 0;
    if (after <= before) continue;
    const structs = doc.store.clients.get(client);
    if (!structs) continue;
    for (let i = Y.findIndexSS(structs, before); i < structs.length; i++) {
      const struct = structs[i];
      if (!(struct instanceof Y.Item) || !(struct.content instanceof Y.ContentType)) continue;
      let depth = 1;
      for (
        let parent = struct.parent as Y.AbstractType<unknown> | null;
        parent?._item;
        parent = parent._item.parent as Y.AbstractType<unknown> | null
      ) {
        if (++depth > MAX_NESTING) return true;
      }
    }
  }
  return false;
}

interface AwarenessChange {
  added: number[];
  updated: number[];
  removed: number[];
}
