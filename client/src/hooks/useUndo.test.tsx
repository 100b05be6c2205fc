import { COLLECTIONS, addItem } from '@parley/shared';
import { act, cleanup, fireEvent, render, renderHook, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { UndoControls } from '../components/room/UndoControls';
import { RoomUndo } from '../lib/undo';
import { shortcutOf, useUndo, useUndoShortcuts } from './useUndo';

afterEach(cleanup);

const add = (doc: Y.Doc, id: string) =>
  addItem(doc, 'positions', COLLECTIONS.side.positions, { id, text: id, because: '', createdAt: 1 });

function Shortcuts({ room }: { room: RoomUndo }) {
  useUndoShortcuts(room, true);
  return (
    <>
      <label>
        Because <input type="text" />
      </label>
      <UndoControls undo={room} />
    </>
  );
}

describe('useUndo', () => {
  it('follows what can be undone and redone', () => {
    const doc = new Y.Doc();
    const room = new RoomUndo([doc]);
    const { result } = renderHook(() => useUndo(room));
    expect(result.current).toMatchObject({ canUndo: false, canRedo: false, available: true });
    act(() => void add(doc, 'p1'));
    expect(result.current.canUndo).toBe(true);
    act(() => void result.current.undo());
    expect(result.current).toMatchObject({ canUndo: false, canRedo: true });
  });

  it('answers Ctrl/Cmd+Z and Ctrl/Cmd+Shift+Z or Ctrl+Y, but not while typing in a field', () => {
    const doc = new Y.Doc();
    const room = new RoomUndo([doc]);
    render(<Shortcuts room={room} />);
    act(() => void add(doc, 'p1'));

    fireEvent.keyDown(screen.getByRole('textbox', { name: 'Because' }), { key: 'z', ctrlKey: true });
    expect(doc.getMap('positions').size).toBe(1);

    fireEvent.keyDown(document.body, { key: 'z', ctrlKey: true });
    expect(doc.getMap('positions').size).toBe(0);
    fireEvent.keyDown(document.body, { key: 'Z', metaKey: true, shiftKey: true });
    expect(doc.getMap('positions').size).toBe(1);
    fireEvent.keyDown(document.body, { key: 'z', metaKey: true });
    fireEvent.keyDown(document.body, { key: 'y', ctrlKey: true });
    expect(doc.getMap('positions').size).toBe(1);
  });

  it('offers buttons that are disabled when there is nothing to do', () => {
    const doc = new Y.Doc();
    const room = new RoomUndo([doc]);
    render(<UndoControls undo={room} />);
    const undo = screen.getByRole('button', { name: 'Undo' }) as HTMLButtonElement;
    expect(undo.disabled).toBe(true);
    act(() => void add(doc, 'p1'));
    expect(undo.disabled).toBe(false);
    fireEvent.click(undo);
    expect(doc.getMap('positions').size).toBe(0);
    expect((screen.getByRole('button', { name: 'Redo' }) as HTMLButtonElement).disabled).toBe(false);
  });

  it('shows nothing to an observer, who edits nothing', () => {
    render(<UndoControls undo={new RoomUndo([])} />);
    expect(screen.queryByRole('button', { name: 'Undo' })).toBeNull();
  });

  it('reads the shortcut keys', () => {
    expect(shortcutOf({ key: 'z', ctrlKey: true, metaKey: false, shiftKey: false, altKey: false })).toBe('undo');
    expect(shortcutOf({ key: 'y', ctrlKey: true, metaKey: false, shiftKey: false, altKey: false })).toBe('redo');
    expect(shortcutOf({ key: 'z', ctrlKey: false, metaKey: false, shiftKey: false, altKey: false })).toBeNull();
    expect(shortcutOf({ key: 'z', ctrlKey: true, metaKey: false, shiftKey: false, altKey: true })).toBeNull();
  });
});
