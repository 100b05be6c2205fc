import { PULSE_SCALE_LABELS, pulseStatement, type PulseView } from '@parley/shared';
import { useState, type FormEvent } from 'react';
import type { ActionResult } from '../../hooks/usePulse';

interface AnswerFormProps {
  pulse: PulseView;
  onAnswer: (ratings: Record<string, number>) => Promise<ActionResult>;
}

/** One radio group per statement; arrow keys move within a group, Tab between groups, Enter submits. */
export function AnswerForm({ pulse, onAnswer }: AnswerFormProps) {
  const [ratings, setRatings] = useState<Record<string, number>>({});
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const complete = pulse.statementIds.every((id) => ratings[id] !== undefined);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!complete || sending) return;
    setSending(true);
    const result = await onAnswer(ratings);
    setSending(false);
    if (!result.ok) setError(result.message);
  };

  return (
    <form className="pulse-form" onSubmit={submit} aria-describedby={`${pulse.pulseId}-anon`}>
      <p className="pulse-anon" id={`${pulse.pulseId}-anon`}>
        Anonymous: only totals are kept, and only shown after the pulse closes with enough answers.
      </p>
      {pulse.statementIds.map((id, index) => {
        const statement = pulseStatement(id);
        const name = `${pulse.pulseId}-${id}`;
        return (
          <fieldset key={id} className="pulse-statement">
            <legend>
              <span className="visually-hidden">Statement {index + 1}: </span>
              {statement?.text ?? id}
            </legend>
            <div className="pulse-scale">
              {PULSE_SCALE_LABELS.map((label, i) => {
                const value = i + 1;
                return (
                  <label key={value} className="pulse-scale-option">
                    <input
                      type="radio"
                      name={name}
                      value={value}
                      checked={ratings[id] === value}
                      onChange={() => setRatings((r) => ({ ...r, [id]: value }))}
                    />
                    <span className="pulse-scale-value">{value}</span>
                    {/* Every option keeps its full name for screen readers; the rail is too narrow to print five. */}
                    <span className="visually-hidden">{label}</span>
                  </label>
                );
              })}
            </div>
            <div className="pulse-scale-anchors" aria-hidden="true">
              <span>{PULSE_SCALE_LABELS[0]}</span>
              <span>{PULSE_SCALE_LABELS[PULSE_SCALE_LABELS.length - 1]}</span>
            </div>
          </fieldset>
        );
      })}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={!complete || sending}>
          {sending ? 'Sending…' : 'Submit'}
        </button>
        {!complete && <span className="field-hint">Rate every statement to submit.</span>}
      </div>
    </form>
  );
}
