import { useId, useState } from 'react';
import { ApiError, deleteRoom, describeApiError } from '../../lib/api';
import { ErrorMessage } from '../ui/ErrorMessage';

interface DeleteRoomProps {
  roomId: string;
  title: string;
  token: string;
  onDeleted: () => void;
}

/**
 * Erasing the room, for when the negotiation is over: asks for the room's title typed
 * out, since nothing brings it back.
 */
export function DeleteRoom({ roomId, title, token, onDeleted }: DeleteRoomProps) {
  const id = useId();
  const [typed, setTyped] = useState('');
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const matches = typed.trim() === title.trim();

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    if (!matches || pending) return;
    setPending(true);
    deleteRoom(roomId, token).then(onDeleted, (failure: unknown) => {
      setPending(false);
      setError(
        failure instanceof ApiError && failure.code === 'forbidden'
          ? 'Only the management link made when the room was created can delete it.'
          : describeApiError(failure),
      );
    });
  };

  return (
    <section className="danger-zone" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>Delete this room</h2>
      <p>
        When the negotiation is over. Everyone in the room is disconnected and every link stops working. The boards, the
        private notes, the timeline and the pulse checks are erased from the server. Session reports already downloaded
        stay where they were saved. This cannot be undone.
      </p>
      <form onSubmit={submit} aria-label="Delete this room">
        <div className="field">
          <label htmlFor={`${id}-title`}>Type the room’s title, “{title}”, to confirm</label>
          <input
            id={`${id}-title`}
            type="text"
            value={typed}
            autoComplete="off"
            onChange={(e) => setTyped(e.target.value)}
          />
        </div>
        <div className="form-actions">
          <button type="submit" className="button button-danger" disabled={!matches || pending}>
            {pending ? 'Deleting…' : 'Delete the room'}
          </button>
        </div>
      </form>
      {error && <ErrorMessage message={error} />}
    </section>
  );
}
