import { newId } from '@parley/shared';
import { useCollection } from '../../hooks/useCollection';
import { useEditing } from '../../hooks/useEditing';
import { useRoom } from '../../hooks/useRoom';
import type { DocHandle } from '../../hooks/useRoomDocs';
import { AddItem } from '../ui/AddItem';
import { itemPropsOf } from '../ui/EditableItem';
import { CollectionList } from '../ui/CollectionList';
import { closeWhenSaved } from '../ui/ItemForm';
import { Section } from '../ui/Section';
import { ConstraintForm, NEW_CONSTRAINT } from './ConstraintForm';
import { ConstraintItem } from './ConstraintItem';

export function ConstraintsSection({ handle }: { handle: DocHandle<'side'> }) {
  const { session } = useRoom();
  const constraints = useCollection(handle, 'constraints');
  const editing = useEditing(handle, 'constraints');
  const itemProps = itemPropsOf(constraints, editing, session.memberId);
  const mine = constraints.writable;

  return (
    <Section title="Constraints" count={constraints.items.length} description="What the side can and cannot do.">
      <CollectionList
        view={constraints}
        noun="constraint"
        empty={mine ? 'No constraints yet. What are your boundaries?' : 'No constraints yet.'}
      >
        {(constraint) => <ConstraintItem constraint={constraint} mine={mine} {...itemProps(constraint.id)} />}
      </CollectionList>
      {mine && (
        <AddItem label="Add a constraint">
          {(close) => (
            <ConstraintForm
              initial={NEW_CONSTRAINT}
              label="New constraint"
              submitLabel="Add constraint"
              onCancel={close}
              onSave={closeWhenSaved(
                (values) => constraints.add({ id: newId(), ...values, createdAt: Date.now() }),
                close,
              )}
            />
          )}
        </AddItem>
      )}
    </Section>
  );
}
