import { useId } from 'react';

interface DateFieldProps {
  label: string;
  /** `YYYY-MM-DD`, or empty when no date is set. */
  value: string;
  onChange: (value: string) => void;
  hint?: string;
}

/** A labelled native date picker: keyboard-operable everywhere and always `YYYY-MM-DD`. */
export function DateField({ label, value, onChange, hint }: DateFieldProps) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="date"
        className="date-input"
        value={value}
        aria-describedby={hintId}
        onChange={(e) => onChange(e.target.value)}
      />
      {hint && (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      )}
    </div>
  );
}
