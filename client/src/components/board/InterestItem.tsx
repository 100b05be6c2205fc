import type { Interest, Position } from '@parley/shared';
import { CORE_CONCERN_LABELS, INTEREST_KIND_LABELS } from '../../lib/labels';
import { short } from '../../lib/text';
import type { ItemProps } from '../ui/EditableItem';
import { EditableItem } from '../ui/EditableItem';
import { Importance } from '../ui/Importance';
import { InterestForm } from './InterestForm';

interface InterestItemProps extends ItemProps<Interest> {
  interest: Interest;
  positions: Position[];
  mine: boolean;
}

export function InterestItem({ interest, positions, mine, ...item }: InterestItemProps) {
  // Links to positions that were removed since are simply not shown.
  const explains = interest.positionIds.flatMap((id) => positions.filter((p) => p.id === id));
  const initial = {
    text: interest.text,
    kind: interest.kind,
    concern: interest.concern,
    importance: interest.importance,
    positionIds: interest.positionIds,
  };

  return (
    <EditableItem
      {...item}
      id={interest.id}
      className="item-card"
      name={`interest “${short(interest.text)}”`}
      initial={initial}
      editable={mine}
      renderForm={(form) => <InterestForm {...form} positions={positions} />}
      renderView={() => (
        <>
          <p className="item-text">{interest.text}</p>
          <p className="tags">
            <span className={`tag tag-${interest.kind}`}>{INTEREST_KIND_LABELS[interest.kind]}</span>
            <span className="tag">{CORE_CONCERN_LABELS[interest.concern]}</span>
            <Importance value={interest.importance} />
          </p>
          {explains.length > 0 && (
            <div className="links">
              <span className="links-label">Explains</span>
              <ul>
                {explains.map((p) => (
                  <li key={p.id}>{short(p.text, 90)}</li>
                ))}
              </ul>
            </div>
          )}
        </>
      )}
    />
  );
}
