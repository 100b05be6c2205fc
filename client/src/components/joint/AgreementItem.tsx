import type { Agreement, AgreementStatus, Commitment, RoomSummary } from '@parley/shared';
import { agreementStatusLabel, agreementTerms, newId, OUTCOME_LABELS } from '@parley/shared';
import type { Acceptances } from '../../hooks/useAcceptances';
import type { CollectionView } from '../../hooks/useCollection';
import type { Editing } from '../../hooks/useEditing';
import { short } from '../../lib/text';
import { AddItem } from '../ui/AddItem';
import type { ItemProps } from '../ui/EditableItem';
import { EditableItem, itemPropsOf } from '../ui/EditableItem';
import { InlineSelect } from '../ui/InlineSelect';
import { closeWhenSaved } from '../ui/ItemForm';
import { AcceptancePanel } from './AcceptancePanel';
import { AgreementForm } from './AgreementForm';
import { CommitmentForm } from './CommitmentForm';
import { CommitmentItem } from './CommitmentItem';

interface AgreementItemProps extends ItemProps<Agreement> {
  agreement: Agreement;
  status: AgreementStatus;
  commitments: Commitment[];
  commitmentsView: CollectionView<Commitment>;
  acceptances: Acceptances;
  room: Pick<RoomSummary, 'sides'>;
  /** Whether this member may change the joint document (sides and the mediator). */
  writable: boolean;
  commitmentEditing: Editing;
}

export function AgreementItem({
  agreement,
  status,
  commitments,
  commitmentsView,
  acceptances,
  room,
  writable,
  commitmentEditing,
  ...item
}: AgreementItemProps) {
  const name = `agreement “${short(agreement.text)}”`;
  const terms = agreementTerms(agreement, commitments);
  // Acceptance is of the terms as they stood; changing them underneath would make it mean
  // something else. Terms that changed anyway (at the same moment, elsewhere) are open
  // again, and the acceptances of the earlier terms no longer count.
  const locked = acceptances.acceptedBy(agreement.id, terms).length > 0;
  const inForce = status === 'accepted' || status === 'done' || status === 'broken';
  const unverified = commitments.filter((c) => c.verification.trim() === '').length;
  const commitmentProps = itemPropsOf(commitmentsView, commitmentEditing, item.selfMemberId);

  return (
    <EditableItem
      {...item}
      id={agreement.id}
      className={`item-card agreement-card agreement-${status.replace(/ /g, '-')}`}
      name={name}
      initial={{ text: agreement.text }}
      editable={writable && !locked}
      renderForm={(form) => <AgreementForm {...form} />}
      renderView={() => (
        <div className="agreement-head">
          <p className="item-text">{agreement.text}</p>
          <span className={`status-badge agreement-status agreement-status-${status.replace(/ /g, '-')}`}>
            {agreementStatusLabel(status, room)}
          </span>
        </div>
      )}
      renderDetails={(editor) => (
        <>
          <AcceptancePanel
            agreement={agreement}
            acceptances={acceptances}
            terms={terms}
            room={room}
            name={name}
            unverified={unverified}
            commitmentCount={commitments.length}
          />

          <div className="commitments">
            <h4 className="commitments-title">
              Commitments <span className="count">{commitments.length}</span>
            </h4>
            {commitments.length === 0 ? (
              <p className="empty">No commitments yet: who does what, by when?</p>
            ) : (
              <ul className="commitment-list">
                {commitments.map((commitment) => (
                  <CommitmentItem
                    key={commitment.id}
                    commitment={commitment}
                    room={room}
                    writable={writable}
                    locked={locked}
                    inForce={inForce}
                    {...commitmentProps(commitment.id)}
                  />
                ))}
              </ul>
            )}
            {writable && !locked && (
              <AddItem label="Add a commitment">
                {(close) => (
                  <CommitmentForm
                    initial={{ what: '', owner: 'a', due: '', verification: '' }}
                    room={room}
                    label={`New commitment for ${name}`}
                    submitLabel="Add commitment"
                    onCancel={close}
                    onSave={closeWhenSaved(
                      (values) =>
                        commitmentsView.add({
                          id: newId(),
                          agreementId: agreement.id,
                          ...values,
                          status: 'pending',
                          createdAt: Date.now(),
                        }),
                      close,
                    )}
                  />
                )}
              </AddItem>
            )}
          </div>

          {writable && inForce && (
            <div className="agreement-outcome">
              <InlineSelect
                label="Outcome"
                context={`of ${name}`}
                value={agreement.outcome}
                options={OUTCOME_LABELS}
                onChange={(outcome) => item.onUpdate(agreement.id, { outcome })}
                onFocus={() => editor.announce(true)}
                onBlur={() => editor.announce(false)}
              />
            </div>
          )}

          {writable && locked && !editor.open && (
            <p className="locked-note">
              Accepted terms are locked. To change them, each side that accepted withdraws its acceptance first.
            </p>
          )}
          {writable && locked && editor.open && (
            <p className="locked-note" role="status">
              These terms were accepted while you were editing them. Saving your change asks for acceptance again.
            </p>
          )}
        </>
      )}
    />
  );
}
