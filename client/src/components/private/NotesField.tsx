import { LONG_TEXT_MAX } from '@parley/shared';
import { useCallback, useEffect, useId, useRef, useState } from 'react';

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
  // What this field last read or wrote: only a difference from it is this person's
  // change. A teammate's edit that arrives meanwhile is never written back over.
  const base = useRef('');
  const latestSave = useRef(onSave);
  useEffect(() => {
    latestSave.current = onSave;
  });
  const save = useCallback((text: string) => {
    if (text === base.current) return;
    base.current = text;
    latestSave.current(text);
  }, []);

  useEffect(() => {
    if (typing === null) return;
    const timer = setTimeout(() => save(typing), SAVE_AFTER_MS);
    return () => clearTimeout(timer);
  }, [typing, save]);

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
        onFocus={() => {
          base.current = value;
          setTyping(value);
        }}
        onChange={(e) => setTyping(e.target.value)}
        onBlur={() => {
          if (typing !== null) save(typing);
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
