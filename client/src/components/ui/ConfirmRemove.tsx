import { useState } from 'react';

interface ConfirmRemoveProps {
  /** What is removed, for the button's accessible name, e.g. "position “Rent at 1,200”". */
  what: string;
  onRemove: () => void;
}

/** Removal asks once, in place: nothing in a negotiation should vanish by a slip of the mouse. */
export function ConfirmRemove({ what, onRemove }: ConfirmRemoveProps) {
  const [asking, setAsking] = useState(false);
  // After "Keep", focus goes back to the Remove button rather than being lost.
  const [kept, setKept] = useState(false);
  if (!asking) {
    return (
      <button
        type="button"
        className="button button-quiet"
        aria-label={`Remove ${what}`}
        autoFocus={kept}
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
      <button
        type="button"
        className="button button-quiet"
        onClick={() => {
          setKept(true);
          setAsking(false);
        }}
      >
        Keep
      </button>
    </span>
  );
}
