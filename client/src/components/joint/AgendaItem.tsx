import { AGENDA_STATUS_LABELS } from '@parley/shared';
import type { AgendaTopic } from '@parley/shared';
import { short } from '../../lib/text';
import type { ItemProps } from '../ui/EditableItem';
import { EditableItem } from '../ui/EditableItem';
import { SelectField } from '../ui/Fields';
import { AgendaTopicForm } from './AgendaTopicForm';

interface AgendaItemProps extends ItemProps<AgendaTopic> {
  topic: AgendaTopic;
  position: number;
  writable: boolean;
  /** Absent at the top (or bottom) of the agenda. */
  onMoveUp?: () => void;
  onMoveDown?: () => void;
}

export function AgendaItem({ topic, position, writable, onMoveUp, onMoveDown, ...item }: AgendaItemProps) {
  const name = `topic “${short(topic.title)}”`;

  return (
    <EditableItem
      {...item}
      id={topic.id}
      className={`item-card agenda-topic status-${topic.status}`}
      name={name}
      initial={{ title: topic.title, status: topic.status }}
      editable={writable}
      renderForm={(form) => <AgendaTopicForm {...form} />}
      renderView={(editor) => (
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
              onChange={(status) => item.onUpdate(topic.id, { status })}
              onFocus={() => editor.announce(true)}
              onBlur={() => editor.announce(false)}
            />
          ) : (
            <span className={`status-badge status-${topic.status}`}>{AGENDA_STATUS_LABELS[topic.status]}</span>
          )}
        </div>
      )}
      actions={
        <>
          <MoveButton label={`Move ${name} up`} arrow="↑" text="Up" onMove={onMoveUp} />
          <MoveButton label={`Move ${name} down`} arrow="↓" text="Down" onMove={onMoveDown} />
        </>
      }
    />
  );
}

function MoveButton({
  label,
  arrow,
  text,
  onMove,
}: {
  label: string;
  arrow: string;
  text: string;
  onMove?: () => void;
}) {
  return (
    <button type="button" className="button button-quiet" aria-label={label} disabled={!onMove} onClick={onMove}>
      <span aria-hidden="true">{arrow}</span> {text}
    </button>
  );
}
