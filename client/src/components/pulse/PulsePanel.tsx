import { canFacilitate, PHASE_LABELS, type Role, type SideId } from '@parley/shared';
import { useId, useMemo } from 'react';
import type { ControlSocket } from '../../hooks/useControl';
import { usePause } from '../../hooks/usePause';
import { usePulse } from '../../hooks/usePulse';
import { short } from '../../lib/text';
import { FacilitatorControls } from './FacilitatorControls';
import { OpenPulse } from './OpenPulse';
import { PauseNotice, PauseRequest } from './PauseControls';
import { PulseResult } from './PulseResult';
import { SuggestionList } from './SuggestionList';
import { suggestionsFor, trendPoints } from './trend';
import { TrendChart, type TimeMark } from './TrendChart';
import './pulse.css';

export interface PulsePanelProps {
  socket: ControlSocket | null;
  you: { role: Role; side?: SideId };
  mediated: boolean;
  /** Side members connected now: those who could answer a pulse started now. */
  sidesPresent: number;
  phaseChanges: Array<{ phase: string; at: number }>;
  agreements: Array<{ text: string; at: number }>;
}

const phaseLabel = (phase: string): string => PHASE_LABELS[phase as keyof typeof PHASE_LABELS] ?? phase;

/** Anonymous pulse checks and pause requests, beside the board. */
export function PulsePanel({ socket, you, mediated, sidesPresent, phaseChanges, agreements }: PulsePanelProps) {
  const headingId = useId();
  const facilitator = canFacilitate(you, { mediated });
  const isSide = you.role === 'side';
  const { state, actions } = usePulse(socket);
  const pause = usePause(socket, facilitator);

  const history = state?.history;
  const points = useMemo(() => trendPoints(history ?? []), [history]);
  const phaseMarks = useMemo<TimeMark[]>(
    () => phaseChanges.map((p) => ({ at: p.at, label: phaseLabel(p.phase) })),
    [phaseChanges],
  );
  const agreementMarks = useMemo<TimeMark[]>(
    () => agreements.map((a) => ({ at: a.at, label: short(a.text) })),
    [agreements],
  );
  const suggestions = facilitator ? suggestionsFor(points, pause.unseen) : null;
  const latest = history?.[history.length - 1];

  return (
    <aside className="pulse-panel" aria-labelledby={headingId}>
      <h3 id={headingId}>Pulse check</h3>
      <p className="visually-hidden" role="status">
        {state?.open ? 'A pulse check is open.' : ''}
      </p>
      {facilitator && <PauseNotice pause={pause} />}
      {!state ? (
        <p className="empty">Connecting to the room…</p>
      ) : (
        <>
          {state.open ? (
            <OpenPulse
              key={state.open.pulseId}
              pulse={state.open}
              isSide={isSide}
              facilitator={facilitator}
              actions={actions}
            />
          ) : (
            !facilitator && (
              <p className="empty">No pulse check is open. When one opens, it appears here; answers are anonymous.</p>
            )
          )}
          {latest && <PulseResult pulse={latest} minAnswers={state.minAnswers} />}
          {suggestions && <SuggestionList suggestions={suggestions} />}
          {points.length > 0 ? (
            <TrendChart points={points} phaseChanges={phaseMarks} agreements={agreementMarks} />
          ) : (
            <p className="empty">The trend appears here once a pulse result is released.</p>
          )}
          {isSide && <PauseRequest pause={pause} />}
          {facilitator && <FacilitatorControls state={state} actions={actions} sidesPresent={sidesPresent} />}
        </>
      )}
    </aside>
  );
}
