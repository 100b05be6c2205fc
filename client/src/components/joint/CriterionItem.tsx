import type { Criterion } from '@parley/shared';
import type { WriteResult } from '../../hooks/useCollection';
import type { Editing } from '../../hooks/useEditing';
import { useItemEditor } from '../../hooks/useItemEditor';
import { changedFields, short } from '../../lib/text';
import { EditorsNote } from '../ui/EditorsNote';
import { ItemActions } from '../ui/ItemActions';
import { CriterionForm } from './CriterionForm';
import { CRITERION_KIND_LABELS } from './jointLabels';

interface CriterionItemProps {
  criterion: Criterion;
  writable: boolean;
  editing: Editing;
  selfMemberId: string;
  onUpdate: (patch: Partial<Omit<Criterion, 'id'>>) => WriteResult;
  onRemove: () => void;
}

export function CriterionItem({ criterion, writable, editing, selfMemberId, onUpdate, onRemove }: CriterionItemProps) {
  const editor = useItemEditor(editing, criterion.id);
  const initial = { text: criterion.text, kind: criterion.kind };
  const name = `criterion “${short(criterion.text)}”`;

  return (
    <li className="item-card">
      <EditorsNote editors={editing.editorsOf(criterion.id)} selfMemberId={selfMemberId} />
      {editor.open ? (
        <CriterionForm
          initial={initial}
          label={`Edit ${name}`}
          submitLabel="Save"
          onFocusChange={editor.announce}
          onCancel={editor.closeEditor}
          onSave={(values) => {
            const result = onUpdate(changedFields(initial, values));
            if (result.ok) editor.closeEditor();
            return result;
          }}
        />
      ) : (
        <>
          <p className="item-text">{criterion.text}</p>
          <p className="tags">
            <span className={`tag tag-criterion-${criterion.kind}`}>{CRITERION_KIND_LABELS[criterion.kind]}</span>
          </p>
          {writable && (
            <ItemActions what={name} returnFocus={editor.returnFocus} onEdit={editor.openEditor} onRemove={onRemove} />
          )}
        </>
      )}
    </li>
  );
}
