import { CORE_CONCERN_LABELS, INTEREST_KIND_LABELS } from '@parley/shared';
import type { Interest, Position } from '@parley/shared';
import { memo, useContext } from 'react';
import { short } from '../../lib/text';
import type { ItemProps } from '../ui/EditableItem';
import { EditableItem } from '../ui/EditableItem';
import { Importance } from '../ui/Importance';
import type { ItemFormProps } from '../ui/ItemForm';
import type { InterestValues } from './InterestForm';
import { InterestForm } from './InterestForm';
import { SidePositions } from './sidePositions';

interface InterestItemProps extends ItemProps<Interest> {
  interest: Interest;
  /** The positions it explains, from `positionsExplained`. */
  explains: Position[];
  mine: boolean;
}

export const InterestItem = memo(function InterestItem({ interest, explains, mine, ...item }: InterestItemProps) {
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
      renderForm={(form) => <InterestEditForm {...form} />}
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
});

function InterestEditForm(form: ItemFormProps<InterestValues>) {
  return <InterestForm {...form} positions={useContext(SidePositions)} />;
}
