import type { Constraint } from '@parley/shared';
import { useCallback, useState } from 'react';
import type { WriteResult } from '../../hooks/useCollection';
import type { Editing } from '../../hooks/useEditing';
import { CONSTRAINT_KIND_LABELS, CONSTRAINT_MODALITY_LABELS } from '../../lib/labels';
import { changedFields, short } from '../../lib/text';
import { ConfirmRemove } from '../ui/ConfirmRemove';
import { EditorsNote } from '../ui/EditorsNote';
import { ConstraintForm } from './ConstraintForm';

interface ConstraintItemProps {
  constraint: Constraint;
  mine: boolean;
  editing: Editing;
  selfMemberId: string;
  onUpdate: (patch: Partial<Omit<Constraint, 'id'>>) => WriteResult;
  onRemove: () => void;
}

export function ConstraintItem({ constraint, mine, editing, selfMemberId, onUpdate, onRemove }: ConstraintItemProps) {
  const [editingHere, setEditingHere] = useState(false);
  const { setEditing } = editing;
  const announce = useCallback((on: boolean) => setEditing(on ? constraint.id : null), [setEditing, constraint.id]);
  const initial = { text: constraint.text, modality: constraint.modality, kind: constraint.kind };

  return (
    <li className="item-card">
      <EditorsNote editors={editing.editorsOf(constraint.id)} selfMemberId={selfMemberId} />
      {editingHere ? (
        <ConstraintForm
          initial={initial}
          label={`Edit constraint “${short(constraint.text)}”`}
          submitLabel="Save"
          onFocusChange={announce}
          onCancel={() => setEditingHere(false)}
          onSave={(values) => {
            const result = onUpdate(changedFields(initial, values));
            if (result.ok) setEditingHere(false);
            return result;
          }}
        />
      ) : (
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
          {mine && (
            <div className="item-actions">
              <button
                type="button"
                className="button button-quiet"
                aria-label={`Edit constraint “${short(constraint.text)}”`}
                onClick={() => setEditingHere(true)}
              >
                Edit
              </button>
              <ConfirmRemove what={`constraint “${short(constraint.text)}”`} onRemove={onRemove} />
            </div>
          )}
        </>
      )}
    </li>
  );
}
