import type { Phase, PhaseChange } from '@parley/shared';
import { PHASE_LABELS, PHASES } from '@parley/shared';
import { formatClock } from '../../lib/time';
import { nextPhase } from './facilitation';

interface PhaseStepperProps {
  phase: Phase;
  history: PhaseChange[];
  /** Absent for people who may only read the phase. */
  onMove?: (phase: Phase) => void;
}

/** Opening → interests → options → agreement → close, with the current phase marked. */
export function PhaseStepper({ phase, history, onMove }: PhaseStepperProps) {
  const current = PHASES.indexOf(phase);
  const next = nextPhase(phase);
  const since = [...history].reverse().find((h) => h.phase === phase);

  return (
    <div className="phase-stepper">
      <ol className="phase-steps" aria-label="Phases">
        {PHASES.map((p, i) => {
          const state = i < current ? 'done' : i === current ? 'current' : 'upcoming';
          const label = PHASE_LABELS[p];
          return (
            <li key={p} className={`phase-step phase-${state}`} aria-current={state === 'current' ? 'step' : undefined}>
              {onMove && state !== 'current' ? (
                // The name starts with the visible word, so a speech-input user can say
                // what they see ("click Interests").
                <button type="button" className="phase-button" onClick={() => onMove(p)}>
                  <span className="phase-number" aria-hidden="true">
                    {i + 1}
                  </span>
                  <span aria-hidden="true">{label}</span>
                  <span className="visually-hidden">
                    {`${label}${state === 'done' ? ' (done)' : ''}: move the room to this phase`}
                  </span>
                </button>
              ) : (
                <span className="phase-label">
                  <span className="phase-number" aria-hidden="true">
                    {i + 1}
                  </span>
                  {label}
                  {state === 'current' && <span className="visually-hidden"> (current phase)</span>}
                  {state === 'done' && <span className="visually-hidden"> (done)</span>}
                </span>
              )}
            </li>
          );
        })}
      </ol>
      <p className="phase-since">
        Now: <strong>{PHASE_LABELS[phase]}</strong>
        {since && <> since {formatClock(since.at)}</>}
      </p>
      {onMove && next && (
        <button type="button" className="button button-primary" onClick={() => onMove(next)}>
          Next phase: {PHASE_LABELS[next]} <span aria-hidden="true">→</span>
        </button>
      )}
    </div>
  );
}
