import { useId } from 'react';
import { useRoom } from '../../hooks/useRoom';
import { PhaseStepper } from './PhaseStepper';
import { RoomTimer } from './RoomTimer';
import { movePhase } from './facilitation';
import type { Facilitation } from './useFacilitation';

/** Phases and the timer. The facilitator runs them; everyone else sees where the room is. */
export function FacilitationPanel({ facilitation }: { facilitation: Facilitation }) {
  const { session, docs } = useRoom();
  const headingId = useId();
  const { phase, timer, history, writable } = facilitation;
  const caption = writable
    ? session.room.mediated
      ? 'You move the room through the phases and keep time.'
      : 'No mediator: either side moves the phases and keeps time.'
    : session.room.mediated
      ? 'Run by the mediator.'
      : 'Run by the sides.';

  return (
    <section className="rail-panel facilitation-panel" id="facilitation" aria-labelledby={headingId}>
      <h2 id={headingId}>Facilitation</h2>
      <p className="rail-caption">{caption}</p>
      <PhaseStepper
        phase={phase}
        history={history}
        onMove={writable ? (next) => movePhase(docs.facilitation.doc, next) : undefined}
      />
      <RoomTimer timer={timer} phase={phase} writable={writable} />
    </section>
  );
}
