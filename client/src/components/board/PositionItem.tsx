import type { Position } from '@parley/shared';
import { useCallback, useState } from 'react';
import type { WriteResult } from '../../hooks/useCollection';
import type { Editing } from '../../hooks/useEditing';
import { changedFields, short } from '../../lib/text';
import { ItemActions } from '../ui/ItemActions';
import { EditorsNote } from '../ui/EditorsNote';
import { InlinePrompt } from '../ui/InlinePrompt';
import { PositionForm } from './PositionForm';

interface PositionItemProps {
  position: Position;
  /** Whether this member's side owns the board; otherwise nothing here is editable. */
  mine: boolean;
  editing: Editing;
  selfMemberId: string;
  onUpdate: (patch: Partial<Omit<Position, 'id'>>) => WriteResult;
  onRemove: () => void;
}

export function PositionItem({ position, mine, editing, selfMemberId, onUpdate, onRemove }: PositionItemProps) {
  const [editingHere, setEditingHere] = useState(false);
  const [editorClosed, setEditorClosed] = useState(false);
  const closeEditor = () => {
    setEditorClosed(true);
    setEditingHere(false);
  };
  const { setEditing } = editing;
  const announce = useCallback((on: boolean) => setEditing(on ? position.id : null), [setEditing, position.id]);
  const incomplete = position.because.trim() === '';
  const initial = { text: position.text, because: position.because };

  return (
    <li className={`item-card${incomplete ? ' item-incomplete' : ''}`}>
      <EditorsNote editors={editing.editorsOf(position.id)} selfMemberId={selfMemberId} />
      {editingHere ? (
        <PositionForm
          initial={initial}
          label={`Edit position “${short(position.text)}”`}
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
          <p className="item-text">{position.text}</p>
          {incomplete ? (
            <p className="incomplete-badge">Incomplete — add a because</p>
          ) : (
            <p className="because">
              <span className="because-label">Because</span> {position.because}
            </p>
          )}
          {mine && incomplete && (
            <InlinePrompt
              className="because-prompt"
              label="Why do you ask for this? Saying because helps the other side see what matters."
              placeholder="Because…"
              buttonLabel="Add because"
              emptyMessage="Write the reason first."
              onFocusChange={announce}
              onSave={(because) => onUpdate({ because })}
            />
          )}
          {mine && (
            <ItemActions
              what={`position “${short(position.text)}”`}
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
