import type { Interest, SideId } from '@parley/shared';
import { coverageRows, SIDE_IDS, possessive, sideName } from '@parley/shared';
import { useId } from 'react';
import { useCollection } from '../../hooks/useCollection';
import { useRoom } from '../../hooks/useRoom';
import type { Scores } from '../../hooks/useScores';
import { validOnly } from '../../hooks/useSideCollections';
import { Rating } from '../ui/Rating';
import { Section } from '../ui/Section';

interface CoverageSectionProps {
  interests: Record<SideId, Interest[]>;
  scores: Scores;
}

/**
 * Which options serve both sides' interests — where value is created rather than only
 * divided. A real table: each cell says in words what its colour also shows.
 */
export function CoverageSection({ interests, scores }: CoverageSectionProps) {
  const { session, docs } = useRoom();
  const options = validOnly(useCollection(docs.joint, 'options').items);
  const rows = coverageRows(options, interests, scores.bySide);
  const mutual = rows.filter((r) => r.coverage.mutual).length;
  const captionId = useId();
  const room = session.room;

  return (
    <Section
      title="Coverage"
      description="Which options serve both sides’ interests. Options that create value for both come first."
    >
      {rows.length === 0 ? (
        <p className="empty">Coverage appears once there are options.</p>
      ) : (
        // The explicit roles keep the table a table for assistive technology when narrow
        // containers restyle its rows as stacked cards (CSS display would otherwise drop them).
        <div className="coverage-wrap">
          <div className="table-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
            <table className="coverage-table" role="table">
              <caption id={captionId}>
                {mutual} of {rows.length} {rows.length === 1 ? 'option creates' : 'options create'} value for both sides
              </caption>
              <thead role="rowgroup">
                <tr role="row">
                  <th scope="col" role="columnheader">
                    Option
                  </th>
                  {SIDE_IDS.map((side) => (
                    <th key={side} scope="col" role="columnheader" className={`side-mark-${side}`}>
                      Serves {sideName(room, side)}
                    </th>
                  ))}
                  <th scope="col" role="columnheader">
                    Scores
                  </th>
                </tr>
              </thead>
              <tbody role="rowgroup">
                {rows.map(({ option, coverage, scores: rowScores }) => (
                  <tr key={option.id} role="row" className={coverage.mutual ? 'coverage-mutual' : undefined}>
                    <th scope="row" role="rowheader">
                      <span className="coverage-option">{option.text}</span>
                      {coverage.mutual && <span className="mutual-badge">Creates value for both</span>}
                    </th>
                    {SIDE_IDS.map((side) => (
                      <ServesCell
                        key={side}
                        label={`Serves ${sideName(room, side)}`}
                        count={coverage.served[side].length}
                        weight={coverage.weight[side]}
                      />
                    ))}
                    <td role="cell">
                      <CellLabel>Scores</CellLabel>
                      <ul className="coverage-scores">
                        {SIDE_IDS.map((side) => (
                          <li key={side}>
                            <span className="score-side">{sideName(room, side)}</span>
                            <Rating value={rowScores[side]} label={`${possessive(room, side)} score`} />
                          </li>
                        ))}
                      </ul>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      )}
    </Section>
  );
}

/** The column's name inside a cell, shown only where rows are stacked; the table headers already say it to assistive technology. */
function CellLabel({ children }: { children: string }) {
  return (
    <span className="cell-label" aria-hidden="true">
      {children}
    </span>
  );
}

function ServesCell({ label, count, weight }: { label: string; count: number; weight: number }) {
  const serves = count > 0;
  return (
    <td role="cell" className={`serves-cell ${serves ? 'serves-yes' : 'serves-no'}`}>
      <CellLabel>{label}</CellLabel>
      <span className="cell-value">
        <span className="serves-mark" aria-hidden="true">
          {serves ? '✓' : '–'}
        </span>{' '}
        {serves ? 'Yes' : 'No'}
        {serves && (
          <span className="serves-detail">
            {count} {count === 1 ? 'interest' : 'interests'}, weight {weight}
          </span>
        )}
      </span>
    </td>
  );
}
