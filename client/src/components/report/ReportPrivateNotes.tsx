import { DRAFT_KIND_LABELS, possessive, sideName } from '@parley/shared';
import type { ReportData } from '@parley/shared';
import { None } from './reportHelpers';

interface ReportPrivateNotesProps {
  privateNotes: NonNullable<ReportData['privateNotes']>;
  room: ReportData['room'];
}

export function ReportPrivateNotes({ privateNotes, room }: ReportPrivateNotesProps) {
  return (
    <section className="report-section report-page report-private" aria-labelledby="r-private">
      <p className="report-private-flag">Private — {sideName(room, privateNotes.side)} only</p>
      <h2 id="r-private">{possessive(room, privateNotes.side)} private notes</h2>
      <p className="report-muted">Included because you asked for it. Nobody else’s report contains this.</p>
      <dl className="report-notes">
        <dt>Walk-away alternative</dt>
        <dd>{privateNotes.notes.walkAway || '—'}</dd>
        <dt>Reservation point</dt>
        <dd>{privateNotes.notes.reservation || '—'}</dd>
        <dt>Notes</dt>
        <dd>{privateNotes.notes.notes || '—'}</dd>
      </dl>
      <h3>Drafts not shared</h3>
      {privateNotes.drafts.length === 0 ? (
        <None />
      ) : (
        <ul className="report-list">
          {privateNotes.drafts.map((d) => (
            <li key={d.id}>
              <span className="report-badge">{DRAFT_KIND_LABELS[d.kind]}</span> {d.text}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
