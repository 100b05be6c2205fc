import type { AgreementStatus, PulseView, ReportData, SideId } from '@parley/shared';
import { CORE_CONCERN_LABELS } from '@parley/shared';
import { useMemo } from 'react';
import {
  AGENDA_STATUS_LABELS,
  CONSTRAINT_KIND_LABELS,
  INTEREST_KIND_LABELS,
  PHASE_LABELS,
  SIDE_LETTER,
} from '../../lib/labels';
import { TrendChart, type TimeMark } from '../pulse/TrendChart';
import { trendPoints } from '../pulse/trend';
import { DRAFT_KIND_LABELS } from '../private/DraftForm';

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const zone = new Intl.DateTimeFormat(undefined, { timeZoneName: 'short' })
  .formatToParts(new Date())
  .find((p) => p.type === 'timeZoneName')?.value;

const when = (at: number) => dateTime.format(at);

const CRITERION_KIND_LABELS: Record<string, string> = {
  market: 'Market',
  precedent: 'Precedent',
  expert: 'Expert opinion',
  law: 'Law or rule',
  other: 'Other',
};

function statusText(status: AgreementStatus, side: (s: SideId) => string): string {
  switch (status) {
    case 'proposed':
      return 'Proposed';
    case 'accepted by a':
      return `Accepted by ${side('a')}`;
    case 'accepted by b':
      return `Accepted by ${side('b')}`;
    case 'accepted':
      return 'Accepted by both sides';
    case 'done':
      return 'Done';
    case 'broken':
      return 'Broken';
  }
}

const COMMITMENT_STATUS = { pending: 'Pending', done: 'Done', broken: 'Broken' } as const;

function None() {
  return <p className="report-none">None.</p>;
}

interface ReportViewProps {
  data: ReportData;
  /** Every pulse the reader was sent; only released results are charted. */
  pulses: PulseView[];
}

