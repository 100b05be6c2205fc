import type { Interest, Option, OptionCoverage, RoomSummary, SideId } from '@parley/shared';
import { CORE_CONCERN_LABELS, SIDE_IDS, possessive, sideName } from '@parley/shared';
import type { Scores } from '../../hooks/useScores';
import { short } from '../../lib/text';
import type { ItemProps } from '../ui/EditableItem';
import { EditableItem } from '../ui/EditableItem';
import { Rating } from '../ui/Rating';
import { OptionForm } from './OptionForm';
import { ScoreControl } from './ScoreControl';

interface OptionItemProps extends ItemProps<Option> {
  option: Option;
  coverage: OptionCoverage;
  interests: Record<SideId, Interest[]>;
  scores: Scores;
  room: Pick<RoomSummary, 'sides'>;
  /** Whether this member may change the joint document (sides and the mediator). */
  writable: boolean;
}

export function OptionItem({ option, coverage, interests, scores, room, writable, ...item }: OptionItemProps) {
  const name = `option “${short(option.text)}”`;

  return (
    <EditableItem
      {...item}
      id={option.id}
      className={`item-card option-card${coverage.mutual ? ' option-mutual' : ''}`}
      name={name}
      initial={{ text: option.text, serves: option.serves }}
      editable={writable}
      renderForm={(form) => <OptionForm {...form} interests={interests} room={room} />}
      renderView={() => (
        <>
          <p className="item-text">{option.text}</p>
          {coverage.mutual && <p className="mutual-badge">Creates value for both</p>}
          <Serves coverage={coverage} room={room} />
          <div className="option-scores">
            <span className="links-label">Scores</span>
            <ul className="score-list">
              {SIDE_IDS.map((side) => (
                <li key={side} className={`score-of side-mark-${side}`}>
                  <span className="score-side">{sideName(room, side)}</span>
                  <Rating value={scores.of(side, option.id)} label={`${possessive(room, side)} score`} />
                </li>
              ))}
            </ul>
          </div>
          {scores.own && (
            <ScoreControl
              what={name}
              side={scores.own}
              value={scores.of(scores.own, option.id)}
              onScore={(value) => scores.set(option.id, value)}
              onClear={() => scores.clear(option.id)}
            />
          )}
        </>
      )}
    />
  );
}

/** The interests an option serves, grouped by side; links to removed interests are not shown. */
function Serves({ coverage, room }: { coverage: OptionCoverage; room: Pick<RoomSummary, 'sides'> }) {
  const sides = SIDE_IDS.filter((side) => coverage.served[side].length > 0);
  if (sides.length === 0) {
    return <p className="serves-none">Not linked to any interest yet.</p>;
  }
  return (
    <div className="serves">
      {sides.map((side) => (
        <div key={side} className={`serves-side side-mark-${side}`}>
          <span className="links-label">Serves {sideName(room, side)}</span>
          <ul>
            {coverage.served[side].map((interest) => (
              <li key={interest.id}>
                {short(interest.text, 90)}{' '}
                <span className="tag tag-concern">{CORE_CONCERN_LABELS[interest.concern]}</span>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </div>
  );
}
