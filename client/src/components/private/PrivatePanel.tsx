import type { SideId } from '@parley/shared';
import { PRIVATE_NOTES_DEFAULTS, RECORDS, newId, possessiveOf, setRecordField } from '@parley/shared';
import { useId, useRef, useState } from 'react';
import { useCollection } from '../../hooks/useCollection';
import { useRecord } from '../../hooks/useRecord';
import type { DocHandle } from '../../hooks/useRoomDocs';
import type { RoomUndo } from '../../lib/undo';
import { short } from '../../lib/text';
import { AddItem } from '../ui/AddItem';
import { InvalidItem } from '../ui/InvalidItem';
import { ItemList } from '../ui/Section';
import { DraftForm } from './DraftForm';
import { DraftItem } from './DraftItem';
import { LockIcon } from './LockIcon';
import { NotesField } from './NotesField';
import { shareDraft } from './shareDraft';

interface PrivatePanelProps {
  side: SideId;
  sideName: string;
  /** The side's own private doc. */
  handle: DocHandle<'private'>;
  /** The same side's public board, where shared drafts go. */
  board: DocHandle<'side'>;
  undo?: RoomUndo;
}

/** What the side still has to say about a shared item, since a draft carries only its text. */
const SHARED_AS = {
  position: 'a position',
  interest: 'an interest — set its kind, concern and importance there',
  constraint: 'a constraint — set whether you can or cannot, and its kind, there',
} as const;

/**
 * A side's private notes: walk-away alternative, reservation point, free notes and
 * drafts that can be moved onto the side's board in one action. Only that side's
 * members can open the doc at all; the server refuses it to everyone else.
 */
export function PrivatePanel({ side, sideName, handle, board, undo }: PrivatePanelProps) {
  const headingId = useId();
  const notes = useRecord(handle.doc, 'notes', RECORDS.private.notes, PRIVATE_NOTES_DEFAULTS);
  const drafts = useCollection(handle, 'drafts');
  const [shared, setShared] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const listRef = useRef<HTMLDivElement>(null);

  const save = (key: keyof typeof PRIVATE_NOTES_DEFAULTS) => (value: string) =>
    setRecordField(handle.doc, 'notes', RECORDS.private.notes, PRIVATE_NOTES_DEFAULTS, key, value);

  return (
    <section className={`rail-panel private-panel side-${side}`} id="private-notes" aria-labelledby={headingId}>
      <p className="private-flag">
        <LockIcon /> Only your side sees this
      </p>
      <h2 id={headingId}>Private notes — {sideName}</h2>
      <p className="rail-caption">Never shown to the other side, the mediator or observers, nor in their reports.</p>

      <NotesField
        label="Walk-away alternative (BATNA)"
        hint="What you will do if there is no agreement."
        value={notes.walkAway}
        onSave={save('walkAway')}
        rows={2}
      />
      <NotesField
        label="Reservation point"
        hint="The least you would accept here."
        value={notes.reservation}
        onSave={save('reservation')}
        rows={2}
      />
      <NotesField label="Notes" value={notes.notes} onSave={save('notes')} />

      <div className="drafts" ref={listRef}>
        <h3 className="rail-subhead" tabIndex={-1}>
          Drafts
        </h3>
        <p className="field-hint">Items not shared yet. “Share to board” puts one on {possessiveOf(sideName)} board.</p>
        <ItemList empty="No drafts.">
          {drafts.items.map((item) =>
            item.ok ? (
              <DraftItem
                key={item.id}
                draft={item.value}
                onUpdate={(patch) => drafts.update(item.id, patch)}
                onRemove={() => drafts.remove(item.id)}
                onShare={() => {
                  const result = shareDraft({ draft: item.value, privateDoc: handle.doc, sideDoc: board.doc, undo });
                  if (result.ok) {
                    setError(null);
                    setShared(
                      `Shared “${short(item.value.text)}” to ${possessiveOf(sideName)} board as ${SHARED_AS[item.value.kind]}.`,
                    );
                    // The shared draft's buttons are gone; keep the keyboard in the drafts list.
                    listRef.current?.querySelector<HTMLElement>('h3')?.focus();
                  } else {
                    setShared(null);
                    setError(result.message);
                  }
                }}
              />
            ) : (
              <InvalidItem key={item.id} noun="draft" error={item.error} onRemove={() => drafts.remove(item.id)} />
            ),
          )}
        </ItemList>
        <p className="share-status" role="status">
          {shared}
        </p>
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        <AddItem label="Add a draft">
          {(close) => (
            <DraftForm
              initial={{ kind: 'position', text: '', because: '' }}
              label="New draft"
              submitLabel="Add draft"
              onCancel={close}
              onSave={(values) => {
                const result = drafts.add({ id: newId(), ...values, createdAt: Date.now() });
                if (result.ok) close();
                return result;
              }}
            />
          )}
        </AddItem>
      </div>
    </section>
  );
}
