import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CloseCode, ErrorCode } from '@parley/shared';
import { ParleyError } from '../errors.js';
import { createLogger } from '../log.js';
import type { Identity } from '../rooms/identity.js';
import { openTestStorage } from '../storage/testStorage.testkit.js';
import type { Storage } from '../storage/types.js';
import { Timeline } from '../timeline/timeline.js';
import { COMPACTION_SPACING_MS, DocRegistry, MAX_BATCH_WAIT_MS, PRESENCE_SWEEP_MS } from './docRegistry.js';
import { decodeMessage, encodeUpdate } from './protocol.js';
import type { Peer } from './sharedDoc.js';
import type { WireFrame } from './wireFrame.js';

const identity: Identity = {
  room: { roomId: 'room12345', title: 't', sides: ['A', 'B'], mediated: false, createdAt: 0 },
  principal: { role: 'side', side: 'a' },
  memberId: 'm1',
  name: 'Dana',
  inviteId: 'inv',
};

/** A peer that records what the registry sends it; the registry's contract is the Peer interface. */
function recordingPeer(onSend: (frame: Uint8Array) => void = () => undefined) {
  const peer = {
    identity,
    awarenessIds: new Set<number>(),
    sent: [] as Uint8Array[],
    /** How many messages each framed write carried. */
    writes: [] as number[],
    closedWith: null as number | null,
    send(frame: Uint8Array) {
      peer.sent.push(frame);
      onSend(frame);
    },
    sendFramed(frames: readonly WireFrame[]) {
      peer.writes.push(frames.length);
      for (const frame of frames) peer.send(frame.message);
    },
    close(code: number) {
      peer.closedWith = code;
    },
  };
  return peer satisfies Peer;
}

function setup(limits: Partial<ConstructorParameters<typeof DocRegistry>[1]> = {}, wrap = (s: Storage) => s) {
  const storage = wrap(openTestStorage().storage);
  const timeline = new Timeline(storage);
  const registry = new DocRegistry(
    storage,
    { MAX_DOC_BYTES: 1 << 20, COMPACT_AFTER_UPDATES: 1000, UNLOAD_AFTER_MS: 0, MAX_ROOMS_LOADED: 10, ...limits },
    timeline,
    createLogger('silent'),
  );
  return { storage, registry, timeline };
}

const scope = { kind: 'side', side: 'a' } as const;
const nextCompaction = () => new Promise<void>((resolve) => setTimeout(resolve, COMPACTION_SPACING_MS + 5));
const name = 'room12345/side/a';

function editUpdate(key: string): Uint8Array {
  const doc = new Y.Doc();
  doc.getMap('positions').set(key, new Y.Map<unknown>([['text', key]]));
  return Y.encodeStateAsUpdate(doc);
}

/** Two peers on one document: one that writes, one that records what it is relayed. */
function senderAndReceiver(registry: DocRegistry, onReceive?: (frame: Uint8Array) => void) {
  const sender = recordingPeer();
  const receiver = recordingPeer(onReceive);
  const doc = registry.attach(name, 'room12345', scope, sender);
  registry.attach(name, 'room12345', scope, receiver);
  return { doc, sender, receiver };
}

