import { newId } from '@parley/shared';
import { useCollection } from '../../hooks/useCollection';
import { useEditing } from '../../hooks/useEditing';
import { useRoom } from '../../hooks/useRoom';
import type { DocHandle } from '../../hooks/useRoomDocs';
import { AddItem } from '../ui/AddItem';
import { CollectionList } from '../ui/CollectionList';
import { closeWhenSaved } from '../ui/ItemForm';
import { Section } from '../ui/Section';
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
      <CollectionList
        view={positions}
        noun="position"
        empty={mine ? 'No positions yet. Add what you ask for, and why.' : 'No positions yet.'}
      >
        {(position) => (
          <PositionItem
            position={position}
            mine={mine}
            editing={editing}
            selfMemberId={session.memberId}
            onUpdate={(patch) => positions.update(position.id, patch)}
            onRemove={() => remove(position.id)}
          />
        )}
      </CollectionList>
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
