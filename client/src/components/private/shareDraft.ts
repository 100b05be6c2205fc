import type { Constraint, Draft, Interest, Position } from '@parley/shared';
import { COLLECTIONS, addItem, newId, removeItem } from '@parley/shared';
import type * as Y from 'yjs';
import type { WriteResult } from '../../hooks/useCollection';
import type { RoomUndo } from '../../lib/undo';

/**
 * What a shared draft becomes on the board when the draft says nothing more: the
 * middle of the importance scale, and "other" where a kind cannot be guessed. The side
 * edits the item on its board afterwards.
 */
export const SHARE_DEFAULTS = {
  interest: { kind: 'need', concern: 'security', importance: 3, positionIds: [] as string[] },
  constraint: { modality: 'cannot', kind: 'other' },
} as const;

export type BoardItem =
  | { collection: 'positions'; item: Position }
  | { collection: 'interests'; item: Interest }
  | { collection: 'constraints'; item: Constraint };

export function boardItemFor(draft: Draft, now = Date.now(), id = newId()): BoardItem {
  const base = { id, text: draft.text, createdAt: now };
  switch (draft.kind) {
    case 'position':
      return { collection: 'positions', item: { ...base, because: draft.because } };
    case 'interest':
      return {
        collection: 'interests',
        item: { ...base, ...SHARE_DEFAULTS.interest, positionIds: [] },
      };
    case 'constraint':
      return { collection: 'constraints', item: { ...base, ...SHARE_DEFAULTS.constraint } };
  }
}

interface ShareArgs {
  draft: Draft;
  /** The side's private doc, where the draft is. */
  privateDoc: Y.Doc;
  /** The same side's public board. */
  sideDoc: Y.Doc;
  /** When given, the add and the removal are one undo step. */
  undo?: RoomUndo;
  now?: number;
}

function addToBoard(sideDoc: Y.Doc, board: BoardItem): void {
  switch (board.collection) {
    case 'positions':
      addItem(sideDoc, 'positions', COLLECTIONS.side.positions, board.item);
      return;
    case 'interests':
      addItem(sideDoc, 'interests', COLLECTIONS.side.interests, board.item);
      return;
    case 'constraints':
      addItem(sideDoc, 'constraints', COLLECTIONS.side.constraints, board.item);
      return;
  }
}

/**
 * Moves a draft onto the side's board: adds the board item, then removes the draft.
 * Adding validates first and throws before writing, so a refusal changes neither doc.
 */
export function shareDraft({ draft, privateDoc, sideDoc, undo, now }: ShareArgs): WriteResult {
  const board = boardItemFor(draft, now);
  const write = () => {
    addToBoard(sideDoc, board);
    removeItem(privateDoc, 'drafts', draft.id);
  };
  try {
    if (undo) undo.group(write);
    else write();
    return { ok: true };
  } catch (error) {
    const issues = (error as { issues?: Array<{ path: PropertyKey[]; message: string }> }).issues;
    return {
      ok: false,
      message: issues
        ? issues.map((i) => `${i.path.map(String).join('.') || 'item'}: ${i.message}`).join('; ')
        : 'The draft could not be shared.',
    };
  }
}