describe('the document registry', () => {
  it('answers every newcomer with the current document, including changes since the last newcomer', () => {
    const { registry } = setup();
    const writer = recordingPeer();
    const doc = registry.attach(name, 'room12345', scope, writer);
    const emptyStateVector = Y.encodeStateVector(new Y.Doc());
    const firstVisit = () => {
      const message = decodeMessage(doc.syncStep2(emptyStateVector));
      if (message.type !== 'update') throw new Error(`expected a sync step 2, got ${message.type}`);
      const fresh = new Y.Doc();
      Y.applyUpdate(fresh, message.update);
      return [...fresh.getMap('positions').keys()].sort();
    };

    registry.accept(doc, writer, editUpdate('p1'));
    registry.flush();
    expect(firstVisit()).toEqual(['p1']);
    expect(doc.syncStep2(emptyStateVector)).toBe(doc.syncStep2(emptyStateVector));
    registry.accept(doc, writer, editUpdate('p2'));
    registry.flush();
    expect(firstVisit()).toEqual(['p1', 'p2']);
  });

  it("opens every connection with the document's current state vector, including changes since the last one", () => {
    const { registry } = setup();
    const writer = recordingPeer();
    const doc = registry.attach(name, 'room12345', scope, writer);
    const stateVectorSent = () => {
      const message = decodeMessage(doc.syncStep1());
      if (message.type !== 'syncStep1') throw new Error(`expected a sync step 1, got ${message.type}`);
      return message.stateVector;
    };

    registry.accept(doc, writer, editUpdate('p1'));
    registry.flush();
    expect(stateVectorSent()).toEqual(Y.encodeStateVector(doc.doc));
    expect(doc.syncStep1()).toBe(doc.syncStep1());
    const before = stateVectorSent();
    registry.accept(doc, writer, editUpdate('p2'));
    registry.flush();
    expect(stateVectorSent()).not.toEqual(before);
    expect(stateVectorSent()).toEqual(Y.encodeStateVector(doc.doc));
  });

  it('relays an accepted update only after storage has committed it', () => {
    const { storage, registry } = setup();
    let storedWhenRelayed: number | null = null;
    const { doc, sender, receiver } = senderAndReceiver(registry, (frame) => {
      if (decodeMessage(frame).type === 'update') storedWhenRelayed = storage.loadDoc(name).updates.length;
    });

    registry.accept(doc, sender, editUpdate('p1'));
    expect(receiver.sent).toHaveLength(0);
    registry.flush();

    expect(storedWhenRelayed).toBe(1);
    expect(sender.sent).toHaveLength(0);
  });

  it('commits and relays a batch that has waited MAX_BATCH_WAIT_MS without waiting for the turn to end', () => {
    vi.useFakeTimers({ toFake: ['performance'] });
    try {
      const { storage, registry } = setup();
      const { doc, sender, receiver } = senderAndReceiver(registry);
      const relayed = () => receiver.sent.filter((frame) => decodeMessage(frame).type === 'update').length;

      registry.accept(doc, sender, editUpdate('p1'));
      vi.advanceTimersByTime(MAX_BATCH_WAIT_MS - 1);
      registry.flushIfOverdue();
      expect(relayed()).toBe(0);

      vi.advanceTimersByTime(1);
      registry.flushIfOverdue();
      expect(relayed()).toBe(1);
      expect(storage.loadDoc(name).updates).toHaveLength(1);

      // The next edit opens a batch of its own, with its own deadline.
      registry.accept(doc, sender, editUpdate('p2'));
      registry.flushIfOverdue();
      expect(relayed()).toBe(1);
    } finally {
      vi.useRealTimers();
    }
  });

  it("stores the update as the peer sent it and relays the peer's own message to the others", () => {
    const { storage, registry } = setup();
    const { doc, sender, receiver } = senderAndReceiver(registry);
    const update = editUpdate('p1');
    const message = encodeUpdate(update);

    registry.accept(doc, sender, update, message);
    registry.flush();

    expect(storage.loadDoc(name).updates).toEqual([update]);
    expect(receiver.sent).toEqual([message]);
  });

  it("sends each peer all of a commit's changes it did not make, in order, in one write", () => {
    const { registry } = setup();
    const [a, b, c] = [recordingPeer(), recordingPeer(), recordingPeer()];
    const doc = registry.attach(name, 'room12345', scope, a);
    registry.attach(name, 'room12345', scope, b);
    registry.attach(name, 'room12345', scope, c);
    const fromA = editUpdate('pa');
    const fromB = editUpdate('pb');
    registry.accept(doc, a, fromA);
    registry.accept(doc, b, fromB);
    registry.flush();

    const relayed = (peer: ReturnType<typeof recordingPeer>) =>
      peer.sent.map((frame) => {
        const message = decodeMessage(frame);
        return message.type === 'update' ? Array.from(message.update) : message.type;
      });
    expect(c.writes).toEqual([2]);
    expect(relayed(c)).toEqual([Array.from(fromA), Array.from(fromB)]);
    expect(a.writes).toEqual([1]);
    expect(relayed(a)).toEqual([Array.from(fromB)]);
    expect(b.writes).toEqual([1]);
    expect(relayed(b)).toEqual([Array.from(fromA)]);
  });

  it('neither stores nor relays an update the document already holds', () => {
    const { storage, registry } = setup();
    const { doc, sender, receiver } = senderAndReceiver(registry);
    const update = editUpdate('p1');

    registry.accept(doc, sender, update);
    registry.flush();
    registry.accept(doc, sender, update);
    registry.flush();

    expect(storage.loadDoc(name).updates).toHaveLength(1);
    expect(receiver.sent).toHaveLength(1);
  });

  it('stores and relays only the applied part of an update whose dependencies never arrived', () => {
    const { storage, registry } = setup();
    const { doc, sender, receiver } = senderAndReceiver(registry);
    // A writer's second change without its first: Yjs cannot integrate it yet.
    const writer = new Y.Doc();
    writer.getMap('positions').set('first', 1);
    const seen = Y.encodeStateVector(writer);
    writer.getMap('positions').set('second', 2);
    const orphan = Y.encodeStateAsUpdate(writer, seen);
    const mixed = Y.mergeUpdates([editUpdate('complete'), orphan]);

    registry.accept(doc, sender, mixed, encodeUpdate(mixed));
    registry.flush();

    const fromStorage = new Y.Doc();
    for (const u of storage.loadDoc(name).updates) Y.applyUpdate(fromStorage, u);
    const fromRelay = new Y.Doc();
    for (const frame of receiver.sent) {
      const relayed = decodeMessage(frame);
      if (relayed.type !== 'update') throw new Error(`expected an update, got ${relayed.type}`);
      Y.applyUpdate(fromRelay, relayed.update);
    }
    for (const copy of [fromStorage, fromRelay]) {
      expect([...copy.getMap('positions').keys()]).toEqual(['complete']);
      expect(copy.store.pendingStructs).toBeNull();
    }
    expect(Y.encodeStateVector(fromStorage)).toEqual(Y.encodeStateVector(doc.doc));
  });

  it('sends a presence change to everyone but the connection it came from', () => {
    const { registry } = setup();
    const { doc, sender, receiver } = senderAndReceiver(registry);
    const client = new awarenessProtocol.Awareness(new Y.Doc());
    client.setLocalState({ cursor: 1 });

    awarenessProtocol.applyAwarenessUpdate(
      doc.awareness,
      awarenessProtocol.encodeAwarenessUpdate(client, [client.clientID]),
      sender,
    );

    expect(sender.sent).toHaveLength(0);
    expect(receiver.sent.map((frame) => decodeMessage(frame).type)).toEqual(['awareness']);
  });

  it('drops the document when storage refuses the commit: its writers hear 4503, the others resync', () => {
    let refuse = false;
    const { storage, registry } = setup({}, (s) => ({
      ...s,
      appendUpdates: (updates, timeline) => {
        if (refuse) throw new ParleyError(ErrorCode.StorageUnavailable, 'disk full');
        return s.appendUpdates(updates, timeline);
      },
    }));
    const peer = recordingPeer();
    const reader = recordingPeer();
    const doc = registry.attach(name, 'room12345', scope, peer);
    registry.attach(name, 'room12345', scope, reader);
    registry.accept(doc, peer, editUpdate('kept'));
    registry.flush();
    refuse = true;
    registry.accept(doc, peer, editUpdate('refused'));
    registry.flush();

    expect(peer.closedWith).toBe(CloseCode.StorageUnavailable);
    // The reader saw nothing that was refused: it is not told storage is failing, only to resync.
    expect(reader.closedWith).toBe(CloseCode.ServiceRestart);
    const fresh = registry.attach(name, 'room12345', scope, recordingPeer());
    expect(fresh).not.toBe(doc);
    expect([...fresh.doc.getMap('positions').keys()]).toEqual(['kept']);
    expect(storage.loadDoc(name).updates).toHaveLength(1);
  });

  it("commits an edit's timeline entry with the edit, and announces it once the edit is relayed", () => {
    const commits: Array<{ updates: number; entries: string[] }> = [];
    const { storage, registry, timeline } = setup({}, (s) => ({
      ...s,
      appendUpdates: (updates, entries = []) => {
        commits.push({ updates: updates.length, entries: entries.map((e) => e.summary) });
        return s.appendUpdates(updates, entries);
      },
    }));
    const { doc, sender, receiver } = senderAndReceiver(registry);
    const announced: Array<{ summary: string; relayedBefore: number }> = [];
    timeline.on('entry', (_roomId, entry) =>
      announced.push({ summary: entry.summary, relayedBefore: receiver.sent.length }),
    );

    registry.accept(doc, sender, editUpdate('Shared parking'));
    registry.flush();

    expect(commits).toEqual([{ updates: 1, entries: ['added position “Shared parking”'] }]);
    expect(announced).toEqual([{ summary: 'added position “Shared parking”', relayedBefore: 1 }]);
    expect(storage.listTimeline('room12345', undefined, 10)).toEqual([
      expect.objectContaining({ name: 'Dana', doc: name, summary: 'added position “Shared parking”' }),
    ]);
  });

  it('records no timeline entry for an edit storage refused, and records it when the edit comes again', () => {
    let refuse = true;
    const { storage, registry, timeline } = setup({}, (s) => ({
      ...s,
      appendUpdates: (updates, entries) => {
        if (refuse) throw new ParleyError(ErrorCode.StorageUnavailable, 'disk full');
        return s.appendUpdates(updates, entries);
      },
    }));
    const announced: string[] = [];
    timeline.on('entry', (_roomId, entry) => announced.push(entry.summary));
    const refusedWriter = recordingPeer();
    const first = registry.attach(name, 'room12345', scope, refusedWriter);
    registry.accept(first, refusedWriter, editUpdate('Shared parking'));
    registry.flush();
    expect(announced).toEqual([]);
    expect(storage.listTimeline('room12345', undefined, 10)).toEqual([]);

    // The writer reconnects to the reloaded document and sends the same edit again.
    refuse = false;
    const writer = recordingPeer();
    const again = registry.attach(name, 'room12345', scope, writer);
    registry.accept(again, writer, editUpdate('Shared parking'));
    registry.flush();
    expect(announced).toEqual(['added position “Shared parking”']);
    expect(storage.listTimeline('room12345', undefined, 10)).toHaveLength(1);
  });

  it('compacts stored updates into a snapshot that loads to the same state', async () => {
    const { storage, registry } = setup({ COMPACT_AFTER_UPDATES: 10 });
    const peer = recordingPeer();
    const doc = registry.attach(name, 'room12345', scope, peer);
    for (let i = 0; i < 25; i++) {
      registry.accept(doc, peer, editUpdate(`p${i}`));
      registry.flush();
      await nextCompaction();
    }
    expect(storage.countUpdates(name)).toBeLessThan(10);
    const stored = storage.loadDoc(name);
    const reloaded = new Y.Doc();
    if (stored.snapshot) Y.applyUpdate(reloaded, stored.snapshot);
    for (const u of stored.updates) Y.applyUpdate(reloaded, u);
    expect(reloaded.getMap('positions').size).toBe(25);
  });

  it('compacts documents that reach the threshold together one at a time, edits relayed in between', async () => {
    const { storage, registry } = setup({ COMPACT_AFTER_UPDATES: 3 });
    const names = ['a', 'b', 'c'].map((side) => `room12345/side/${side}`);
    const docs = names.map((docName) => {
      const peer = recordingPeer();
      return { docName, peer, doc: registry.attach(docName, 'room12345', scope, peer) };
    });
    for (let i = 0; i < 3; i++) {
      for (const { doc, peer } of docs) registry.accept(doc, peer, editUpdate(`p${i}`));
    }
    registry.flush();
    const compacted = () => names.filter((docName) => storage.loadDoc(docName).snapshot !== null).length;
    // All three crossed the threshold in that commit; none was compacted inside it.
    expect(compacted()).toBe(0);
    const { receiver, doc } = senderAndReceiver(registry);
    registry.accept(doc, docs[0]!.peer, editUpdate('meanwhile'));
    await nextCompaction();
    // One compaction, and the edit accepted meanwhile was committed and relayed with it.
    expect(compacted()).toBe(1);
    expect(receiver.sent.map((m) => decodeMessage(m).type)).toContain('update');
    await nextCompaction();
    await nextCompaction();
    expect(compacted()).toBe(3);
    for (const { docName } of docs) {
      const stored = storage.loadDoc(docName);
      const reloaded = new Y.Doc();
      Y.applyUpdate(reloaded, stored.snapshot!);
      for (const u of stored.updates) Y.applyUpdate(reloaded, u);
      expect(reloaded.getMap('positions').size).toBe(docName === name ? 4 : 3);
    }
  });

  it('refuses an update that would grow the document over its cap and applies nothing', () => {
    const { registry } = setup({ MAX_DOC_BYTES: 2048 });
    const peer = recordingPeer();
    const doc = registry.attach(name, 'room12345', scope, peer);
    const big = new Y.Doc();
    big.getMap('positions').set('huge', 'x'.repeat(4096));
    expect(() => registry.accept(doc, peer, Y.encodeStateAsUpdate(big))).toThrow(
      expect.objectContaining({ code: 'too_large' }),
    );
    expect(doc.doc.getMap('positions').size).toBe(0);
  });

  it('unloads a document after its last peer leaves, keeping everything stored', async () => {
    const { registry } = setup();
    const peer = recordingPeer();
    const doc = registry.attach(name, 'room12345', scope, peer);
    registry.accept(doc, peer, editUpdate('p1'));
    registry.detach(doc, peer);
    await new Promise((r) => setTimeout(r, 10));
    expect(registry.loadedDocs).toBe(0);
    const again = registry.attach(name, 'room12345', scope, recordingPeer());
    expect(again.doc.getMap('positions').has('p1')).toBe(true);
  });
});

