import type { SideId } from '@parley/shared';
import { useId, useState } from 'react';
import type { WriteResult } from '../../hooks/useCollection';

interface ScoreControlProps {
  /** What is scored, for the group's accessible name, e.g. "option “Shared parking rota”". */
  what: string;
  side: SideId;
  value: number | null;
  onScore: (value: number) => WriteResult;
  onClear: () => WriteResult;
}

const VALUES = [1, 2, 3, 4, 5] as const;

/**
 * A side's own 1–5 score of an option: five radio buttons (arrow keys move between
 * them) and a way to take the score back.
 */
export function ScoreControl({ what, side, value, onScore, onClear }: ScoreControlProps) {
  const name = useId();
  const [error, setError] = useState<string | null>(null);
  const report = (result: WriteResult) => setError(result.ok ? null : result.message);

  return (
    <fieldset className={`score-control score-control-${side}`} aria-describedby={`${name}-scale`}>
      <legend>
        Your score<span className="visually-hidden"> for {what}</span>
      </legend>
      <div className="score-row">
        <div className="score-choices">
          {VALUES.map((n) => (
            <label key={n} className={`score-choice${value === n ? ' score-choice-on' : ''}`}>
              <input type="radio" name={name} value={n} checked={value === n} onChange={() => report(onScore(n))} />
              <span>{n}</span>
            </label>
          ))}
        </div>
        {value !== null && (
          <button type="button" className="button button-quiet" onClick={() => report(onClear())}>
            Clear<span className="visually-hidden"> our score for {what}</span>
          </button>
        )}
      </div>
      <p id={`${name}-scale`} className="score-scale">
        1 = serves us poorly, 5 = serves us very well
      </p>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </fieldset>
  );
}
