import { SIDE_LETTER, sideName, COMMITMENT_STATUS_LABELS } from '@parley/shared';
import type { Commitment, RoomSummary } from '@parley/shared';
import { short } from '../../lib/text';
import { formatDay, isPast } from '../ui/dates';
import type { ItemProps } from '../ui/EditableItem';
import { EditableItem } from '../ui/EditableItem';
import { InlinePrompt } from '../ui/InlinePrompt';
import { InlineSelect } from '../ui/InlineSelect';
import { CommitmentForm, VERIFICATION_QUESTION } from './CommitmentForm';

interface CommitmentItemProps extends ItemProps<Commitment> {
  commitment: Commitment;
  room: Pick<RoomSummary, 'sides'>;
  /** Whether this member may change the joint document. */
  writable: boolean;
  /** The agreement has been accepted by a side: its terms no longer change under that acceptance. */
  locked: boolean;
  /** Accepted by both sides: now it can be carried out, so its status can be set. */
  inForce: boolean;
}

export function CommitmentItem({ commitment, room, writable, locked, inForce, ...item }: CommitmentItemProps) {
  const initial = {
    what: commitment.what,
    owner: commitment.owner,
    due: commitment.due,
    verification: commitment.verification,
  };
  const name = `commitment “${short(commitment.what)}”`;
  const due = formatDay(commitment.due);
  const overdue = commitment.status === 'pending' && isPast(commitment.due);
  const unverified = commitment.verification.trim() === '';

  return (
    <EditableItem
      {...item}
      id={commitment.id}
      className={`commitment commitment-${commitment.status} owner-${commitment.owner}${unverified ? ' commitment-unverified' : ''}`}
      name={name}
      initial={initial}
      editable={writable && !locked}
      renderForm={(form) => <CommitmentForm {...form} room={room} />}
      renderView={(editor) => (
        <>
          <div className="commitment-head">
            <p className="commitment-what">{commitment.what}</p>
            {writable && inForce ? (
              <InlineSelect
                label="Status"
                context={`of ${name}`}
                value={commitment.status}
                options={COMMITMENT_STATUS_LABELS}
                onChange={(status) => item.onUpdate(commitment.id, { status })}
                onFocus={() => editor.announce(true)}
                onBlur={() => editor.announce(false)}
              />
            ) : (
              <span className={`status-badge commitment-status-${commitment.status}`}>
                {COMMITMENT_STATUS_LABELS[commitment.status]}
              </span>
            )}
          </div>
          <dl className="commitment-meta">
            <div>
              <dt>Who</dt>
              <dd>
                <span className={`side-chip side-chip-${commitment.owner}`} aria-hidden="true">
                  {SIDE_LETTER[commitment.owner]}
                </span>{' '}
                {sideName(room, commitment.owner)}
              </dd>
            </div>
            <div>
              <dt>Due</dt>
              <dd>
                {due ? <time dateTime={commitment.due}>{due}</time> : 'No date yet'}
                {overdue && <span className="overdue-badge">Overdue</span>}
              </dd>
            </div>
          </dl>
          <div className={`verification${unverified ? ' verification-missing' : ''}`}>
            <p className="verification-question">{VERIFICATION_QUESTION}</p>
            {unverified ? (
              <p className="needs-verification">Needs a way to verify</p>
            ) : (
              <p className="verification-text">{commitment.verification}</p>
            )}
            {unverified && writable && !locked && (
              <InlinePrompt
                label="Add how both sides will check it"
                context={`for ${name}`}
                placeholder="e.g. a bank receipt sent to both sides"
                buttonLabel="Add verification"
                emptyMessage="Describe how it will be verified first."
                onFocusChange={editor.announce}
                onSave={(verification) => item.onUpdate(commitment.id, { verification })}
              />
            )}
          </div>
        </>
      )}
    />
  );
}
