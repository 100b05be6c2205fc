import type { Timer } from '@parley/shared';
import { useNow } from '../../hooks/usePulse';
import { formatCountdown, viewTimer } from './facilitation';

/**
 * The timer in the room header, so it stays in view wherever the facilitation panel
 * is; also where "time is up" is announced, once, politely.
 */
export function TimerChip({ timer }: { timer: Timer | null }) {
  const now = useNow();
  const view = timer ? viewTimer(timer, now) : null;
  return (
    <>
      {timer && view && (
        <span className={`timer-chip timer-${view.status}`}>
          <span className="visually-hidden">Timer, </span>
          {timer.label ? `${timer.label}: ` : ''}
          <strong className="timer-chip-time">
            {view.status === 'up' ? 'time is up' : formatCountdown(view.remainingMs)}
          </strong>
          {view.status === 'paused' && <span className="timer-chip-paused"> (paused)</span>}
        </span>
      )}
      <span className="visually-hidden" aria-live="polite">
        {view?.status === 'up' ? `Time is up${timer?.label ? ` for ${timer.label}` : ''}.` : ''}
      </span>
    </>
  );
}
