import { PULSE_DEFAULT_WINDOW_SEC, PULSE_MIN_ANSWERS_FLOOR, type PulseState } from '@parley/shared';
import { useId, useState, type FormEvent } from 'react';
import type { ActionResult, PulseActions } from '../../hooks/usePulse';
import { formatTime } from './TrendChart';

const WINDOWS = [60, 90, 120, 180, 300];
const windowLabel = (sec: number) => (sec < 120 ? `${sec} seconds` : `${sec / 60} minutes`);

/** Runs one action at a time and keeps the last refusal to show. */
function useAction() {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = async (action: () => Promise<ActionResult>) => {
    setPending(true);
    const result = await action();
    setPending(false);
    setError(result.ok ? null : result.message);
    return result.ok;
  };
  return { pending, error, run };
}

/** Why a pulse started now could not release a result. */
function tooFewToAnswer(present: number, needed: number): string {
  const here =
    present === 0 ? 'Nobody on the sides is here' : `Only ${present} on the sides ${present === 1 ? 'is' : 'are'} here`;
  return `${here}, and a result needs ${needed} answers: a pulse now would be withheld. Lower the minimum below, or wait for more people.`;
}

interface FacilitatorControlsProps {
  state: PulseState;
  actions: PulseActions;
  /** Side members connected now: at most this many can answer a pulse started now. */
  sidesPresent: number;
}

export function FacilitatorControls({ state, actions, sidesPresent }: FacilitatorControlsProps) {
  const id = useId();
  const { pending, error, run } = useAction();
  const [windowSec, setWindowSec] = useState(PULSE_DEFAULT_WINDOW_SEC);
  const [every, setEvery] = useState(state.schedule?.everyMinutes ?? 10);
  const [minAnswers, setMinAnswers] = useState(state.minAnswers);
  const [savedMin, setSavedMin] = useState(state.minAnswers);
  // Another facilitator (or another tab) may change the minimum: follow the server unless mid-edit.
  if (state.minAnswers !== savedMin) {
    setSavedMin(state.minAnswers);
    setMinAnswers(state.minAnswers);
  }
  const minValid = Number.isInteger(minAnswers) && minAnswers >= PULSE_MIN_ANSWERS_FLOOR && minAnswers <= 50;
  const everyValid = Number.isInteger(every) && every >= 1 && every <= 240;

  const schedule = (event: FormEvent) => {
    event.preventDefault();
    if (everyValid) void run(() => actions.schedule(every, windowSec));
  };
  const saveMin = (event: FormEvent) => {
    event.preventDefault();
    if (minValid) void run(() => actions.setMinAnswers(minAnswers));
  };

  return (
    <section className="pulse-controls" aria-labelledby={`${id}-h`}>
      <h4 id={`${id}-h`}>Run pulse checks</h4>
      <div className="field-row">
        <div className="field">
          <label htmlFor={`${id}-window`}>Open for</label>
          <select id={`${id}-window`} value={windowSec} onChange={(e) => setWindowSec(Number(e.target.value))}>
            {WINDOWS.map((sec) => (
              <option key={sec} value={sec}>
                {windowLabel(sec)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="form-actions">
        <button
          type="button"
          className="button button-primary"
          disabled={pending || state.open !== null}
          onClick={() => void run(() => actions.start({ windowSec }))}
        >
          Start a pulse now
        </button>
      </div>
      {!state.open && sidesPresent < state.minAnswers && (
        <p className="field-hint pulse-warning">{tooFewToAnswer(sidesPresent, state.minAnswers)}</p>
      )}

      {state.schedule ? (
        <div className="pulse-schedule">
          <p>
            A pulse every {state.schedule.everyMinutes} {state.schedule.everyMinutes === 1 ? 'minute' : 'minutes'}; the
            next at {formatTime(state.schedule.nextAt)}.
          </p>
          <button type="button" className="button" disabled={pending} onClick={() => void run(actions.unschedule)}>
            Stop the schedule
          </button>
        </div>
      ) : (
        <form className="pulse-schedule" onSubmit={schedule}>
          <div className="field field-inline">
            <label htmlFor={`${id}-every`}>Every (minutes)</label>
            <input
              id={`${id}-every`}
              type="number"
              inputMode="numeric"
              min={1}
              max={240}
              step={1}
              value={Number.isNaN(every) ? '' : every}
              onChange={(e) => setEvery(e.target.valueAsNumber)}
            />
          </div>
          <button type="submit" className="button" disabled={pending || !everyValid}>
            Schedule
          </button>
        </form>
      )}

      <form className="pulse-min" onSubmit={saveMin}>
        <div className="field field-inline">
          <label htmlFor={`${id}-min`}>Minimum answers to show a result</label>
          <input
            id={`${id}-min`}
            type="number"
            inputMode="numeric"
            min={PULSE_MIN_ANSWERS_FLOOR}
            max={50}
            step={1}
            value={Number.isNaN(minAnswers) ? '' : minAnswers}
            aria-describedby={`${id}-min-hint`}
            onChange={(e) => setMinAnswers(e.target.valueAsNumber)}
          />
          <p className="field-hint" id={`${id}-min-hint`}>
            Below this, a result is withheld to protect anonymity. Never less than {PULSE_MIN_ANSWERS_FLOOR}.
            {minAnswers === 2 &&
              ' With two answers, each of the two people can work out the other’s answer from the result.'}
          </p>
        </div>
        <button type="submit" className="button" disabled={pending || !minValid || minAnswers === state.minAnswers}>
          Save
        </button>
      </form>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
