import { type Invite, type Role, type RoomSummary, type SideId } from '@parley/shared';
import { useEffect, useState } from 'react';
import { DeleteRoom } from '../components/manage/DeleteRoom';
import { PageShell } from '../components/PageShell';
import { Confirm } from '../components/ui/Confirm';
import { CopyField } from '../components/ui/CopyField';
import { ErrorMessage } from '../components/ui/ErrorMessage';
import { ApiError, describeApiError, managedRoom, reissueInvite } from '../lib/api';
import { fragmentToken } from '../lib/session';

type Loaded =
  | { state: 'loading' }
  | { state: 'ready'; room: RoomSummary }
  | { state: 'failed'; message: string }
  | { state: 'deleted'; title: string };

/** Words a refusal of the management link for the person holding it. */
function describeRefusal(error: unknown): string {
  if (error instanceof ApiError && (error.code === 'unauthorized' || error.code === 'not_found')) {
    return 'This management link does not open a room: it may be incomplete. Check it was copied whole.';
  }
  if (error instanceof ApiError && error.code === 'forbidden') {
    return 'This link can join the room but not replace its invites. Use the management link shown when the room was created.';
  }
  return describeApiError(error);
}

/**
 * `/room/<id>/manage#<adminToken>`: replaces a role's invite link, for one that went to
 * the wrong person. The token is a credential: it leaves the address bar as soon as it
 * is read and lives only in this page.
 */
export function ManagePage({ roomId }: { roomId: string }) {
  const [token] = useState(fragmentToken);
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });

  useEffect(() => {
    if (!token) return;
    if (location.hash) history.replaceState(null, '', location.pathname);
    let live = true;
    managedRoom(roomId, token).then(
      (room) => live && setLoaded({ state: 'ready', room }),
      (error: unknown) => live && setLoaded({ state: 'failed', message: describeRefusal(error) }),
    );
    return () => {
      live = false;
    };
  }, [roomId, token]);

  if (!token) {
    return (
      <PageShell title="This management link is incomplete">
        <p>
          The link should end with a <code>#</code> followed by a long code. Open the full management link you kept when
          the room was created.
        </p>
      </PageShell>
    );
  }
  if (loaded.state === 'loading') {
    return (
      <PageShell title="Manage a room">
        <p role="status">Checking your management link…</p>
      </PageShell>
    );
  }
  if (loaded.state === 'failed') {
    return (
      <PageShell title="This management link could not be used">
        <ErrorMessage message={loaded.message} />
      </PageShell>
    );
  }
  if (loaded.state === 'deleted') {
    return (
      <PageShell title={`“${loaded.title}” was deleted`}>
        <p role="status">
          Everyone was disconnected, and the room is erased from the server. Its links, and this management link, no
          longer open anything.
        </p>
      </PageShell>
    );
  }
  const { room } = loaded;
  const [sideA, sideB] = room.sides;
  return (
    <PageShell
      title={`Manage “${room.title}”`}
      intro={
        <p>
          Replace an invite link that went to the wrong person: the old link stops working at once, and everyone who
          joined with it is signed out until they open the new one. Below, delete the room when the negotiation is over.
          This page forgets the management link when it closes: keep the link itself.
        </p>
      }
    >
      <ul className="invite-list">
        {room.mediated && <ReplaceInvite roomId={room.roomId} token={token} label="Mediator" role="mediator" />}
        <ReplaceInvite roomId={room.roomId} token={token} label={`Side A — ${sideA}`} role="side" side="a" />
        <ReplaceInvite roomId={room.roomId} token={token} label={`Side B — ${sideB}`} role="side" side="b" />
        <ReplaceInvite roomId={room.roomId} token={token} label="Observer" role="observer" />
      </ul>
      <DeleteRoom
        roomId={room.roomId}
        title={room.title}
        token={token}
        onDeleted={() => setLoaded({ state: 'deleted', title: room.title })}
      />
    </PageShell>
  );
}

interface ReplaceInviteProps {
  roomId: string;
  token: string;
  label: string;
  role: Role;
  side?: SideId;
}

function ReplaceInvite({ roomId, token, label, role, side }: ReplaceInviteProps) {
  const [invite, setInvite] = useState<Invite | null>(null);
  const [error, setError] = useState<string | null>(null);
  const replace = () =>
    void reissueInvite(roomId, token, role, side).then(
      (fresh) => {
        setInvite(fresh);
        setError(null);
      },
      (failure: unknown) => setError(describeRefusal(failure)),
    );

  return (
    <li className={`invite tone-${side ? `side-${side}` : role}`}>
      <p>
        <strong>{label}</strong>
      </p>
      {invite && (
        <CopyField
          label={`New ${label} invite link`}
          value={invite.url}
          hint="Send it to the people of this role. The old link no longer works."
        />
      )}
      <div className="form-actions">
        <Confirm
          label={invite ? 'Replace it again' : 'Replace link'}
          name={`${invite ? 'Replace it again' : 'Replace link'}: ${label}`}
          question="Everyone who joined with the current link is signed out. Replace?"
          yes="Yes, replace"
          buttonClass="button"
          yesClass="button button-danger"
          onConfirm={replace}
        />
      </div>
      {error && <ErrorMessage message={error} />}
    </li>
  );
}
