import type { ReactNode } from 'react';
import { ConfirmRemove } from './ConfirmRemove';

interface ItemActionsProps {
  /** What the actions act on, for accessible names, e.g. "position “Rent at 1,200”". */
  what: string;
  onEdit: () => void;
  onRemove: () => void;
  /** Set once an editor has closed: the remounted Edit button takes focus back. */
  returnFocus: boolean;
  /** Extra actions between Edit and Remove (e.g. moving an agenda topic). */
  children?: ReactNode;
}

export function ItemActions({ what, onEdit, onRemove, returnFocus, children }: ItemActionsProps) {
  return (
    <div className="item-actions">
      <button
        type="button"
        className="button button-quiet"
        aria-label={`Edit ${what}`}
        autoFocus={returnFocus}
        onClick={onEdit}
      >
        Edit
      </button>
      {children}
      <ConfirmRemove what={what} onRemove={onRemove} />
    </div>
  );
}
