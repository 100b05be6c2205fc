import { CONSTRAINT_KIND_LABELS, CONSTRAINT_MODALITY_LABELS } from '@parley/shared';
import type { Constraint } from '@parley/shared';
import { memo } from 'react';
import { short } from '../../lib/text';
import type { ItemProps } from '../ui/EditableItem';
import { EditableItem } from '../ui/EditableItem';
import { ConstraintForm } from './ConstraintForm';

interface ConstraintItemProps extends ItemProps<Constraint> {
  constraint: Constraint;
  mine: boolean;
}

export const ConstraintItem = memo(function ConstraintItem({ constraint, mine, ...item }: ConstraintItemProps) {
  return (
    <EditableItem
      {...item}
      id={constraint.id}
      className="item-card"
      name={`constraint “${short(constraint.text)}”`}
      initial={{ text: constraint.text, modality: constraint.modality, kind: constraint.kind }}
      editable={mine}
      renderForm={(form) => <ConstraintForm {...form} />}
      renderView={() => (
        <>
          <p className="item-text">
            <span className={`modality modality-${constraint.modality}`}>
              {CONSTRAINT_MODALITY_LABELS[constraint.modality]}
            </span>{' '}
            {constraint.text}
          </p>
          <p className="tags">
            <span className="tag">{CONSTRAINT_KIND_LABELS[constraint.kind]}</span>
          </p>
        </>
      )}
    />
  );
});
