import type { Commitment, RoomSummary } from '@parley/shared';
import type { WriteResult } from '../../hooks/useCollection';
import type { Editing } from '../../hooks/useEditing';
import { useItemEditor } from '../../hooks/useItemEditor';
import { SIDE_LETTER, sideName } from '../../lib/labels';
import { changedFields, short } from '../../lib/text';
import { formatDay, isPast } from '../ui/dates';
import { EditorsNote } from '../ui/EditorsNote';
import { InlinePrompt } from '../ui/InlinePrompt';
import { InlineSelect } from '../ui/InlineSelect';
import { ItemActions } from '../ui/ItemActions';
import { CommitmentForm, VERIFICATION_QUESTION } from './CommitmentForm';
import { COMMITMENT_STATUS_LABELS } from './jointLabels';

interface CommitmentItemProps {
  commitment: Commitment;
  room: Pick<RoomSummary, 'sides'>;
  /** Whether this member may change the joint document. */
  writable: boolean;
  /** The agreement has been accepted by a side: its terms no longer change under that acceptance. */
  locked: boolean;
  /** Accepted by both sides: now it can be carried out, so its status can be set. */
  inForce: boolean;
  editing: Editing;
  selfMemberId: string;
  onUpdate: (patch: Partial<Omit<Commitment, 'id'>>) => WriteResult;
  onRemove: () => void;
}

export function CommitmentItem(props: CommitmentItemProps) {
  const { commitment, room, writable, locked, inForce, editing, selfMemberId, onUpdate, onRemove } = props;
  const editor = useItemEditor(editing, commitment.id);
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
    <li
      className={`commitment commitment-${commitment.status} owner-${commitment.owner}${unverified ? ' commitment-unverified' : ''}`}
    >
      <EditorsNote editors={editing.editorsOf(commitment.id)} selfMemberId={selfMemberId} />
      {editor.open ? (
        <CommitmentForm
          initial={initial}
          room={room}
          label={`Edit ${name}`}
          submitLabel="Save"
          onFocusChange={editor.announce}
          onCancel={editor.closeEditor}
          onSave={(values) => {
            const result = onUpdate(changedFields(initial, values));
            if (result.ok) editor.closeEditor();
            return result;
          }}
        />
      ) : (
        <>
          <div className="commitment-head">
            <p className="commitment-what">{commitment.what}</p>
            {writable && inForce ? (
              <InlineSelect
                label="Status"
                context={`of ${name}`}
                value={commitment.status}
                options={COMMITMENT_STATUS_LABELS}
                onChange={(status) => onUpdate({ status })}
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
                </span>
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
                onSave={(verification) => onUpdate({ verification })}
              />
            )}
          </div>
          {writable && !locked && (
            <ItemActions what={name} returnFocus={editor.returnFocus} onEdit={editor.openEditor} onRemove={onRemove} />
          )}
        </>
      )}
    </li>
  );
}
