import { LONG_TEXT_MAX } from '@parley/shared';
import { useEffect, useId, useRef, useState } from 'react';

interface NotesFieldProps {
  label: string;
  hint?: string;
  value: string;
  onSave: (value: string) => void;
  rows?: number;
}

const SAVE_AFTER_MS = 600;

/**
 * A free-text field saved as the person types (after a short pause, and on leaving the
 * field). While it has focus it shows what is being typed; otherwise what the doc holds,
 * so a teammate's change appears as soon as the field is not in use.
 */
export function NotesField({ label, hint, value, onSave, rows = 3 }: NotesFieldProps) {
  const id = useId();
  const [typing, setTyping] = useState<string | null>(null);
  const latestSave = useRef(onSave);
  useEffect(() => {
    latestSave.current = onSave;
  });

  useEffect(() => {
    if (typing === null || typing === value) return;
    const timer = setTimeout(() => latestSave.current(typing), SAVE_AFTER_MS);
    return () => clearTimeout(timer);
  }, [typing, value]);

  const hintId = hint ? `${id}-hint` : undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <textarea
        id={id}
        rows={rows}
        maxLength={LONG_TEXT_MAX}
        value={typing ?? value}
        aria-describedby={hintId}
        onFocus={() => setTyping(value)}
        onChange={(e) => setTyping(e.target.value)}
        onBlur={() => {
          if (typing !== null && typing !== value) onSave(typing);
          setTyping(null);
        }}
      />
      {hint && (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      )}
    </div>
  );
}
