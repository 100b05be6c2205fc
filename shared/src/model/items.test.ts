import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { interestSchema, positionSchema } from '../schemas/board.js';
import { privateNotesSchema } from '../schemas/facilitation.js';
import { PRIVATE_NOTES_DEFAULTS } from './collections.js';
import { addItem, newId, readItems, readRecord, removeItem, setRecordField, updateItem, validItems } from './items.js';

const position = (id: string, createdAt: number, because = 'we need it') => ({
  id,
  text: `position ${id}`,
  because,
  createdAt,
});

describe('board items in a Yjs document', () => {
  it('adds, reads back in creation order, updates and removes an item', () => {
    const doc = new Y.Doc();
    addItem(doc, 'positions', positionSchema, position('p2', 20));
    addItem(doc, 'positions', positionSchema, position('p1', 10));
    expect(validItems(doc, 'positions', positionSchema).map((p) => p.id)).toEqual(['p1', 'p2']);

    expect(updateItem(doc, 'positions', positionSchema, 'p1', { because: 'it is cheaper' })).toBe(true);
    expect(validItems(doc, 'positions', positionSchema)[0]).toMatchObject({
      id: 'p1',
      because: 'it is cheaper',
      text: 'position p1',
    });

    removeItem(doc, 'positions', 'p1');
    expect(validItems(doc, 'positions', positionSchema).map((p) => p.id)).toEqual(['p2']);
  });

  it('refuses an invalid item and writes nothing', () => {
    const doc = new Y.Doc();
    expect(() => addItem(doc, 'positions', positionSchema, { ...position('p1', 1), text: '' })).toThrow();
    expect(doc.getMap('positions').size).toBe(0);
  });

  it('refuses an invalid patch and keeps the item as it was', () => {
    const doc = new Y.Doc();
    addItem(doc, 'interests', interestSchema, {
      id: 'i1',
      text: 'stability',
      kind: 'need',
      concern: 'security',
      importance: 3,
      positionIds: [],
      createdAt: 1,
    });
    expect(() => updateItem(doc, 'interests', interestSchema, 'i1', { importance: 9 })).toThrow();
    expect(validItems(doc, 'interests', interestSchema)[0]?.importance).toBe(3);
  });

  it('reports that an update of a removed item did nothing', () => {
    const doc = new Y.Doc();
    expect(updateItem(doc, 'positions', positionSchema, 'gone', { because: 'x' })).toBe(false);
  });

  it('returns items a hostile client wrote as invalid instead of throwing', () => {
    const doc = new Y.Doc();
    addItem(doc, 'positions', positionSchema, position('ok', 1));
    doc.getMap('positions').set('bad', new Y.Map<unknown>([['text', 42]]));
    doc.getMap('positions').set('worse', 'not an item');
    const results = readItems(doc, 'positions', positionSchema);
    expect(results.map((r) => [r.id, r.ok])).toEqual([
      ['ok', true],
      ['bad', false],
      ['worse', false],
    ]);
    const bad = results.find((r) => r.id === 'bad');
    expect(bad && !bad.ok && bad.error).toMatch(/text/);
  });

  it('keeps the results it is given for unchanged items and validates the rest', () => {
    const doc = new Y.Doc();
    addItem(doc, 'positions', positionSchema, position('p1', 10));
    addItem(doc, 'positions', positionSchema, position('p2', 20));
    const [p1, p2] = readItems(doc, 'positions', positionSchema);
    updateItem(doc, 'positions', positionSchema, 'p1', { text: 'changed' });
    updateItem(doc, 'positions', positionSchema, 'p2', { text: 'changed too' });

    const again = readItems(doc, 'positions', positionSchema, new Map([['p2', p2!]]));
    expect(again[1]).toBe(p2);
    expect(again[0]).not.toBe(p1);
    expect(again[0]).toMatchObject({ ok: true, value: { text: 'changed' } });
  });

  it('merges concurrent edits of different fields of one item', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    addItem(a, 'positions', positionSchema, position('p1', 1, ''));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    updateItem(a, 'positions', positionSchema, 'p1', { text: 'rent stays at 1200' });
    updateItem(b, 'positions', positionSchema, 'p1', { because: 'our budget is fixed' });
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    expect(validItems(a, 'positions', positionSchema)).toEqual(validItems(b, 'positions', positionSchema));
    expect(validItems(a, 'positions', positionSchema)[0]).toMatchObject({
      text: 'rent stays at 1200',
      because: 'our budget is fixed',
    });
  });
});

describe('single-record maps', () => {
  it('falls back to defaults and keeps valid fields when another is invalid', () => {
    const doc = new Y.Doc();
    expect(readRecord(doc, 'notes', privateNotesSchema, PRIVATE_NOTES_DEFAULTS)).toEqual(PRIVATE_NOTES_DEFAULTS);
    setRecordField(
      doc,
      'notes',
      privateNotesSchema,
      PRIVATE_NOTES_DEFAULTS,
      'walkAway',
      'sign with the other landlord',
    );
    doc.getMap('notes').set('reservation', 12);
    expect(readRecord(doc, 'notes', privateNotesSchema, PRIVATE_NOTES_DEFAULTS)).toEqual({
      ...PRIVATE_NOTES_DEFAULTS,
      walkAway: 'sign with the other landlord',
    });
  });
});

describe('ids', () => {
  it('are URL-safe and do not repeat', () => {
    const ids = new Set(Array.from({ length: 1000 }, newId));
    expect(ids.size).toBe(1000);
    for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9_-]{16}$/);
  });
});
