import { SIDE_LETTER, possessiveOf, sideName } from '@parley/shared';
import type { SideId } from '@parley/shared';
import { useId } from 'react';
import { useDocSynced } from '../../hooks/useDocSynced';
import { useRoom } from '../../hooks/useRoom';
import { SectionOwner } from '../ui/Section';
import { ConcernWeights } from './ConcernWeights';
import { ConstraintsSection } from './ConstraintsSection';
import { InterestsSection } from './InterestsSection';
import { NoticesSection } from './NoticesSection';
import { PositionsSection } from './PositionsSection';

/** One side's board. Editable only by that side's members; everyone else sees it read-only. */
export function SideBoard({ side }: { side: SideId }) {
  const { session, docs } = useRoom();
  const handle = docs.sides[side];
  const synced = useDocSynced(handle);
  const headingId = useId();
  const name = sideName(session.room, side);
  const caption = handle.writable
    ? 'Your side — you can edit'
    : session.role === 'side'
      ? 'The other side — read only'
      : 'Read only';

  return (
    <section id={`board-${side}`} className={`column column-side side-${side}`} aria-labelledby={headingId}>
      <header className="column-head">
        <p className="column-kicker">Side {SIDE_LETTER[side]}</p>
        <h2 id={headingId}>{name}</h2>
        <p className="column-caption">{caption}</p>
      </header>
      {synced ? (
        <SectionOwner.Provider value={name}>
          <div className="column-body">
            <PositionsSection handle={handle} />
            <InterestsSection handle={handle} />
            <ConcernWeights handle={handle} />
            <ConstraintsSection handle={handle} />
            <NoticesSection handle={handle} />
          </div>
        </SectionOwner.Provider>
      ) : (
        <p className="loading" role="status">
          Loading {possessiveOf(name)} board…
        </p>
      )}
    </section>
  );
}
