import { CRITERION_KIND_LABELS } from '@parley/shared';
import type { Criterion } from '@parley/shared';
import { short } from '../../lib/text';
import type { ItemProps } from '../ui/EditableItem';
import { EditableItem } from '../ui/EditableItem';
import { CriterionForm } from './CriterionForm';

interface CriterionItemProps extends ItemProps<Criterion> {
  criterion: Criterion;
  writable: boolean;
}

export function CriterionItem({ criterion, writable, ...item }: CriterionItemProps) {
  return (
    <EditableItem
      {...item}
      id={criterion.id}
      className="item-card"
      name={`criterion “${short(criterion.text)}”`}
      initial={{ text: criterion.text, kind: criterion.kind }}
      editable={writable}
      renderForm={(form) => <CriterionForm {...form} />}
      renderView={() => (
        <>
          <p className="item-text">{criterion.text}</p>
          <p className="tags">
            <span className={`tag tag-criterion-${criterion.kind}`}>{CRITERION_KIND_LABELS[criterion.kind]}</span>
          </p>
        </>
      )}
    />
  );
}
