import type { CreateRoomBody, CreateRoomResponse } from '@parley/shared';
import { useState } from 'react';
import { createRoom, describeApiError } from '../../lib/api';
import { ErrorMessage } from '../ui/ErrorMessage';
import { TextField } from '../ui/Fields';

export function CreateRoomForm({
  onCreated,
}: {
  onCreated: (created: CreateRoomResponse, body: CreateRoomBody) => void;
}) {
  const [title, setTitle] = useState('');
  const [sideA, setSideA] = useState('');
  const [sideB, setSideB] = useState('');
  const [mediated, setMediated] = useState(true);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async () => {
    const body: CreateRoomBody = { title: title.trim(), sides: [sideA.trim(), sideB.trim()], mediated };
    if (!body.title) return setError('Give the room a title.');
    if (!body.sides[0] || !body.sides[1]) return setError('Name both sides, for example “Tenant” and “Landlord”.');
    setBusy(true);
    setError(null);
    try {
      onCreated(await createRoom(body), body);
    } catch (err) {
      setError(describeApiError(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className="card create-room"
      aria-label="Create a room"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <TextField
        label="Title"
        value={title}
        onChange={setTitle}
        required
        maxLength={200}
        placeholder="e.g. Lease renewal"
        hint="Everyone in the room sees it."
      />
      <div className="field-row">
        <TextField
          label="Side A name"
          value={sideA}
          onChange={setSideA}
          required
          maxLength={100}
          placeholder="e.g. Tenant"
        />
        <TextField
          label="Side B name"
          value={sideB}
          onChange={setSideB}
          required
          maxLength={100}
          placeholder="e.g. Landlord"
        />
      </div>
      <div className="field checkbox-field">
        <label className="choice">
          <input type="checkbox" checked={mediated} onChange={(e) => setMediated(e.target.checked)} />
          <span>With a mediator</span>
        </label>
        <p className="field-hint">
          A mediator runs the agenda, phases and pulse checks. Without one, both sides share those controls.
        </p>
      </div>
      {error && <ErrorMessage title="The room was not created." message={error} />}
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? 'Creating…' : 'Create room'}
        </button>
      </div>
    </form>
  );
}
