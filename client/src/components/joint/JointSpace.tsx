import { useId } from 'react';
import { useDocSynced } from '../../hooks/useDocSynced';
import { useRoom } from '../../hooks/useRoom';
import { useScores } from '../../hooks/useScores';
import { useSideCollections, validOnly } from '../../hooks/useSideCollections';
import { AgendaSection } from './AgendaSection';
import { AgreementsSection } from './AgreementsSection';
import { CoverageSection } from './CoverageSection';
import { CriteriaSection } from './CriteriaSection';
import { OptionsSection } from './OptionsSection';
import { RecentNotices } from './RecentNotices';
import './joint.css';

/**
 * What both sides build together. Each part is its own section component reading the
 * joint doc, and for scores, acceptances and notices, each side's own doc.
 */
export function JointSpace() {
  const { session, docs } = useRoom();
  // Options link to both sides' interests and show both sides' scores: wait for all three docs,
  // so a link is never shown (or dropped on save) as dangling just because a side doc is still loading.
  const jointSynced = useDocSynced(docs.joint);
  const aSynced = useDocSynced(docs.sides.a);
  const bSynced = useDocSynced(docs.sides.b);
  const synced = jointSynced && aSynced && bSynced;
  const headingId = useId();
  const caption =
    session.role === 'observer' ? 'Built together by both sides — read only' : 'Built together by both sides';

  return (
    <section id="board-joint" className="column column-joint" aria-labelledby={headingId}>
      <header className="column-head">
        <p className="column-kicker">Shared</p>
        <h2 id={headingId}>Joint space</h2>
        <p className="column-caption">{caption}</p>
      </header>
      {synced ? (
        <JointSections />
      ) : (
        <p className="loading" role="status">
          Loading the joint space…
        </p>
      )}
    </section>
  );
}

function JointSections() {
  const interestViews = useSideCollections('interests');
  const interests = { a: validOnly(interestViews.a.items), b: validOnly(interestViews.b.items) };
  const scores = useScores();

  return (
    <div className="column-body">
      <AgendaSection />
      <RecentNotices />
      <OptionsSection interests={interests} scores={scores} />
      <CoverageSection interests={interests} scores={scores} />
      <CriteriaSection />
      <AgreementsSection />
    </div>
  );
}
