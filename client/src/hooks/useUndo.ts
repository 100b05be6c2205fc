import { useEffect, useSyncExternalStore } from 'react';
import type { RoomUndo } from '../lib/undo';

export interface Undo {
  canUndo: boolean;
  canRedo: boolean;
  /** Whether this member has anything to undo at all (observers write nothing). */
  available: boolean;
  undo: () => boolean;
  redo: () => boolean;
}

/** Undo and redo of this person's own edits in the room. */
export function useUndo(room: RoomUndo): Undo {
  const { canUndo, canRedo } = useSyncExternalStore(room.subscribe, room.getSnapshot);
  return { canUndo, canRedo, available: room.tracking, undo: () => room.undo(), redo: () => room.redo() };
}

/** Inside a text field the browser's own undo applies to the text being typed. */
function typingIn(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement)
    return !['checkbox', 'radio', 'button', 'submit', 'reset'].includes(target.type);
  return false;
}

/** What a key press asks for: Ctrl/Cmd+Z undoes; Ctrl/Cmd+Shift+Z and Ctrl+Y redo. */
export function shortcutOf(event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>) {
  if (event.altKey || !(event.ctrlKey || event.metaKey)) return null;
  const key = event.key.toLowerCase();
  if (key === 'z') return event.shiftKey ? 'redo' : 'undo';
  if (key === 'y' && event.ctrlKey && !event.shiftKey) return 'redo';
  return null;
}

/** Page-wide keyboard shortcuts for undo and redo, off while typing and while `enabled` is false. */
export function useUndoShortcuts(room: RoomUndo, enabled: boolean): void {
  useEffect(() => {
    if (!enabled || !room.tracking) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || typingIn(event.target)) return;
      const action = shortcutOf(event);
      if (!action) return;
      event.preventDefault();
      if (action === 'undo') room.undo();
      else room.redo();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [room, enabled]);
}
