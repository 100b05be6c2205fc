import { useState } from 'react';

export interface ConfirmProps {
  /** The button's words, e.g. "Remove". */
  label: string;
  /** Its accessible name, naming the item and starting with its words: "Remove position “Rent at 1,200”". */
  name: string;
  /** Asked in place of the button, e.g. "Remove?". */
  question: string;
  /** The answer that goes ahead, e.g. "Yes, remove". */
  yes: string;
  /** The answer that keeps things as they are. */
  no?: string;
  buttonClass: string;
  yesClass: string;
  onConfirm: () => void;
}

/**
 * An action that asks once, in place, before it happens: for what a slip of the mouse
 * must not do, such as removing an item or showing a private draft to the room.
 */
export function Confirm({ label, name, question, yes, no = 'Keep', buttonClass, yesClass, onConfirm }: ConfirmProps) {
  const [asking, setAsking] = useState(false);
  // After the "no", focus goes back to the button rather than being lost.
  const [declined, setDeclined] = useState(false);
  if (!asking) {
    return (
      <button
        type="button"
        className={buttonClass}
        aria-label={name}
        autoFocus={declined}
        onClick={() => setAsking(true)}
      >
        {label}
      </button>
    );
  }
  return (
    <span className="confirm-remove" role="group" aria-label={`${name}?`}>
      <span className="confirm-question">{question}</span>
      <button
        type="button"
        className={yesClass}
        onClick={() => {
          // Back to the button, for an action whose item stays (or a removal that was refused).
          setAsking(false);
          onConfirm();
        }}
        autoFocus
      >
        {yes}
      </button>
      <button
        type="button"
        className="button button-quiet"
        onClick={() => {
          setDeclined(true);
          setAsking(false);
        }}
      >
        {no}
      </button>
    </span>
  );
}
