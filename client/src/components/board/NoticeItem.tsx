import type { Notice } from '@parley/shared';
import type { WriteResult } from '../../hooks/useCollection';
import type { Editing } from '../../hooks/useEditing';
import { useItemEditor } from '../../hooks/useItemEditor';
import { short } from '../../lib/text';
import { formatMoment } from '../ui/dates';
import { EditorsNote } from '../ui/EditorsNote';
import { ItemActions } from '../ui/ItemActions';
import { NoticeForm } from './NoticeForm';

interface NoticeItemProps {
  notice: Notice;
  mine: boolean;
  editing: Editing;
  selfMemberId: string;
  onUpdate: (patch: Partial<Omit<Notice, 'id'>>) => WriteResult;
  onRemove: () => void;
}

export function NoticeItem({ notice, mine, editing, selfMemberId, onUpdate, onRemove }: NoticeItemProps) {
  const editor = useItemEditor(editing, notice.id);
  const name = `notice “${short(notice.text)}”`;

  return (
    <li className="item-card notice-card">
      <EditorsNote editors={editing.editorsOf(notice.id)} selfMemberId={selfMemberId} />
      {editor.open ? (
        <NoticeForm
          initial={{ text: notice.text }}
          label={`Edit ${name}`}
          submitLabel="Save"
          onFocusChange={editor.announce}
          onCancel={editor.closeEditor}
          onSave={({ text }) => {
            const result = text === notice.text ? { ok: true as const } : onUpdate({ text });
            if (result.ok) editor.closeEditor();
            return result;
          }}
        />
      ) : (
        <>
          <p className="notice-when">
            Announced <time dateTime={new Date(notice.createdAt).toISOString()}>{formatMoment(notice.createdAt)}</time>
          </p>
          <p className="item-text">{notice.text}</p>
          {mine && (
            <ItemActions what={name} returnFocus={editor.returnFocus} onEdit={editor.openEditor} onRemove={onRemove} />
          )}
        </>
      )}
    </li>
  );
}
