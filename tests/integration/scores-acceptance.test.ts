import { COLLECTIONS, addItem, agreementStatus, agreementTerms, updateItem, validItems } from '@parley/shared';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { syncedDoc, useServerWithRoom, waitFor } from '../helpers/index.js';

/**
 * Scores and acceptances live in each side's own document, so the document scopes,
 * not client politeness, stop a side from scoring or accepting for the other.
 */

const { server, room } = useServerWithRoom({ mediated: true });

const sideDoc = (side: 'a' | 'b') => room().doc({ kind: 'side', side });

describe('scores and acceptances', () => {
  it("never take a side's score or acceptance written by the other side or the mediator", async () => {
    const tenantBoard = await syncedDoc(server(), sideDoc('a'), room().token('a'));
    for (const seat of ['b', 'mediator'] as const) {
      const forger = await syncedDoc(server(), sideDoc('a'), room().token(seat));
      addItem(forger.doc, 'scores', COLLECTIONS.side.scores, { id: `opt-${seat}`, value: 1, updatedAt: 1 });
      addItem(forger.doc, 'acceptances', COLLECTIONS.side.acceptances, { id: `ag-${seat}`, acceptedAt: 1 });
    }
    // The tenant's own score, sent after the forgeries, arrives; the forgeries never do.
    addItem(tenantBoard.doc, 'scores', COLLECTIONS.side.scores, { id: 'opt-own', value: 4, updatedAt: 2 });
    const fresh = await syncedDoc(server(), sideDoc('a'), room().token('observer'));
    await waitFor(() => fresh.doc.getMap('scores').has('opt-own'), 'the tenant’s own score');
    expect([...fresh.doc.getMap('scores').keys()]).toEqual(['opt-own']);
    expect(fresh.doc.getMap('acceptances').size).toBe(0);
  });

  it('make an agreement accepted only once each side has accepted in its own document', async () => {
    const joint = await syncedDoc(server(), room().doc({ kind: 'joint' }), room().token('mediator'));
    addItem(joint.doc, 'agreements', COLLECTIONS.joint.agreements, {
      id: 'ag1',
      text: 'Two-year lease',
      outcome: 'pending',
      createdAt: 1,
    });
    const agreementIn = (doc: Y.Doc) => validItems(doc, 'agreements', COLLECTIONS.joint.agreements)[0]!;
    const status = (a: Y.Doc, b: Y.Doc, jointDoc = joint.doc) =>
      agreementStatus(
        agreementIn(jointDoc),
        {
          a: validItems(a, 'acceptances', COLLECTIONS.side.acceptances),
          b: validItems(b, 'acceptances', COLLECTIONS.side.acceptances),
        },
        [],
      );
    const terms = agreementTerms(agreementIn(joint.doc), []);
    const watchA = await syncedDoc(server(), sideDoc('a'), room().token('observer'));
    const watchB = await syncedDoc(server(), sideDoc('b'), room().token('observer'));
    expect(status(watchA.doc, watchB.doc)).toBe('proposed');

    const tenant = await syncedDoc(server(), sideDoc('a'), room().token('a'));
    addItem(tenant.doc, 'acceptances', COLLECTIONS.side.acceptances, { id: 'ag1', acceptedAt: 2, terms });
    await waitFor(() => status(watchA.doc, watchB.doc) === 'accepted by a', 'the tenant’s acceptance');

    const landlord = await syncedDoc(server(), sideDoc('b'), room().token('b'));
    addItem(landlord.doc, 'acceptances', COLLECTIONS.side.acceptances, { id: 'ag1', acceptedAt: 3, terms });
    await waitFor(() => status(watchA.doc, watchB.doc) === 'accepted', 'both acceptances');

    // The text changes afterwards: both acceptances are of terms that no longer stand.
    updateItem(joint.doc, 'agreements', COLLECTIONS.joint.agreements, 'ag1', { text: 'One-year lease' });
    const reader = await syncedDoc(server(), room().doc({ kind: 'joint' }), room().token('observer'));
    await waitFor(() => agreementIn(reader.doc).text === 'One-year lease', 'the changed text');
    expect(status(watchA.doc, watchB.doc, reader.doc)).toBe('proposed');
  });
});
