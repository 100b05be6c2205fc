import { newId } from '@parley/shared';
import { useCallback } from 'react';
import { useCollection } from '../../hooks/useCollection';
import { useEditing } from '../../hooks/useEditing';
import { useRoom } from '../../hooks/useRoom';
import type { DocHandle } from '../../hooks/useRoomDocs';
import { AddItem } from '../ui/AddItem';
import { itemPropsOf } from '../ui/EditableItem';
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

  const { remove: removePosition } = positions;
  // Reads the interests when a position goes, not when rendered: the callback, and so every
  // position card given it, stays the same while interests change.
  const { latest: latestInterests, update: updateInterest } = interests;
  const removeWithLinks = useCallback(
    (id: string) => {
      removePosition(id);
      // Interests keep pointing at positions by id; drop the link rather than leave it dangling.
      for (const interest of latestInterests()) {
        if (interest.ok && interest.value.positionIds.includes(id)) {
          updateInterest(interest.id, { positionIds: interest.value.positionIds.filter((p) => p !== id) });
        }
      }
    },
    [removePosition, latestInterests, updateInterest],
  );
  const itemProps = itemPropsOf({ update: positions.update, remove: removeWithLinks }, editing, session.memberId);

  return (
    <Section title="Positions" count={positions.items.length} description="What the side asks for, and because.">
      <CollectionList
        view={positions}
        noun="position"
        empty={mine ? 'No positions yet. Add what you ask for, and why.' : 'No positions yet.'}
      >
        {(position) => <PositionItem position={position} mine={mine} {...itemProps(position.id)} />}
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
