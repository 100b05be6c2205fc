import { useId, useRef, useState } from 'react';

interface CopyFieldProps {
  label: string;
  value: string;
  hint?: string;
}

/**
 * A read-only value with a Copy button. Where the clipboard API is unavailable or
 * refused (plain-http origins, some browsers), the text is selected for a manual copy.
 */
export function CopyField({ label, value, hint }: CopyFieldProps) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [feedback, setFeedback] = useState('');

  const copy = async () => {
    try {
      if (!navigator.clipboard) throw new Error('no clipboard');
      await navigator.clipboard.writeText(value);
      setFeedback('Copied');
    } catch {
      input.current?.focus();
      input.current?.select();
      setFeedback('Selected — press Ctrl+C (⌘C on a Mac) to copy');
    }
  };

  return (
    <div className="field copy-field">
      <label htmlFor={id}>{label}</label>
      {hint && <p className="field-hint">{hint}</p>}
      <div className="copy-row">
        <input
          ref={input}
          id={id}
          type="text"
          readOnly
          value={value}
          spellCheck={false}
          onFocus={(e) => e.currentTarget.select()}
        />
        <button type="button" className="button" onClick={() => void copy()} aria-label={`Copy ${label}`}>
          Copy
        </button>
      </div>
      <p className="copy-feedback" role="status">
        {feedback}
      </p>
    </div>
  );
}
