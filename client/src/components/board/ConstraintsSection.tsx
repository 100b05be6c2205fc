import { newId } from '@parley/shared';
import { useCollection } from '../../hooks/useCollection';
import { useEditing } from '../../hooks/useEditing';
import { useRoom } from '../../hooks/useRoom';
import type { DocHandle } from '../../hooks/useRoomDocs';
import { AddItem } from '../ui/AddItem';
import { InvalidItem } from '../ui/InvalidItem';
import { closeWhenSaved } from '../ui/ItemForm';
import { ItemList, Section } from '../ui/Section';
import { ConstraintForm, NEW_CONSTRAINT } from './ConstraintForm';
import { ConstraintItem } from './ConstraintItem';

export function ConstraintsSection({ handle }: { handle: DocHandle<'side'> }) {
  const { session } = useRoom();
  const constraints = useCollection(handle, 'constraints');
  const editing = useEditing(handle, 'constraints');
  const mine = constraints.writable;

  return (
    <Section title="Constraints" count={constraints.items.length} description="What the side can and cannot do.">
      <ItemList empty={mine ? 'No constraints yet. What are your boundaries?' : 'No constraints yet.'}>
        {constraints.items.map((item) =>
          item.ok ? (
            <ConstraintItem
              key={item.id}
              constraint={item.value}
              mine={mine}
              editing={editing}
              selfMemberId={session.memberId}
              onUpdate={(patch) => constraints.update(item.id, patch)}
              onRemove={() => constraints.remove(item.id)}
            />
          ) : (
            <InvalidItem
              key={item.id}
              noun="constraint"
              error={item.error}
              onRemove={mine ? () => constraints.remove(item.id) : undefined}
            />
          ),
        )}
      </ItemList>
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
