import { useState } from 'react';

interface ConfirmRemoveProps {
  /** What is removed, for the button's accessible name, e.g. "position “Rent at 1,200”". */
  what: string;
  onRemove: () => void;
}

/** Removal asks once, in place: nothing in a negotiation should vanish by a slip of the mouse. */
export function ConfirmRemove({ what, onRemove }: ConfirmRemoveProps) {
  const [asking, setAsking] = useState(false);
  if (!asking) {
    return (
      <button
        type="button"
        className="button button-quiet"
        aria-label={`Remove ${what}`}
        onClick={() => setAsking(true)}
      >
        Remove
      </button>
    );
  }
  return (
    <span className="confirm-remove" role="group" aria-label={`Remove ${what}?`}>
      <span className="confirm-question">Remove?</span>
      <button type="button" className="button button-danger" onClick={onRemove} autoFocus>
        Yes, remove
      </button>
      <button type="button" className="button button-quiet" onClick={() => setAsking(false)}>
        Keep
      </button>
    </span>
  );
}
