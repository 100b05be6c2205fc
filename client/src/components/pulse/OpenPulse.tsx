import type { PulseView } from '@parley/shared';
import { useState } from 'react';
import { useNow, type PulseActions } from '../../hooks/usePulse';
import { AnswerForm } from './AnswerForm';

function timeLeft(ms: number): string {
  const sec = Math.max(0, Math.ceil(ms / 1000));
  const m = Math.floor(sec / 60);
  const s = sec % 60;
  return m > 0 ? `${m}:${String(s).padStart(2, '0')} left` : `${s} s left`;
}

interface OpenPulseProps {
  pulse: PulseView;
  isSide: boolean;
  facilitator: boolean;
  actions: PulseActions;
}

/**
 * The open pulse, in the panel beside the board: a prompt that never covers the board,
 * can be put off with "Later", and shows only how many answered — never what.
 */
export function OpenPulse({ pulse, isSide, facilitator, actions }: OpenPulseProps) {
  const now = useNow();
  const [later, setLater] = useState(false);
  const [closeError, setCloseError] = useState<string | null>(null);
  const answered = pulse.youAnswered === true;
  const asking = isSide && !answered;

  return (
    <section className={asking ? 'pulse-open pulse-prompt' : 'pulse-open'} aria-label="Open pulse check">
      <p className="pulse-open-title">
        <strong>{asking ? 'Pulse check: how does the room feel to you?' : 'A pulse check is open'}</strong>
      </p>
      <p className="pulse-progress">
        <span>
          {pulse.answered} of {pulse.eligible} answered
        </span>
        <span aria-hidden="true"> · </span>
        <span>{timeLeft(pulse.closesAt - now)}</span>
      </p>
      <progress className="pulse-progress-bar" max={pulse.eligible || 1} value={pulse.answered} aria-hidden="true" />

      {answered && <p className="pulse-thanks">You answered — thank you.</p>}
      {asking &&
        (later ? (
          <button type="button" className="button button-primary" onClick={() => setLater(false)}>
            Answer now
          </button>
        ) : (
          <>
            <AnswerForm pulse={pulse} onAnswer={(ratings) => actions.answer(pulse.pulseId, ratings)} />
            <button type="button" className="button button-quiet" onClick={() => setLater(true)}>
              Later
            </button>
          </>
        ))}
      {!isSide && <p className="field-hint">Only side members answer. The result is shown when the pulse closes.</p>}
      {facilitator && (
        <div className="form-actions">
          <button
            type="button"
            className="button"
            onClick={async () => {
              const result = await actions.close(pulse.pulseId);
              setCloseError(result.ok ? null : result.message);
            }}
          >
            Close now
          </button>
        </div>
      )}
      {closeError && (
        <p className="form-error" role="alert">
          {closeError}
        </p>
      )}
    </section>
  );
}
