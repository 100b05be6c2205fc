import { useState } from 'react';
import type { Pause } from '../../hooks/usePause';
import { formatTime } from './TrendChart';

/** "I need a pause", asked once in place, then confirmed as sent anonymously. */
export function PauseRequest({ pause }: { pause: Pause }) {
  const [step, setStep] = useState<'idle' | 'asking' | 'sending' | 'sent'>('idle');
  const [error, setError] = useState<string | null>(null);

  const send = async () => {
    setStep('sending');
    const result = await pause.request();
    setStep(result.ok ? 'sent' : 'idle');
    setError(result.ok ? null : result.message);
  };

  return (
    <div className="pause-request">
      {step === 'idle' && (
        <button type="button" className="button" onClick={() => setStep('asking')}>
          I need a pause
        </button>
      )}
      {(step === 'asking' || step === 'sending') && (
        <span className="confirm-remove" role="group" aria-label="Send an anonymous pause request?">
          <span className="confirm-question">Send an anonymous pause request?</span>
          <button
            type="button"
            className="button button-primary"
            onClick={send}
            disabled={step === 'sending'}
            autoFocus
          >
            Send
          </button>
          <button type="button" className="button button-quiet" onClick={() => setStep('idle')}>
            Cancel
          </button>
        </span>
      )}
      <p role="status" className="pause-sent">
        {step === 'sent' && 'Sent anonymously. The facilitator sees that someone asked for a pause, never who.'}
      </p>
      {step === 'sent' && (
        <button type="button" className="button button-quiet" onClick={() => setStep('idle')}>
          Done
        </button>
      )}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

/** For facilitators: new pause requests stand out until acknowledged; the total stays. */
export function PauseNotice({ pause }: { pause: Pause }) {
  const { state, unseen } = pause;
  if (!state) return null;
  return (
    <>
      <div role="alert" className={unseen > 0 ? 'pause-notice' : undefined}>
        {unseen > 0 && (
          <>
            <p>
              <strong>{unseen === 1 ? 'Someone asked for a pause.' : `${unseen} pause requests came in.`}</strong>{' '}
              {state.lastAt !== null && `Latest at ${formatTime(state.lastAt)}. `}You are not told who.
            </p>
            <button type="button" className="button" onClick={pause.acknowledge}>
              Noted
            </button>
          </>
        )}
      </div>
      {unseen === 0 && state.count > 0 && (
        <p className="pause-total">
          {state.count} pause {state.count === 1 ? 'request' : 'requests'} this session
          {state.lastAt !== null && `, the latest at ${formatTime(state.lastAt)}`}.
        </p>
      )}
    </>
  );
}
