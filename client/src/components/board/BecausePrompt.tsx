import { LONG_TEXT_MAX } from '@parley/shared';
import { useId, useState } from 'react';
import type { WriteResult } from '../../hooks/useCollection';

interface BecausePromptProps {
  onSave: (because: string) => WriteResult;
  onFocusChange: (focused: boolean) => void;
}

/** The author's nudge on a position without a reason: one field, right where it is missing. */
export function BecausePrompt({ onSave, onFocusChange }: BecausePromptProps) {
  const id = useId();
  const [because, setBecause] = useState('');
  const [error, setError] = useState<string | null>(null);

  return (
    <form
      className="because-prompt"
      onSubmit={(event) => {
        event.preventDefault();
        if (!because.trim()) return setError('Write the reason first.');
        const result = onSave(because.trim());
        if (result.ok) setBecause('');
        setError(result.ok ? null : result.message);
      }}
      onFocus={() => onFocusChange(true)}
      onBlur={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget)) onFocusChange(false);
      }}
    >
      <label htmlFor={id}>Why do you ask for this? Saying because helps the other side see what matters.</label>
      <div className="because-prompt-row">
        <input
          id={id}
          type="text"
          value={because}
          maxLength={LONG_TEXT_MAX}
          placeholder="Because…"
          onChange={(e) => setBecause(e.target.value)}
        />
        <button type="submit" className="button">
          Add because
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
