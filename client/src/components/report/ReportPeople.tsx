import { SIDE_LETTER } from '@parley/shared';
import type { ReportData } from '@parley/shared';

interface ReportPeopleProps {
  data: ReportData;
}

export function ReportPeople({ data }: ReportPeopleProps) {
  const people = (pred: (p: ReportData['participants'][number]) => boolean) =>
    data.participants
      .filter(pred)
      .map((p) => p.name)
      .join(', ');
  const mediators = people((p) => p.role === 'mediator');
  const observers = people((p) => p.role === 'observer');

  return (
    <section className="report-section" aria-labelledby="r-people">
      <h2 id="r-people">Sides and participants</h2>
      <dl className="report-people">
        {data.sides.map((s) => (
          <div key={s.side}>
            <dt>
              {s.name} <span className="report-muted">(side {SIDE_LETTER[s.side]})</span>
            </dt>
            <dd>{people((p) => p.role === 'side' && p.side === s.side) || '—'}</dd>
          </div>
        ))}
        {data.room.mediated && (
          <div>
            <dt>Mediator</dt>
            <dd>{mediators || '—'}</dd>
          </div>
        )}
        {observers && (
          <div>
            <dt>Observers</dt>
            <dd>{observers}</dd>
          </div>
        )}
      </dl>
    </section>
  );
}
