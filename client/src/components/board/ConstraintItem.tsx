import type { Constraint } from '@parley/shared';
import { useCallback, useState } from 'react';
import type { WriteResult } from '../../hooks/useCollection';
import type { Editing } from '../../hooks/useEditing';
import { CONSTRAINT_KIND_LABELS, CONSTRAINT_MODALITY_LABELS } from '../../lib/labels';
import { changedFields, short } from '../../lib/text';
import { ItemActions } from '../ui/ItemActions';
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
  const [editorClosed, setEditorClosed] = useState(false);
  const closeEditor = () => {
    setEditorClosed(true);
    setEditingHere(false);
  };
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
          onCancel={closeEditor}
          onSave={(values) => {
            const result = onUpdate(changedFields(initial, values));
            if (result.ok) closeEditor();
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
            <ItemActions
              what={`constraint “${short(constraint.text)}”`}
              returnFocus={editorClosed}
              onEdit={() => setEditingHere(true)}
              onRemove={onRemove}
            />
          )}
        </>
      )}
    </li>
  );
}
