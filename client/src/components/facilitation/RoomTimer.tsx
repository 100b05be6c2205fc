import { PHASE_LABELS } from '@parley/shared';
import type { Phase, Timer } from '@parley/shared';
import type { FormEvent } from 'react';
import { useId, useState } from 'react';
import { useCollection } from '../../hooks/useCollection';
import { useNow } from '../../hooks/usePulse';
import { useRoom } from '../../hooks/useRoom';
import {
  MAX_TIMER_MINUTES,
  formatCountdown,
  pauseTimer,
  resetTimer,
  setTimer,
  spokenCountdown,
  startTimer,
  viewTimer,
  writeTimer,
} from './facilitation';

interface RoomTimerProps {
  timer: Timer | null;
  phase: Phase;
  writable: boolean;
}

const STATUS_TEXT = { running: 'Running', paused: 'Paused', up: 'Time is up' } as const;

/** The room's countdown: everyone sees it; the facilitator sets, starts, pauses and resets it. */
export function RoomTimer({ timer, phase, writable }: RoomTimerProps) {
  const { docs } = useRoom();
  const now = useNow();
  const [setting, setSetting] = useState(false);
  const doc = docs.facilitation.doc;

  const view = timer ? viewTimer(timer, now) : null;
  return (
    <div className="room-timer">
      <h3 className="rail-subhead">Timer</h3>
      {timer && view ? (
        <div className={`timer-face timer-${view.status}`}>
          <p className="timer-label">{timer.label || 'Timer'}</p>
          <p
            className="timer-readout"
            role="timer"
            aria-label={`${timer.label || 'Timer'}: ${spokenCountdown(view.remainingMs)}`}
          >
            {formatCountdown(view.remainingMs)}
          </p>
          <p className="timer-status">
            {STATUS_TEXT[view.status]}
            {view.status !== 'up' && <> · of {formatCountdown(timer.durationMs)}</>}
          </p>
        </div>
      ) : (
        <p className="empty">{writable ? 'No timer set.' : 'No timer is running.'}</p>
      )}
      {writable && !setting && (
        <div className="form-actions timer-actions">
          {timer && view && view.status !== 'up' && (
            <button
              type="button"
              className="button button-primary"
              onClick={() => writeTimer(doc, view.status === 'running' ? pauseTimer(timer) : startTimer(timer))}
            >
              {view.status === 'running' ? 'Pause' : 'Start'}
            </button>
          )}
          {timer && (
            <button type="button" className="button" onClick={() => writeTimer(doc, resetTimer(timer))}>
              Reset
            </button>
          )}
          <button type="button" className="button" onClick={() => setSetting(true)}>
            {timer ? 'Change…' : 'Set a timer'}
          </button>
          {timer && (
            <button type="button" className="button button-quiet" onClick={() => writeTimer(doc, null)}>
              Clear
            </button>
          )}
        </div>
      )}
      {writable && setting && (
        <TimerForm
          phase={phase}
          timer={timer}
          onCancel={() => setSetting(false)}
          onSet={(next) => {
            writeTimer(doc, next);
            setSetting(false);
          }}
        />
      )}
    </div>
  );
}

interface TimerFormProps {
  phase: Phase;
  timer: Timer | null;
  onSet: (timer: Timer) => void;
  onCancel: () => void;
}

/** What is timed (the phase or an agenda topic) and for how many minutes. */
function TimerForm({ phase, timer, onSet, onCancel }: TimerFormProps) {
  const { docs } = useRoom();
  const agenda = useCollection(docs.joint, 'agenda');
  const id = useId();
  const phaseLabel = `${PHASE_LABELS[phase]} phase`;
  const topics = agenda.items
    .flatMap((i) => (i.ok && i.value.status !== 'settled' ? [i.value] : []))
    .sort((x, y) => x.order - y.order)
    .map((t) => `Topic: ${t.title}`);
  const choices = [...new Set([phaseLabel, ...topics, ...(timer?.label ? [timer.label] : [])])];
  const [label, setLabel] = useState(timer?.label || phaseLabel);
  const [minutes, setMinutes] = useState(timer ? String(Math.round(timer.durationMs / 60_000) || 10) : '10');
  const [error, setError] = useState<string | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const value = Number(minutes);
    if (!Number.isFinite(value) || value <= 0 || value > MAX_TIMER_MINUTES) {
      return setError(`Minutes must be between 1 and ${MAX_TIMER_MINUTES}.`);
    }
    onSet(setTimer(label, value));
  };

  return (
    <form
      className="timer-form"
      aria-label="Set the timer"
      onSubmit={submit}
      onKeyDown={(e) => {
        if (e.key === 'Escape') onCancel();
      }}
      noValidate
    >
      <div className="field">
        <label htmlFor={`${id}-what`}>What is timed</label>
        <select id={`${id}-what`} value={label} onChange={(e) => setLabel(e.target.value)} autoFocus>
          {choices.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-minutes`}>Minutes</label>
        <input
          id={`${id}-minutes`}
          type="number"
          inputMode="numeric"
          min={1}
          max={MAX_TIMER_MINUTES}
          step={1}
          value={minutes}
          onChange={(e) => setMinutes(e.target.value)}
          aria-describedby={error ? `${id}-error` : undefined}
        />
      </div>
      {error && (
        <p className="form-error" id={`${id}-error`} role="alert">
          {error}
        </p>
      )}
      <div className="form-actions">
        <button type="submit" className="button button-primary">
          Set timer
        </button>
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
