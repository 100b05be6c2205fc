import { newId } from '@parley/shared';
import { useCollection } from '../../hooks/useCollection';
import { useEditing } from '../../hooks/useEditing';
import { useRoom } from '../../hooks/useRoom';
import type { DocHandle } from '../../hooks/useRoomDocs';
import { AddItem } from '../ui/AddItem';
import { CollectionList } from '../ui/CollectionList';
import { closeWhenSaved } from '../ui/ItemForm';
import { Section } from '../ui/Section';
import { InterestForm, NEW_INTEREST } from './InterestForm';
import { InterestItem } from './InterestItem';

export function InterestsSection({ handle }: { handle: DocHandle<'side'> }) {
  const { session } = useRoom();
  const interests = useCollection(handle, 'interests');
  const positions = useCollection(handle, 'positions').items.flatMap((p) => (p.ok ? [p.value] : []));
  const editing = useEditing(handle, 'interests');
  const mine = interests.writable;

  return (
    <Section
      title="Interests"
      count={interests.items.length}
      description="Needs, fears and aspirations beneath the positions."
    >
      <CollectionList
        view={interests}
        noun="interest"
        empty={mine ? 'No interests yet. What lies beneath your positions?' : 'No interests yet.'}
      >
        {(interest) => (
          <InterestItem
            interest={interest}
            positions={positions}
            mine={mine}
            editing={editing}
            selfMemberId={session.memberId}
            onUpdate={(patch) => interests.update(interest.id, patch)}
            onRemove={() => interests.remove(interest.id)}
          />
        )}
      </CollectionList>
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
