import { LONG_TEXT_MAX } from '@parley/shared';
import { useId, useState } from 'react';
import type { WriteResult } from '../../hooks/useCollection';

interface InlinePromptProps {
  /** The question, shown as the field's label. */
  label: string;
  /** Read after the label and the button by assistive technology only, e.g. "for commitment “…”". */
  context?: string;
  placeholder?: string;
  buttonLabel: string;
  /** Said when the field is submitted empty. */
  emptyMessage: string;
  onSave: (text: string) => WriteResult;
  onFocusChange?: (focused: boolean) => void;
  /** The form's class, and with `-row` its field-and-button row's: each place styles its own prompt. */
  className?: string;
}

/**
 * A one-field nudge right where something is missing, such as a commitment's
 * verification or a position's because.
 */
export function InlinePrompt({
  label,
  context,
  placeholder,
  buttonLabel,
  emptyMessage,
  onSave,
  onFocusChange,
  className = 'inline-prompt',
}: InlinePromptProps) {
  const id = useId();
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);

  return (
    <form
      className={className}
      onSubmit={(event) => {
        event.preventDefault();
        if (!text.trim()) return setError(emptyMessage);
        const result = onSave(text.trim());
        if (result.ok) setText('');
        setError(result.ok ? null : result.message);
      }}
      onFocus={() => onFocusChange?.(true)}
      onBlur={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget)) onFocusChange?.(false);
      }}
    >
      <label htmlFor={id}>
        {label}
        {context && <span className="visually-hidden"> {context}</span>}
      </label>
      <div className={`${className}-row`}>
        <input
          id={id}
          type="text"
          value={text}
          maxLength={LONG_TEXT_MAX}
          placeholder={placeholder}
          onChange={(e) => setText(e.target.value)}
        />
        <button type="submit" className="button">
          {buttonLabel}
          {context && <span className="visually-hidden"> {context}</span>}
        </button>
      </div>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
