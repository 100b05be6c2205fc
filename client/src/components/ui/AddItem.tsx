import type { ReactNode } from 'react';
import { useState } from 'react';

interface AddItemProps {
  /** The button's text, e.g. "Add a position". */
  label: string;
  /** The form, given a way to close itself after saving or cancelling. */
  children: (close: () => void) => ReactNode;
}

/** A button that opens an add form in place; closing the form returns focus to the button. */
export function AddItem({ label, children }: AddItemProps) {
  const [open, setOpen] = useState(false);
  // The button remounts when the form closes; autoFocus then puts the keyboard back where it was.
  const [returnFocus, setReturnFocus] = useState(false);

  if (open) {
    return (
      <div className="add-item">
        {children(() => {
          setReturnFocus(true);
          setOpen(false);
        })}
      </div>
    );
  }
  return (
    <button type="button" className="button button-add" autoFocus={returnFocus} onClick={() => setOpen(true)}>
      <span aria-hidden="true">+ </span>
      {label}
    </button>
  );
}
