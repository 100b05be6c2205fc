import { newId } from '@parley/shared';
import { useMemo } from 'react';
import { useCollection } from '../../hooks/useCollection';
import { useEditing } from '../../hooks/useEditing';
import { useRoom } from '../../hooks/useRoom';
import type { DocHandle } from '../../hooks/useRoomDocs';
import { validOnly } from '../../hooks/useSideCollections';
import { AddItem } from '../ui/AddItem';
import { itemPropsOf } from '../ui/EditableItem';
import { CollectionList } from '../ui/CollectionList';
import { closeWhenSaved } from '../ui/ItemForm';
import { Section } from '../ui/Section';
import { InterestForm, NEW_INTEREST } from './InterestForm';
import { InterestItem } from './InterestItem';
import { positionsExplained, SidePositions } from './sidePositions';

export function InterestsSection({ handle }: { handle: DocHandle<'side'> }) {
  const { session } = useRoom();
  const interests = useCollection(handle, 'interests');
  const positionItems = useCollection(handle, 'positions').items;
  const positions = useMemo(() => validOnly(positionItems), [positionItems]);
  const positionsById = useMemo(() => new Map(positions.map((p) => [p.id, p])), [positions]);
  const editing = useEditing(handle, 'interests');
  const itemProps = itemPropsOf(interests, editing, session.memberId);
  const mine = interests.writable;

  return (
    <Section
      title="Interests"
      count={interests.items.length}
      description="Needs, fears and aspirations beneath the positions."
    >
      <SidePositions.Provider value={positions}>
        <CollectionList
          view={interests}
          noun="interest"
          empty={mine ? 'No interests yet. What lies beneath your positions?' : 'No interests yet.'}
        >
          {(interest) => (
            <InterestItem
              interest={interest}
              explains={positionsExplained(interest, positionsById)}
              mine={mine}
              {...itemProps(interest.id)}
            />
          )}
        </CollectionList>
      </SidePositions.Provider>
      {mine && (
        <AddItem label="Add an interest">
          {(close) => (
            <InterestForm
              initial={NEW_INTEREST}
              positions={positions}
              label="New interest"
              submitLabel="Add interest"
              onCancel={close}
              onSave={closeWhenSaved(
                (values) => interests.add({ id: newId(), ...values, createdAt: Date.now() }),
                close,
              )}
            />
          )}
        </AddItem>
      )}
    </Section>
  );
}