/** The session report as a document: readable on screen, printed with a page per part. */
export function ReportView({ data, pulses }: ReportViewProps) {
  const side = (id: SideId) => data.sides.find((s) => s.side === id)?.name ?? SIDE_LETTER[id];
  const points = useMemo(() => trendPoints(pulses), [pulses]);
  const phaseMarks = useMemo<TimeMark[]>(
    () => data.phaseHistory.map((p) => ({ at: p.at, label: PHASE_LABELS[p.phase] })),
    [data.phaseHistory],
  );
  const agreementMarks = useMemo<TimeMark[]>(
    () => data.agreements.map((a) => ({ at: a.createdAt, label: a.text })),
    [data.agreements],
  );
  const people = (pred: (p: ReportData['participants'][number]) => boolean) =>
    data.participants
      .filter(pred)
      .map((p) => p.name)
      .join(', ');
  const mediators = people((p) => p.role === 'mediator');
  const observers = people((p) => p.role === 'observer');

  return (
    <article className="report" aria-labelledby="report-title">
      <header className="report-head">
        <p className="report-kicker">Session report</p>
        <h1 id="report-title">{data.room.title}</h1>
        <p className="report-meta">
          Generated {when(data.generatedAt)}
          {zone ? ` (${zone})` : ''} · Room opened {when(data.room.createdAt)} · Current phase:{' '}
          <strong>{PHASE_LABELS[data.phase]}</strong> · {data.room.mediated ? 'With a mediator' : 'Without a mediator'}
        </p>
        {data.privateNotes && (
          <p className="report-private-warning">
            This copy contains {side(data.privateNotes.side)}’s private notes (last section). Do not share it with the
            other side.
          </p>
        )}
      </header>

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

      <section className="report-section" aria-labelledby="r-agenda">
        <h2 id="r-agenda">Agenda</h2>
        {data.agenda.length === 0 ? (
          <None />
        ) : (
          <ol className="report-list">
            {data.agenda.map((t) => (
              <li key={t.id}>
                {t.title} <span className="report-badge">{AGENDA_STATUS_LABELS[t.status]}</span>
              </li>
            ))}
          </ol>
        )}
      </section>

      {data.sides.map((s) => (
        <section
          key={s.side}
          className={`report-section report-page report-side side-${s.side}`}
          aria-labelledby={`r-side-${s.side}`}
        >
          <h2 id={`r-side-${s.side}`}>
            {s.name} <span className="report-muted">— side {SIDE_LETTER[s.side]}</span>
          </h2>
          <h3>Positions</h3>
          {s.positions.length === 0 ? (
            <None />
          ) : (
            <ul className="report-list">
              {s.positions.map((p) => (
                <li key={p.id}>
                  <strong>{p.text}</strong>
                  <br />
                  {p.because.trim() ? (
                    <>
                      <span className="report-muted">Because</span> {p.because}
                    </>
                  ) : (
                    <em className="report-muted">No reason given.</em>
                  )}
                </li>
              ))}
            </ul>
          )}
          <h3>Interests</h3>
          {s.interests.length === 0 ? (
            <None />
          ) : (
            <ul className="report-list">
              {s.interests.map((i) => {
                const explains = i.positionIds
                  .map((id) => s.positions.find((p) => p.id === id)?.text)
                  .filter((t): t is string => Boolean(t));
                return (
                  <li key={i.id}>
                    <strong>{i.text}</strong>
                    <br />
                    <span className="report-muted">
                      {INTEREST_KIND_LABELS[i.kind]} · {CORE_CONCERN_LABELS[i.concern]} · importance {i.importance} of 5
                      {explains.length > 0 && <> · explains: {explains.join('; ')}</>}
                    </span>
                  </li>
                );
              })}
            </ul>
          )}
          <h3>Constraints</h3>
          {s.constraints.length === 0 ? (
            <None />
          ) : (
            <ul className="report-list">
              {s.constraints.map((c) => (
                <li key={c.id}>
                  <strong>{c.modality === 'can' ? 'Can' : 'Cannot'}:</strong> {c.text}{' '}
                  <span className="report-muted">({CONSTRAINT_KIND_LABELS[c.kind]})</span>
                </li>
              ))}
            </ul>
          )}
          {s.notices.length > 0 && (
            <>
              <h3>Notices</h3>
              <ul className="report-list">
                {s.notices.map((n) => (
                  <li key={n.id}>
                    <span className="report-muted">{when(n.createdAt)}</span> — {n.text}
                  </li>
                ))}
              </ul>
            </>
          )}
        </section>
      ))}

      <section className="report-section report-page" aria-labelledby="r-options">
        <h2 id="r-options">Options</h2>
        {data.options.length === 0 ? (
          <None />
        ) : (
          <table className="report-table">
            <thead>
              <tr>
                <th scope="col">Option</th>
                <th scope="col">{side('a')} score</th>
                <th scope="col">{side('b')} score</th>
                <th scope="col">Interests it serves</th>
                <th scope="col">Both sides?</th>
              </tr>
            </thead>
            <tbody>
              {data.options.map((o, i) => (
                <tr key={i}>
                  <td>{o.text}</td>
                  <td className="num">{o.scores.a ?? '—'}</td>
                  <td className="num">{o.scores.b ?? '—'}</td>
                  <td>{o.serves.length ? o.serves.map((x) => `${side(x.side)}: ${x.interest}`).join('; ') : '—'}</td>
                  <td>{o.mutual ? 'Yes' : 'No'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <h2 id="r-criteria" className="report-h2-follow">
          Criteria
        </h2>
        {data.criteria.length === 0 ? (
          <None />
        ) : (
          <ul className="report-list">
            {data.criteria.map((c) => (
              <li key={c.id}>
                {c.text} <span className="report-muted">({CRITERION_KIND_LABELS[c.kind] ?? c.kind})</span>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="report-section report-page" aria-labelledby="r-agreements">
        <h2 id="r-agreements">Agreements and commitments</h2>
        {data.agreements.length === 0 ? (
          <None />
        ) : (
          data.agreements.map((a, i) => (
            <div key={i} className="report-agreement">
              <h3>{a.text}</h3>
              <p className="report-muted">
                {statusText(a.status, side)} · recorded {when(a.createdAt)}
              </p>
              {a.commitments.length === 0 ? (
                <p className="report-none">No commitments recorded.</p>
              ) : (
                <table className="report-table">
                  <thead>
                    <tr>
                      <th scope="col">Who</th>
                      <th scope="col">What</th>
                      <th scope="col">By</th>
                      <th scope="col">Verified by</th>
                      <th scope="col">Status</th>
                    </tr>
                  </thead>
                  <tbody>
                    {a.commitments.map((c) => (
                      <tr key={c.id}>
                        <td>{side(c.owner)}</td>
                        <td>{c.what}</td>
                        <td className="nowrap">{c.due || '—'}</td>
                        <td>{c.verification || '—'}</td>
                        <td>{COMMITMENT_STATUS[c.status]}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
            </div>
          ))
        )}
      </section>

      <section className="report-section report-page" aria-labelledby="r-pulse">
        <h2 id="r-pulse">Pulse trend and phases</h2>
        <p className="report-muted">
          Only pulses that reached the room’s minimum number of answers are shown; individual answers are never stored.
        </p>
        {points.length > 0 ? (
          <div className="report-chart">
            <TrendChart points={points} phaseChanges={phaseMarks} agreements={agreementMarks} />
          </div>
        ) : (
          <p className="report-none">No pulse results were released.</p>
        )}
        {data.pulses.length > 0 && (
          <table className="report-table">
            <caption className="report-caption">Released pulses</caption>
            <thead>
              <tr>
                <th scope="col">Closed</th>
                <th scope="col">Answers</th>
                <th scope="col">Mean (1–5)</th>
                <th scope="col">Statements</th>
              </tr>
            </thead>
            <tbody>
              {data.pulses.map((p) => (
                <tr key={p.closedAt}>
                  <td className="nowrap">{when(p.closedAt)}</td>
                  <td className="num">{p.answers}</td>
                  <td className="num">{p.mean.toFixed(1)}</td>
                  <td>
                    {p.statements.map((s) => (
                      <span key={s.text} className="report-statement">
                        “{s.text}” {s.mean.toFixed(1)}
                      </span>
                    ))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <h3>Phases</h3>
        {data.phaseHistory.length === 0 ? (
          <p className="report-none">The room stayed in the opening phase.</p>
        ) : (
          <ol className="report-list">
            {data.phaseHistory.map((p) => (
              <li key={p.id}>
                <span className="report-muted">{when(p.at)}</span> — {PHASE_LABELS[p.phase]}
              </li>
            ))}
          </ol>
        )}
      </section>

      {data.privateNotes && (
        <section className="report-section report-page report-private" aria-labelledby="r-private">
          <p className="report-private-flag">Private — {side(data.privateNotes.side)} only</p>
          <h2 id="r-private">{side(data.privateNotes.side)}’s private notes</h2>
          <p className="report-muted">Included because you asked for it. Nobody else’s report contains this.</p>
          <dl className="report-notes">
            <dt>Walk-away alternative</dt>
            <dd>{data.privateNotes.notes.walkAway || '—'}</dd>
            <dt>Reservation point</dt>
            <dd>{data.privateNotes.notes.reservation || '—'}</dd>
            <dt>Notes</dt>
            <dd>{data.privateNotes.notes.notes || '—'}</dd>
          </dl>
          <h3>Drafts not shared</h3>
          {data.privateNotes.drafts.length === 0 ? (
            <None />
          ) : (
            <ul className="report-list">
              {data.privateNotes.drafts.map((d) => (
                <li key={d.id}>
                  <span className="report-badge">{DRAFT_KIND_LABELS[d.kind]}</span> {d.text}
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
    </article>
  );
}
