import { Confirm } from './Confirm';

interface ConfirmRemoveProps {
  /** What is removed, for the button's accessible name, e.g. "position “Rent at 1,200”". */
  what: string;
  onRemove: () => void;
}

/** Removal asks once, in place: nothing in a negotiation should vanish by a slip of the mouse. */
export function ConfirmRemove({ what, onRemove }: ConfirmRemoveProps) {
  return (
    <Confirm
      label="Remove"
      name={`Remove ${what}`}
      question="Remove?"
      yes="Yes, remove"
      buttonClass="button button-quiet"
      yesClass="button button-danger"
      onConfirm={onRemove}
    />
  );
}
