import type { AgendaTopic } from '@parley/shared';
import { useCallback, useState } from 'react';
import type { WriteResult } from '../../hooks/useCollection';
import type { Editing } from '../../hooks/useEditing';
import { AGENDA_STATUS_LABELS } from '../../lib/labels';
import { changedFields, short } from '../../lib/text';
import { ItemActions } from '../ui/ItemActions';
import { EditorsNote } from '../ui/EditorsNote';
import { SelectField } from '../ui/Fields';
import { AgendaTopicForm } from './AgendaTopicForm';

interface AgendaItemProps {
  topic: AgendaTopic;
  position: number;
  writable: boolean;
  editing: Editing;
  selfMemberId: string;
  onUpdate: (patch: Partial<Omit<AgendaTopic, 'id'>>) => WriteResult;
  onRemove: () => void;
  /** Absent at the top (or bottom) of the agenda. */
  onMoveUp?: () => void;
  onMoveDown?: () => void;
}

export function AgendaItem(props: AgendaItemProps) {
  const { topic, position, writable, editing, selfMemberId, onUpdate, onRemove, onMoveUp, onMoveDown } = props;
  const [editingHere, setEditingHere] = useState(false);
  const [editorClosed, setEditorClosed] = useState(false);
  const closeEditor = () => {
    setEditorClosed(true);
    setEditingHere(false);
  };
  const { setEditing } = editing;
  const announce = useCallback((on: boolean) => setEditing(on ? topic.id : null), [setEditing, topic.id]);
  const initial = { title: topic.title, status: topic.status };
  const name = `topic “${short(topic.title)}”`;

  return (
    <li className={`item-card agenda-topic status-${topic.status}`}>
      <EditorsNote editors={editing.editorsOf(topic.id)} selfMemberId={selfMemberId} />
      {editingHere ? (
        <AgendaTopicForm
          initial={initial}
          label={`Edit ${name}`}
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
          <div className="agenda-row">
            <span className="agenda-number" aria-hidden="true">
              {position}
            </span>
            <p className="item-text">{topic.title}</p>
            {writable ? (
              <SelectField
                label={`Status of ${name}`}
                hideLabel
                value={topic.status}
                options={AGENDA_STATUS_LABELS}
                onChange={(status) => onUpdate({ status })}
                onFocus={() => announce(true)}
                onBlur={() => announce(false)}
              />
            ) : (
              <span className={`status-badge status-${topic.status}`}>{AGENDA_STATUS_LABELS[topic.status]}</span>
            )}
          </div>
          {writable && (
            <ItemActions what={name} returnFocus={editorClosed} onEdit={() => setEditingHere(true)} onRemove={onRemove}>
              <button
                type="button"
                className="button button-quiet"
                aria-label={`Move ${name} up`}
                disabled={!onMoveUp}
                onClick={onMoveUp}
              >
                <span aria-hidden="true">↑</span> Up
              </button>
              <button
                type="button"
                className="button button-quiet"
                aria-label={`Move ${name} down`}
                disabled={!onMoveDown}
                onClick={onMoveDown}
              >
                <span aria-hidden="true">↓</span> Down
              </button>
            </ItemActions>
          )}
        </>
      )}
    </li>
  );
}
