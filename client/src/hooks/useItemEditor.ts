import { useCallback, useState } from 'react';
import type { Editing } from './useEditing';

export interface ItemEditorState {
  /** Whether this item's editor is open here. */
  open: boolean;
  /** Set once an editor has closed, so the remounted Edit button takes focus back. */
  returnFocus: boolean;
  openEditor: () => void;
  closeEditor: () => void;
  /** Tells the others (through awareness) that this member is, or no longer is, editing the item. */
  announce: (on: boolean) => void;
}

/** The open/closed state of one item's in-place editor, and its editing announcement. */
export function useItemEditor(setEditing: Editing['setEditing'], id: string): ItemEditorState {
  const [open, setOpen] = useState(false);
  const [returnFocus, setReturnFocus] = useState(false);
  const announce = useCallback((on: boolean) => setEditing(on ? id : null), [setEditing, id]);
  const openEditor = useCallback(() => setOpen(true), []);
  const closeEditor = useCallback(() => {
    setReturnFocus(true);
    setOpen(false);
  }, []);
  return { open, returnFocus, openEditor, closeEditor, announce };
}
