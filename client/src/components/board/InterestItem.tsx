import type { Interest, Position } from '@parley/shared';
import { useCallback, useState } from 'react';
import type { WriteResult } from '../../hooks/useCollection';
import type { Editing } from '../../hooks/useEditing';
import { CORE_CONCERN_LABELS, INTEREST_KIND_LABELS } from '../../lib/labels';
import { changedFields, short } from '../../lib/text';
import { ItemActions } from '../ui/ItemActions';
import { EditorsNote } from '../ui/EditorsNote';
import { Importance } from '../ui/Importance';
import { InterestForm } from './InterestForm';

interface InterestItemProps {
  interest: Interest;
  positions: Position[];
  mine: boolean;
  editing: Editing;
  selfMemberId: string;
  onUpdate: (patch: Partial<Omit<Interest, 'id'>>) => WriteResult;
  onRemove: () => void;
}

export function InterestItem({
  interest,
  positions,
  mine,
  editing,
  selfMemberId,
  onUpdate,
  onRemove,
}: InterestItemProps) {
  const [editingHere, setEditingHere] = useState(false);
  const [editorClosed, setEditorClosed] = useState(false);
  const closeEditor = () => {
    setEditorClosed(true);
    setEditingHere(false);
  };
  const { setEditing } = editing;
  const announce = useCallback((on: boolean) => setEditing(on ? interest.id : null), [setEditing, interest.id]);
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
    <li className="item-card">
      <EditorsNote editors={editing.editorsOf(interest.id)} selfMemberId={selfMemberId} />
      {editingHere ? (
        <InterestForm
          initial={initial}
          positions={positions}
          label={`Edit interest “${short(interest.text)}”`}
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
          {mine && (
            <ItemActions
              what={`interest “${short(interest.text)}”`}
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
