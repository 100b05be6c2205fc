import { pulseStatement, type PulseView } from '@parley/shared';
import { formatMean } from './trend';
import { formatTime } from './TrendChart';

/** The latest closed pulse: means and distributions when released, or why it was withheld. */
export function PulseResult({ pulse, minAnswers }: { pulse: PulseView; minAnswers: number }) {
  const result = pulse.result;
  if (!result) return null;
  const when = `Pulse at ${formatTime(pulse.openedAt)}`;
  if (!result.released) {
    return (
      <div className="pulse-result pulse-withheld">
        <h4>{when}: result withheld</h4>
        <p>
          Withheld to protect anonymity: {result.answers} {result.answers === 1 ? 'person' : 'people'} answered, fewer
          than the room's minimum for showing a result (currently {minAnswers}). The answers were discarded.
        </p>
      </div>
    );
  }
  return (
    <div className="pulse-result">
      <h4>
        {when}: {result.answers} answers
      </h4>
      <ul className="pulse-result-list">
        {result.statements.map((s) => {
          const total = s.counts.reduce((a, b) => a + b, 0) || 1;
          return (
            <li key={s.statementId}>
              <p className="pulse-result-statement">{pulseStatement(s.statementId)?.text ?? s.statementId}</p>
              <p className="pulse-result-mean">
                Mean <strong>{formatMean(s.mean)}</strong> of 5
              </p>
              <table className="pulse-distribution">
                <caption className="visually-hidden">How many answered each value</caption>
                <tbody>
                  {s.counts.map((count, i) => (
                    <tr key={i}>
                      <th scope="row">{i + 1}</th>
                      <td>
                        <span className="pulse-bar" style={{ width: `${(count / total) * 100}%` }} aria-hidden="true" />
                        <span className="pulse-bar-count">{count}</span>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