describe('presence of clients gone quiet', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  /** Only timers: y-protocols stamps presence with the real clock (lib0 keeps its own Date.now). */
  const fakeTimers = () => vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'setTimeout', 'clearTimeout'] });

  /** A client's presence, as its provider sends it. */
  function presence(doc: ReturnType<DocRegistry['attach']>, from: Peer, state: object): number {
    const client = new awarenessProtocol.Awareness(new Y.Doc());
    client.setLocalState(state);
    awarenessProtocol.applyAwarenessUpdate(
      doc.awareness,
      awarenessProtocol.encodeAwarenessUpdate(client, [client.clientID]),
      from,
    );
    return client.clientID;
  }

  /** As if the server last heard from that client `ms` ago. */
  function lastHeard(doc: ReturnType<DocRegistry['attach']>, clientId: number, ms: number) {
    doc.awareness.meta.get(clientId)!.lastUpdated -= ms;
  }

  it('is dropped once not renewed within y-protocols’ timeout, and the peers are told', () => {
    fakeTimers();
    const { registry } = setup();
    const { doc, sender, receiver } = senderAndReceiver(registry);
    const quiet = presence(doc, sender, { name: 'quiet' });
    const renewed = presence(doc, receiver, { name: 'renewed' });
    receiver.sent.length = 0;

    // Providers renew every 15 s; one that went quiet without closing has not for longer.
    lastHeard(doc, quiet, awarenessProtocol.outdatedTimeout + 1_000);
    lastHeard(doc, renewed, 15_000);
    vi.advanceTimersByTime(PRESENCE_SWEEP_MS);

    expect(doc.awareness.getStates().has(quiet)).toBe(false);
    expect(doc.awareness.getStates().has(renewed)).toBe(true);
    expect(receiver.sent.map((frame) => decodeMessage(frame).type)).toEqual(['awareness']);
  });

  it('is expired for every loaded document by one timer, and none runs once nothing is loaded', () => {
    fakeTimers();
    const { registry } = setup({ UNLOAD_AFTER_MS: 1 });
    const before = vi.getTimerCount();
    const peers = ['a', 'b', 'c'].map((room) => {
      const peer = recordingPeer();
      return { peer, doc: registry.attach(`room${room}12345/joint`, `room${room}12345`, { kind: 'joint' }, peer) };
    });
    // y-protocols would run one timer per document, each waking a sleeping server.
    expect(vi.getTimerCount() - before).toBe(1);

    for (const { peer, doc } of peers) registry.detach(doc, peer);
    vi.advanceTimersByTime(1);
    expect(registry.loadedDocs).toBe(0);
    expect(vi.getTimerCount()).toBe(before);
  });
});
