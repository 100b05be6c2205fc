import { CRITERION_KIND_LABELS, sideName } from '@parley/shared';
import type { ReportData } from '@parley/shared';
import { None, ReportTable } from './reportHelpers';

interface ReportOptionsProps {
  options: ReportData['options'];
  criteria: ReportData['criteria'];
  room: ReportData['room'];
}

/** The options with each side's score, then the criteria, on one page. */
export function ReportOptions({ options, criteria, room }: ReportOptionsProps) {
  return (
    <section className="report-section report-page" aria-labelledby="r-options">
      <h2 id="r-options">Options</h2>
      {options.length === 0 ? (
        <None />
      ) : (
        <ReportTable label="Options table">
          <thead>
            <tr>
              <th scope="col" className="text">
                Option
              </th>
              <th scope="col" className="narrow">
                {sideName(room, 'a')} score
              </th>
              <th scope="col" className="narrow">
                {sideName(room, 'b')} score
              </th>
              <th scope="col" className="text">
                Interests it serves
              </th>
              <th scope="col" className="narrow">
                Both sides?
              </th>
            </tr>
          </thead>
          <tbody>
            {options.map((o, i) => (
              <tr key={i}>
                <td className="text">{o.text}</td>
                <td className="num">{o.scores.a ?? '—'}</td>
                <td className="num">{o.scores.b ?? '—'}</td>
                <td className="text">
                  {o.serves.length ? o.serves.map((x) => `${sideName(room, x.side)}: ${x.interest}`).join('; ') : '—'}
                </td>
                <td>{o.mutual ? 'Yes' : 'No'}</td>
              </tr>
            ))}
          </tbody>
        </ReportTable>
      )}
      <h2 id="r-criteria" className="report-h2-follow">
        Criteria
      </h2>
      {criteria.length === 0 ? (
        <None />
      ) : (
        <ul className="report-list">
          {criteria.map((c) => (
            <li key={c.id}>
              {c.text} <span className="report-muted">({CRITERION_KIND_LABELS[c.kind]})</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
