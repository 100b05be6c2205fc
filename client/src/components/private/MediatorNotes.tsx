import { MEDIATOR_NOTES_DEFAULTS, RECORDS, setRecordField } from '@parley/shared';
import { useId } from 'react';
import { useRecord } from '../../hooks/useRecord';
import type { DocHandle } from '../../hooks/useRoomDocs';
import { LockIcon } from './LockIcon';
import { NotesField } from './NotesField';

/** The mediator's own notes: a doc only the mediator role can open. */
export function MediatorNotes({ handle }: { handle: DocHandle<'mediator'> }) {
  const headingId = useId();
  const notes = useRecord(handle.doc, 'notes', RECORDS.mediator.notes, MEDIATOR_NOTES_DEFAULTS);
  return (
    <section className="rail-panel private-panel mediator-notes" id="private-notes" aria-labelledby={headingId}>
      <p className="private-flag">
        <LockIcon /> Only the mediator sees this
      </p>
      <h2 id={headingId}>Mediator’s notes</h2>
      <NotesField
        label="Notes"
        hint="Not shown to either side or to observers, and never in their reports."
        value={notes.notes}
        rows={5}
        onSave={(value) =>
          setRecordField(handle.doc, 'notes', RECORDS.mediator.notes, MEDIATOR_NOTES_DEFAULTS, 'notes', value)
        }
      />
    </section>
  );
}
