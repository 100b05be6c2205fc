import type { ReactNode } from 'react';
import type { Peer } from '../../hooks/useAwarenessPeers';
import type { WriteResult } from '../../hooks/useCollection';
import type { Editing } from '../../hooks/useEditing';
import type { ItemEditorState } from '../../hooks/useItemEditor';
import { useItemEditor } from '../../hooks/useItemEditor';
import { changedFields } from '../../lib/text';
import { EditorsNote } from './EditorsNote';
import { ItemActions } from './ItemActions';
import type { ItemFormProps } from './ItemForm';
import { closeWhenSaved } from './ItemForm';

/**
 * What a section hands each item it lists. The callbacks take the item's id, so one
 * function serves every card and a memoised card is not re-rendered for a new closure.
 */
export interface ItemProps<T> {
  /** The others editing this item now (from `Editing.editorsOf`: one empty array while nobody is). */
  editors: Peer[];
  setEditing: Editing['setEditing'];
  selfMemberId: string;
  onUpdate: (id: string, patch: Partial<Omit<T, 'id'>>) => WriteResult;
  onRemove: (id: string) => void;
}

/**
 * What a section hands the card of each item, by id. Given writes that stay the same
 * (`useCollection`'s do), these props change only when the item's editors do, so a
 * memoised card re-renders for its own item alone.
 */
export function itemPropsOf<T>(
  writes: { update: ItemProps<T>['onUpdate']; remove: ItemProps<T>['onRemove'] },
  editing: Editing,
  selfMemberId: string,
): (id: string) => ItemProps<T> {
  return (id) => ({
    editors: editing.editorsOf(id),
    setEditing: editing.setEditing,
    selfMemberId,
    onUpdate: writes.update,
    onRemove: writes.remove,
  });
}

interface EditableItemProps<V> {
  id: string;
  /** The list item's classes. */
  className: string;
  /** The item in words, for the editor's label and the actions' names, e.g. `position “Rent at 1,200”`. */
  name: string;
  /** What its editor opens with; only the fields the person changed are written back. */
  initial: V;
  /** Whether this member may edit and remove it here. */
  editable: boolean;
  editors: Peer[];
  setEditing: Editing['setEditing'];
  selfMemberId: string;
  onUpdate: (id: string, patch: NoInfer<Partial<V>>) => WriteResult;
  onRemove: (id: string) => void;
  /** The item's form, given what every item form takes. */
  renderForm: (form: ItemFormProps<V>) => ReactNode;
  /** What it shows while its editor is closed; in-place controls announce editing through `editor`. */
  renderView: (editor: ItemEditorState) => ReactNode;
  /** Shown below the view and the editor alike, before the actions (an agreement's commitments). */
  renderDetails?: (editor: ItemEditorState) => ReactNode;
  /** Actions between Edit and Remove. */
  actions?: ReactNode;
}

/**
 * An item card: who else is editing it, its view or its in-place editor, and Edit and
 * Remove for those who may change it.
 */
export function EditableItem<V extends object>(props: EditableItemProps<V>) {
  const { id, className, name, initial, editable, editors, setEditing, selfMemberId, onUpdate, onRemove, actions } =
    props;
  const editor = useItemEditor(setEditing, id);

  const saveChanges = (values: V): WriteResult => {
    const patch = changedFields(initial, values);
    // Saved as it was: close without writing.
    return Object.keys(patch).length === 0 ? { ok: true } : onUpdate(id, patch);
  };

  return (
    <li className={className}>
      <EditorsNote editors={editors} selfMemberId={selfMemberId} />
      {editor.open
        ? props.renderForm({
            initial,
            label: `Edit ${name}`,
            submitLabel: 'Save',
            onFocusChange: editor.announce,
            onCancel: editor.closeEditor,
            onSave: closeWhenSaved(saveChanges, editor.closeEditor),
          })
        : props.renderView(editor)}
      {props.renderDetails?.(editor)}
      {editable && !editor.open && (
        <ItemActions
          what={name}
          returnFocus={editor.returnFocus}
          onEdit={editor.openEditor}
          onRemove={() => onRemove(id)}
        >
          {actions}
        </ItemActions>
      )}
    </li>
  );
}
