import { ConfirmRemove } from './ConfirmRemove';

interface InvalidItemProps {
  noun: string;
  error: string;
  /** Offered to members who may write the doc, so a broken entry can be cleared away. */
  onRemove?: () => void;
}

/** An item that failed validation: shown as such, never trusted, never a crash. */
export function InvalidItem({ noun, error, onRemove }: InvalidItemProps) {
  return (
    <li className="item-card item-invalid">
      <p className="invalid-title">Invalid {noun}</p>
      <details>
        <summary>Why it cannot be shown</summary>
        <p className="invalid-detail">{error}</p>
      </details>
      {onRemove && (
        <div className="item-actions">
          <ConfirmRemove what={`invalid ${noun}`} onRemove={onRemove} />
        </div>
      )}
    </li>
  );
}
