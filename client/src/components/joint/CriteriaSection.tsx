import { newId } from '@parley/shared';
import { useCollection } from '../../hooks/useCollection';
import { useEditing } from '../../hooks/useEditing';
import { useRoom } from '../../hooks/useRoom';
import { AddItem } from '../ui/AddItem';
import { itemPropsOf } from '../ui/EditableItem';
import { CollectionList } from '../ui/CollectionList';
import { closeWhenSaved } from '../ui/ItemForm';
import { Section } from '../ui/Section';
import { CriterionForm } from './CriterionForm';
import { CriterionItem } from './CriterionItem';

export function CriteriaSection() {
  const { session, docs } = useRoom();
  const criteria = useCollection(docs.joint, 'criteria');
  const editing = useEditing(docs.joint, 'criteria');
  const itemProps = itemPropsOf(criteria, editing, session.memberId);

  return (
    <Section
      title="Criteria"
      count={criteria.items.length}
      description="Fair, objective standards to measure options against: market rates, precedent, expert opinion, law."
    >
      <CollectionList
        view={criteria}
        noun="criterion"
        empty={criteria.writable ? 'No criteria yet. What fair standard could both sides accept?' : 'No criteria yet.'}
      >
        {(criterion) => (
          <CriterionItem criterion={criterion} writable={criteria.writable} {...itemProps(criterion.id)} />
        )}
      </CollectionList>
      {criteria.writable && (
        <AddItem label="Add a criterion">
          {(close) => (
            <CriterionForm
              initial={{ text: '', kind: 'market' }}
              label="New criterion"
              submitLabel="Add criterion"
              onCancel={close}
              onSave={closeWhenSaved(
                (values) => criteria.add({ id: newId(), ...values, createdAt: Date.now() }),
                close,
              )}
            />
          )}
        </AddItem>
      )}
    </Section>
  );
}
