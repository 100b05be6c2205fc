import { DRAFT_KIND_LABELS } from '@parley/shared';
import type { Draft } from '@parley/shared';
import { useState } from 'react';
import type { WriteResult } from '../../hooks/useCollection';
import { changedFields, short } from '../../lib/text';
import { Confirm } from '../ui/Confirm';
import { ConfirmRemove } from '../ui/ConfirmRemove';
import { DraftForm } from './DraftForm';

interface DraftItemProps {
  draft: Draft;
  onShare: () => void;
  onUpdate: (patch: Partial<Omit<Draft, 'id'>>) => WriteResult;
  onRemove: () => void;
}

export function DraftItem({ draft, onShare, onUpdate, onRemove }: DraftItemProps) {
  const [editing, setEditing] = useState(false);
  const [editorClosed, setEditorClosed] = useState(false);
  const what = `draft ${draft.kind} “${short(draft.text)}”`;
  const initial = { kind: draft.kind, text: draft.text, because: draft.because };
  const close = () => {
    setEditorClosed(true);
    setEditing(false);
  };

  return (
    <li className="item-card draft-card">
      {editing ? (
        <DraftForm
          initial={initial}
          label={`Edit ${what}`}
          submitLabel="Save"
          onCancel={close}
          onSave={(values) => {
            const result = onUpdate(changedFields(initial, values));
            if (result.ok) close();
            return result;
          }}
        />
      ) : (
        <>
          <p className="tags">
            <span className={`tag tag-draft tag-draft-${draft.kind}`}>{DRAFT_KIND_LABELS[draft.kind]}</span>
          </p>
          <p className="item-text">{draft.text}</p>
          {draft.kind === 'position' && draft.because.trim() && (
            <p className="because">
              <span className="because-label">Because</span> {draft.because}
            </p>
          )}
          <div className="item-actions">
            {/* Sharing cannot be taken back: the other side may have read it, and the timeline keeps it. */}
            <Confirm
              label="Share to board"
              name={`Share to board: ${what}`}
              question="Everyone in the room will see it. Share?"
              yes="Yes, share"
              no="Not yet"
              buttonClass="button button-share"
              yesClass="button button-share"
              onConfirm={onShare}
            />
            <button
              type="button"
              className="button button-quiet"
              aria-label={`Edit ${what}`}
              autoFocus={editorClosed}
              onClick={() => setEditing(true)}
            >
              Edit
            </button>
            <ConfirmRemove what={what} onRemove={onRemove} />
          </div>
        </>
      )}
    </li>
  );
}
