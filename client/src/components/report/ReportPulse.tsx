import { PHASE_LABELS } from '@parley/shared';
import type { PulseView, ReportData } from '@parley/shared';
import { useMemo } from 'react';
import { TrendChart, type TimeMark } from '../pulse/TrendChart';
import { trendPoints } from '../pulse/trend';
import { ReportTable, when } from './reportHelpers';

interface ReportPulseProps {
  data: ReportData;
  /** Every pulse the reader was sent; only released results are charted. */
  pulses: PulseView[];
}

/** The pulse trend with phase changes and agreements marked on it, the released pulses, and the phases. */
export function ReportPulse({ data, pulses }: ReportPulseProps) {
  const points = useMemo(() => trendPoints(pulses), [pulses]);
  const phaseMarks = useMemo<TimeMark[]>(
    () => data.phaseHistory.map((p) => ({ at: p.at, label: PHASE_LABELS[p.phase] })),
    [data.phaseHistory],
  );
  const agreementMarks = useMemo<TimeMark[]>(
    () => data.agreements.map((a) => ({ at: a.createdAt, label: a.text })),
    [data.agreements],
  );

  return (
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
        <ReportTable label="Released pulses table">
          <caption className="report-caption">Released pulses</caption>
          <thead>
            <tr>
              <th scope="col">Closed</th>
              <th scope="col" className="narrow">
                Answers
              </th>
              <th scope="col" className="narrow">
                Mean (1–5)
              </th>
              <th scope="col" className="text">
                Statements
              </th>
            </tr>
          </thead>
          <tbody>
            {data.pulses.map((p) => (
              <tr key={p.closedAt}>
                <td className="nowrap">{when(p.closedAt)}</td>
                <td className="num">{p.answers}</td>
                <td className="num">{p.mean.toFixed(1)}</td>
                <td className="text">
                  {p.statements.map((s) => (
                    <span key={s.text} className="report-statement">
                      “{s.text}” {s.mean.toFixed(1)}
                    </span>
                  ))}
                </td>
              </tr>
            ))}
          </tbody>
        </ReportTable>
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
  );
}
