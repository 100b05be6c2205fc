import { useId } from 'react';
import { useDocSynced } from '../../hooks/useDocSynced';
import { useRoom } from '../../hooks/useRoom';
import { AgendaSection } from './AgendaSection';

/**
 * What both sides build together. Each part is its own section component reading the
 * joint doc (or, for notices, each side's doc); options, criteria, agreements with
 * commitments, and notices slot in below the agenda as they are built.
 */
export function JointSpace() {
  const { session, docs } = useRoom();
  const synced = useDocSynced(docs.joint);
  const headingId = useId();
  const caption =
    session.role === 'observer' ? 'Built together by both sides — read only' : 'Built together by both sides';

  return (
    <section className="column column-joint" aria-labelledby={headingId}>
      <header className="column-head">
        <p className="column-kicker">Shared</p>
        <h2 id={headingId}>Joint space</h2>
        <p className="column-caption">{caption}</p>
      </header>
      {synced ? (
        <div className="column-body">
          <AgendaSection />
        </div>
      ) : (
        <p className="loading" role="status">
          Loading the joint space…
        </p>
      )}
    </section>
  );
}
