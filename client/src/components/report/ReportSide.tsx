import type { ReportData } from '@parley/shared';
import { CONSTRAINT_KIND_LABELS, CORE_CONCERN_LABELS, INTEREST_KIND_LABELS, SIDE_LETTER } from '@parley/shared';
import { None, when } from './reportHelpers';

interface ReportSideProps {
  side: ReportData['sides'][number];
}

/** One side's board: positions, interests, constraints and any notices. */
export function ReportSide({ side: s }: ReportSideProps) {
  return (
    <section className={`report-section report-page report-side side-${s.side}`} aria-labelledby={`r-side-${s.side}`}>
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
  );
}
