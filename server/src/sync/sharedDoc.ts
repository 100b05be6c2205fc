import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { DocScope } from '@parley/shared';
import type { Identity } from '../rooms/identity.js';
import type { StoredDoc } from '../storage/types.js';
import { describeTransaction } from '../timeline/describe.js';
import { encodeAwarenessStates, encodeUpdate } from './protocol.js';

/** One side of a live `/yjs` connection, as the document sees it. */
export interface Peer {
  readonly identity: Identity;
  /** Awareness client ids this connection speaks for. */
  readonly awarenessIds: Set<number>;
  send(frame: Uint8Array): void;
  close(code: number, reason: string): void;
}

/** An update applied in memory and waiting for its commit before anyone else sees it. */
export interface PendingChange {
  update: Uint8Array;
  origin: Peer;
  sentences: string[];
}

/**
 * A loaded document with its live peers. Updates from peers are applied here, then
 * held as pending until the write batcher has committed them; only then are they
 * relayed, so nothing is ever seen that storage does not have.
 */
export class SharedDoc {
  readonly doc = new Y.Doc();
  readonly awareness = new awarenessProtocol.Awareness(this.doc);
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
    // The server speaks for nobody in awareness.
    this.awareness.setLocalState(null);
    this.doc.transact(() => {
      if (stored.snapshot) Y.applyUpdate(this.doc, stored.snapshot);
      for (const update of stored.updates) Y.applyUpdate(this.doc, update);
    });
    this.lastStoredId = stored.lastUpdateId;
    this.updatesSinceSnapshot = stored.updates.length;
    this.bytes = (stored.snapshot?.length ?? 0) + stored.updates.reduce((n, u) => n + u.length, 0);

    this.doc.on('afterTransaction', (tr) => {
      const origin = tr.origin as Peer | null;
      if (!origin || !this.peers.has(origin)) return;
      this.pendingSentences.push(...describeTransaction(this.doc, this.scope, tr));
    });
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      const peer = origin as Peer;
      this.pending.push({ update, origin: peer, sentences: this.pendingSentences.splice(0) });
    });
    this.awareness.on('update', ({ added, updated, removed }: AwarenessChange) => {
      const changed = [...added, ...updated, ...removed];
      if (changed.length === 0) return;
      const frame = encodeAwarenessStates(this.awareness, changed);
      for (const peer of this.peers) peer.send(frame);
    });
  }

  private pendingSentences: string[] = [];

  /** Applies a peer's update in memory. Throws on an update Yjs cannot integrate. */
  applyFrom(peer: Peer, update: Uint8Array): void {
    Y.applyUpdate(this.doc, update, peer);
  }

  /** After the commit: relay each change once-encoded to every peer but its origin. */
  relay(changes: PendingChange[]): void {
    for (const change of changes) {
      const frame = encodeUpdate(change.update);
      for (const peer of this.peers) if (peer !== change.origin) peer.send(frame);
    }
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

interface AwarenessChange {
  added: number[];
  updated: number[];
  removed: number[];
}
