import type { Interest, Option, SideId } from '@parley/shared';
import { newId, optionCoverage } from '@parley/shared';
import { useCollection } from '../../hooks/useCollection';
import { useEditing } from '../../hooks/useEditing';
import { useRoom } from '../../hooks/useRoom';
import type { Scores } from '../../hooks/useScores';
import { AddItem } from '../ui/AddItem';
import { InvalidItem } from '../ui/InvalidItem';
import { closeWhenSaved } from '../ui/ItemForm';
import { ItemList, Section } from '../ui/Section';
import { OptionForm } from './OptionForm';
import { OptionItem } from './OptionItem';

interface OptionsSectionProps {
  interests: Record<SideId, Interest[]>;
  scores: Scores;
}

export function OptionsSection({ interests, scores }: OptionsSectionProps) {
  const { session, docs } = useRoom();
  const options = useCollection(docs.joint, 'options');
  const editing = useEditing(docs.joint, 'options');

  const remove = (option: Option) => {
    options.remove(option.id);
    // The other side's score stays in its own document (only it may remove it); ours goes with the option.
    if (scores.own && scores.of(scores.own, option.id) !== null) scores.clear(option.id);
  };

  return (
    <Section
      title="Options"
      count={options.items.length}
      description="Ways forward for mutual gain, each linked to the interests it serves. Each side scores each option for itself."
    >
      <ItemList empty={options.writable ? 'No options yet. What could serve both sides?' : 'No options yet.'}>
        {options.items.map((item) =>
          item.ok ? (
            <OptionItem
              key={item.id}
              option={item.value}
              coverage={optionCoverage(item.value, interests)}
              interests={interests}
              scores={scores}
              room={session.room}
              writable={options.writable}
              editing={editing}
              selfMemberId={session.memberId}
              onUpdate={(patch) => options.update(item.id, patch)}
              onRemove={() => remove(item.value)}
            />
          ) : (
            <InvalidItem
              key={item.id}
              noun="option"
              error={item.error}
              onRemove={options.writable ? () => options.remove(item.id) : undefined}
            />
          ),
        )}
      </ItemList>
      {options.writable && (
        <AddItem label="Add an option">
          {(close) => (
            <OptionForm
              initial={{ text: '', serves: [] }}
              interests={interests}
              room={session.room}
              label="New option"
              submitLabel="Add option"
              onCancel={close}
              onSave={closeWhenSaved((values) => options.add({ id: newId(), ...values, createdAt: Date.now() }), close)}
            />
          )}
        </AddItem>
      )}
    </Section>
  );
}
