import { COLLECTIONS, addItem, updateItem } from '@parley/shared';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { RoomUndo } from './undo';

/** Two replicas of one doc, wired by hand the way the provider wires a doc to the server. */
function pair() {
  const local = new Y.Doc();
  const remote = new Y.Doc();
  const remoteOrigin = { provider: true };
  local.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin !== remoteOrigin) Y.applyUpdate(remote, update, remoteOrigin);
  });
  remote.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin !== remoteOrigin) Y.applyUpdate(local, update, remoteOrigin);
  });
  return { local, remote };
}

const positions = COLLECTIONS.side.positions;
const position = (id: string, text: string) => ({ id, text, because: '', createdAt: 1 });
const texts = (doc: Y.Doc) =>
  [...doc.getMap<Y.Map<unknown>>('positions').values()].map((m) => m.get('text') as string).sort();

describe('RoomUndo', () => {
  it('undoes the local add and leaves the remote one', () => {
    const { local, remote } = pair();
    const undo = new RoomUndo([local]);
    addItem(local, 'positions', positions, position('mine', 'Mine'));
    addItem(remote, 'positions', positions, position('theirs', 'Theirs'));
    expect(texts(local)).toEqual(['Mine', 'Theirs']);

    expect(undo.undo()).toBe(true);
    expect(texts(local)).toEqual(['Theirs']);
    expect(texts(remote)).toEqual(['Theirs']);
    expect(undo.getSnapshot()).toEqual({ canUndo: false, canRedo: true });

    expect(undo.redo()).toBe(true);
    expect(texts(remote)).toEqual(['Mine', 'Theirs']);
  });

  it('never reverts a field someone else changed after the local edit', () => {
    const { local, remote } = pair();
    addItem(remote, 'positions', positions, position('p', 'Rent at 1,200'));
    const undo = new RoomUndo([local]);
    updateItem(local, 'positions', positions, 'p', { text: 'Rent at 1,250' });
    updateItem(remote, 'positions', positions, 'p', { text: 'Rent at 1,300' });

    undo.undo();
    expect(texts(local)).toEqual(['Rent at 1,300']);
    expect(texts(remote)).toEqual(['Rent at 1,300']);
  });

  it('keeps an item it created once someone else has edited it', () => {
    const { local, remote } = pair();
    const undo = new RoomUndo([local]);
    addItem(local, 'positions', positions, position('p', 'Rent at 1,200'));
    updateItem(remote, 'positions', positions, 'p', { because: 'Their reason' });

    undo.undo();
    const item = remote.getMap<Y.Map<unknown>>('positions').get('p');
    expect(item?.get('because')).toBe('Their reason');
  });

  it('ignores changes that arrive from the provider or this device’s stored copy', () => {
    const { local, remote } = pair();
    const undo = new RoomUndo([local]);
    addItem(remote, 'positions', positions, position('r', 'Remote'));
    const restored = new Y.Doc();
    addItem(restored, 'positions', positions, position('s', 'Stored'));
    Y.applyUpdate(local, Y.encodeStateAsUpdate(restored), { indexeddb: true });
    expect(undo.getSnapshot().canUndo).toBe(false);
    expect(undo.undo()).toBe(false);
    expect(texts(local)).toEqual(['Remote', 'Stored']);
  });

  it('undoes the latest step across documents, and a grouped step as one', () => {
    const board = new Y.Doc();
    const notes = new Y.Doc();
    const undo = new RoomUndo([board, notes]);
    addItem(board, 'positions', positions, position('one', 'One'));
    undo.group(() => {
      addItem(board, 'positions', positions, position('two', 'Two'));
      addItem(notes, 'drafts', COLLECTIONS.private.drafts, {
        id: 'd',
        kind: 'position',
        text: 'Draft',
        because: '',
        createdAt: 1,
      });
    });

    undo.undo();
    expect(texts(board)).toEqual(['One']);
    expect(notes.getMap('drafts').size).toBe(0);
    undo.undo();
    expect(texts(board)).toEqual([]);
    undo.redo();
    undo.redo();
    expect(texts(board)).toEqual(['One', 'Two']);
    expect(notes.getMap('drafts').size).toBe(1);
  });

  it('tracks nothing for a member who may write nothing', () => {
    const undo = new RoomUndo([]);
    expect(undo.tracking).toBe(false);
    expect(undo.undo()).toBe(false);
  });
});
