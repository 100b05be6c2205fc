import { newId } from '@parley/shared';
import { useCollection } from '../../hooks/useCollection';
import { useEditing } from '../../hooks/useEditing';
import { useRoom } from '../../hooks/useRoom';
import type { DocHandle } from '../../hooks/useRoomDocs';
import { AddItem } from '../ui/AddItem';
import { InvalidItem } from '../ui/InvalidItem';
import { closeWhenSaved } from '../ui/ItemForm';
import { ItemList, Section } from '../ui/Section';
import { PositionForm } from './PositionForm';
import { PositionItem } from './PositionItem';

export function PositionsSection({ handle }: { handle: DocHandle<'side'> }) {
  const { session } = useRoom();
  const positions = useCollection(handle, 'positions');
  const interests = useCollection(handle, 'interests');
  const editing = useEditing(handle, 'positions');
  const mine = positions.writable;

  const remove = (id: string) => {
    positions.remove(id);
    // Interests keep pointing at positions by id; drop the link rather than leave it dangling.
    for (const interest of interests.items) {
      if (interest.ok && interest.value.positionIds.includes(id)) {
        interests.update(interest.id, { positionIds: interest.value.positionIds.filter((p) => p !== id) });
      }
    }
  };

  return (
    <Section title="Positions" count={positions.items.length} description="What the side asks for, and because.">
      <ItemList empty={mine ? 'No positions yet. Add what you ask for, and why.' : 'No positions yet.'}>
        {positions.items.map((item) =>
          item.ok ? (
            <PositionItem
              key={item.id}
              position={item.value}
              mine={mine}
              editing={editing}
              selfMemberId={session.memberId}
              onUpdate={(patch) => positions.update(item.id, patch)}
              onRemove={() => remove(item.id)}
            />
          ) : (
            <InvalidItem
              key={item.id}
              noun="position"
              error={item.error}
              onRemove={mine ? () => positions.remove(item.id) : undefined}
            />
          ),
        )}
      </ItemList>
      {mine && (
        <AddItem label="Add a position">
          {(close) => (
            <PositionForm
              initial={{ text: '', because: '' }}
              label="New position"
              submitLabel="Add position"
              onCancel={close}
              onSave={closeWhenSaved(
                (values) => positions.add({ id: newId(), ...values, createdAt: Date.now() }),
                close,
              )}
            />
          )}
        </AddItem>
      )}
    </Section>
  );
}
