import type { Interest, SideId } from '@parley/shared';
import { newId, optionCoverage } from '@parley/shared';
import { useCollection } from '../../hooks/useCollection';
import { useEditing } from '../../hooks/useEditing';
import { useRoom } from '../../hooks/useRoom';
import type { Scores } from '../../hooks/useScores';
import { AddItem } from '../ui/AddItem';
import { itemPropsOf } from '../ui/EditableItem';
import { CollectionList } from '../ui/CollectionList';
import { closeWhenSaved } from '../ui/ItemForm';
import { Section } from '../ui/Section';
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

  const remove = (id: string) => {
    options.remove(id);
    // The other side's score stays in its own document (only it may remove it); ours goes with the option.
    if (scores.own && scores.of(scores.own, id) !== null) scores.clear(id);
  };
  const itemProps = itemPropsOf({ update: options.update, remove }, editing, session.memberId);

  return (
    <Section
      title="Options"
      count={options.items.length}
      description="Ways forward for mutual gain, each linked to the interests it serves. Each side scores each option for itself."
    >
      <CollectionList
        view={options}
        noun="option"
        empty={options.writable ? 'No options yet. What could serve both sides?' : 'No options yet.'}
      >
        {(option) => (
          <OptionItem
            option={option}
            coverage={optionCoverage(option, interests)}
            interests={interests}
            scores={scores}
            room={session.room}
            writable={options.writable}
            {...itemProps(option.id)}
          />
        )}
      </CollectionList>
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
