import { addItem, newId, optionSchema, positionSchema, readItems, type Position } from '@parley/shared';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { connectDoc, syncedDoc, useServerWithRoom, waitFor, waitForDocs, waitForSync } from '../helpers/index.js';

const { server, room } = useServerWithRoom({ mediated: true });

function position(text: string): Position {
  return { id: newId(), text, because: 'it matters', createdAt: Date.now() };
}

function texts(doc: Y.Doc, collection: string): string[] {
  return readItems(doc, collection, positionSchema).flatMap((r) => (r.ok ? [r.value.text] : []));
}

describe('two sides converge through the stock provider', () => {
  it("delivers side A's new position to side B and to an observer", async () => {
    const name = room().doc({ kind: 'side', side: 'a' });
    const [alice, bob, olive] = await Promise.all([
      syncedDoc(server(), name, room().token('a')),
      syncedDoc(server(), name, room().token('b')),
      syncedDoc(server(), name, room().token('observer')),
    ]);
    const written = addItem(alice.doc, 'positions', positionSchema, position('Rent stays at 1200'));
    await waitForDocs(
      [alice, bob, olive],
      (doc) => texts(doc, 'positions').includes(written.text),
      'the position to reach B and the observer',
    );
    for (const reader of [bob, olive]) {
      const item = readItems(reader.doc, 'positions', positionSchema).find((r) => r.id === written.id);
      expect(item).toEqual({ id: written.id, ok: true, value: written });
    }
  });

  it("delivers side B's new position to side A and to an observer", async () => {
    const name = room().doc({ kind: 'side', side: 'b' });
    const [alice, bob, olive] = await Promise.all([
      syncedDoc(server(), name, room().token('a')),
      syncedDoc(server(), name, room().token('b')),
      syncedDoc(server(), name, room().token('observer')),
    ]);
    const written = addItem(bob.doc, 'positions', positionSchema, position('Repairs within a week'));
    await waitForDocs(
      [alice, bob, olive],
      (doc) => texts(doc, 'positions').includes(written.text),
      'the position to reach A and the observer',
    );
  });

  it('merges concurrent joint edits of both sides and the mediator into the same document everywhere', async () => {
    const name = room().doc({ kind: 'joint' });
    const writers = await Promise.all(
      (['a', 'b', 'mediator'] as const).map((s) => syncedDoc(server(), name, room().token(s))),
    );
    const olive = await syncedDoc(server(), name, room().token('observer'));
    const ids = writers.flatMap((w, i) =>
      [1, 2, 3].map(
        (n) =>
          addItem(w.doc, 'options', optionSchema, { id: newId(), text: `option ${i}.${n}`, serves: [], createdAt: n })
            .id,
      ),
    );
    const everyone = [...writers, olive];
    const hasAll = (doc: Y.Doc) => ids.every((id) => doc.getMap('options').has(id));
    await waitForDocs(everyone, hasAll, 'every client to hold all nine options');
    // Key order of a Y.Map follows local insertion, so compare the entries sorted by id.
    const sortedOptions = (doc: Y.Doc) =>
      Object.entries(doc.getMap('options').toJSON()).sort(([x], [y]) => (x < y ? -1 : 1));
    const states = everyone.map((c) => JSON.stringify(sortedOptions(c.doc)));
    expect(new Set(states).size).toBe(1);
  });

  it('gives a client that connects later everything written before', async () => {
    const name = room().doc({ kind: 'side', side: 'a' });
    const alice = await syncedDoc(server(), name, room().token('a'));
    const bob = await syncedDoc(server(), name, room().token('b'));
    const written = addItem(alice.doc, 'positions', positionSchema, position('Two-year term'));
    await waitForDocs(
      [alice, bob],
      (doc) => texts(doc, 'positions').includes(written.text),
      'the position to reach side B',
    );
    const late = await syncedDoc(server(), name, room().token('observer'));
    expect(texts(late.doc, 'positions')).toContain(written.text);
  });
});

describe('a reader that may not write', () => {
  it('stays connected and synced through the empty replies the stock provider sends, and keeps receiving', async () => {
    const name = room().doc({ kind: 'joint' });
    const olive = connectDoc(server(), name, room().token('observer'));
    await waitForSync(olive.provider);
    const alice = await syncedDoc(server(), name, room().token('a'));
    for (let round = 1; round <= 3; round++) {
      const id = addItem(alice.doc, 'options', optionSchema, {
        id: newId(),
        text: `round ${round}`,
        serves: [],
        createdAt: round,
      }).id;
      await waitForDocs(
        [alice, olive],
        (doc) => doc.getMap('options').has(id),
        `option of round ${round} to reach the observer`,
      );
    }
    expect(olive.provider.wsconnected).toBe(true);
    expect(olive.provider.synced).toBe(true);
    expect(olive.closes).toEqual([]);

    // A reconnect repeats the handshake (another empty sync step 2) and syncs again.
    olive.provider.disconnect();
    olive.provider.connect();
    await waitForSync(olive.provider);
    expect(olive.closes).toEqual([]);
  });
});

describe('awareness', () => {
  it("overwrites the user a client claims with the identity behind its token and passes 'editing' through", async () => {
    const name = room().doc({ kind: 'joint' });
    const alice = await syncedDoc(server(), name, room().token('a'));
    const bob = await syncedDoc(server(), name, room().token('b'));
    const editing = { doc: name, collection: 'options', id: 'opt1' };
    alice.provider.awareness.setLocalState({
      user: { memberId: 'forged', name: 'The Mediator', role: 'mediator' },
      editing,
    });
    const aliceState = () =>
      bob.provider.awareness.getStates().get(alice.doc.clientID) as Record<string, unknown> | undefined;
    await waitFor(() => aliceState()?.editing !== undefined, "Alice's awareness state to reach Bob");
    expect(aliceState()).toEqual({
      user: { memberId: room().members.a!.memberId, name: 'Alice', role: 'side', side: 'a' },
      editing,
    });
  });
});
