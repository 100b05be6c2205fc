import { agreementStatus, newId } from '@parley/shared';
import { useAcceptances } from '../../hooks/useAcceptances';
import { useCollection } from '../../hooks/useCollection';
import { useEditing } from '../../hooks/useEditing';
import { useRoom } from '../../hooks/useRoom';
import { AddItem } from '../ui/AddItem';
import { itemPropsOf } from '../ui/EditableItem';
import { InvalidItem } from '../ui/InvalidItem';
import { closeWhenSaved } from '../ui/ItemForm';
import { ItemList, Section } from '../ui/Section';
import { AgreementForm } from './AgreementForm';
import { AgreementItem } from './AgreementItem';

export function AgreementsSection() {
  const { session, docs } = useRoom();
  const agreements = useCollection(docs.joint, 'agreements');
  const commitments = useCollection(docs.joint, 'commitments');
  const editing = useEditing(docs.joint, 'agreements');
  const commitmentEditing = useEditing(docs.joint, 'commitments');
  const acceptances = useAcceptances();
  const writable = agreements.writable;

  const valid = agreements.items.flatMap((i) => (i.ok ? [i.value] : []));
  const known = new Set(valid.map((a) => a.id));
  const validCommitments = commitments.items.flatMap((i) => (i.ok ? [i.value] : []));
  // Commitments are their own items; one whose agreement is gone (or that is invalid) is still shown.
  const strayCommitments = commitments.items.filter((i) => !i.ok || !known.has(i.value.agreementId));

  const remove = (id: string) => {
    agreements.remove(id);
    for (const c of validCommitments) if (c.agreementId === id) commitments.remove(c.id);
    // Only our own acceptance can go; the other side's stays in its own document, unseen without the agreement.
    const own = acceptances.own;
    if (own && acceptances.bySide[own].some((a) => a.id === id)) acceptances.withdraw(id);
  };
  const itemProps = itemPropsOf({ update: agreements.update, remove }, editing, session.memberId);

  return (
    <Section
      title="Agreements"
      count={agreements.items.length}
      description="What was agreed, who does what by when, and how each side will know it was done. Each side accepts for itself."
    >
      <ItemList empty={writable ? 'No agreements yet. Propose one when an option looks right.' : 'No agreements yet.'}>
        {[
          ...agreements.items.map((item) =>
            item.ok ? (
              <AgreementItem
                key={item.id}
                agreement={item.value}
                status={agreementStatus(item.value, acceptances.bySide, validCommitments)}
                commitments={validCommitments.filter((c) => c.agreementId === item.id)}
                commitmentsView={commitments}
                acceptances={acceptances}
                room={session.room}
                writable={writable}
                commitmentEditing={commitmentEditing}
                {...itemProps(item.id)}
              />
            ) : (
              <InvalidItem
                key={item.id}
                noun="agreement"
                error={item.error}
                onRemove={writable ? () => agreements.remove(item.id) : undefined}
              />
            ),
          ),
          ...strayCommitments.map((item) => (
            <InvalidItem
              key={`commitment-${item.id}`}
              noun="commitment"
              error={item.ok ? 'Its agreement was removed.' : item.error}
              onRemove={writable ? () => commitments.remove(item.id) : undefined}
            />
          )),
        ]}
      </ItemList>
      {writable && (
        <AddItem label="Propose an agreement">
          {(close) => (
            <AgreementForm
              initial={{ text: '' }}
              label="New agreement"
              submitLabel="Propose agreement"
              onCancel={close}
              onSave={closeWhenSaved(
                (values) => agreements.add({ id: newId(), ...values, outcome: 'pending', createdAt: Date.now() }),
                close,
              )}
            />
          )}
        </AddItem>
      )}
    </Section>
  );
}
