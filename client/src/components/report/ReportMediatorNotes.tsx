import type { ReportData } from '@parley/shared';

/** The mediator's own notes, in their own copy only, when they asked for them. */
export function ReportMediatorNotes({ notes }: { notes: NonNullable<ReportData['mediatorNotes']> }) {
  return (
    <section className="report-section report-page report-private" aria-labelledby="r-mediator">
      <p className="report-private-flag">Private — mediator only</p>
      <h2 id="r-mediator">Mediator’s notes</h2>
      <p className="report-muted">Included because you asked for it. Nobody else’s report contains this.</p>
      <p className="report-notes-text">{notes.notes || '—'}</p>
    </section>
  );
}
