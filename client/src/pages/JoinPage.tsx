import type { ResolveInviteResponse } from '@parley/shared';
import { displayNameSchema } from '@parley/shared';
import { useEffect, useState } from 'react';
import { PageShell } from '../components/PageShell';
import { ErrorMessage } from '../components/ui/ErrorMessage';
import { TextField } from '../components/ui/Fields';
import { navigate } from '../hooks/useLocation';
import { ApiError, describeApiError, joinRoom, resolveInvite } from '../lib/api';
import { roleLabel } from '../lib/labels';
import {
  clearStashedInviteToken,
  fragmentToken,
  loadSession,
  saveSession,
  stashInviteToken,
  stashedInviteToken,
} from '../lib/session';

function tokenFromAddress(): string | null {
  return fragmentToken() || stashedInviteToken();
}

type Resolution =
  { state: 'resolving' } | { state: 'ready'; invite: ResolveInviteResponse } | { state: 'failed'; message: string };

export function JoinPage() {
  const [token] = useState(tokenFromAddress);
  const [resolution, setResolution] = useState<Resolution>({ state: 'resolving' });

  useEffect(() => {
    if (!token) return;
    // The token is a credential: keep it out of the address bar, history and anything copied from there.
    if (location.hash) {
      stashInviteToken(token);
      history.replaceState(null, '', '/join');
    }
    let live = true;
    resolveInvite(token).then(
      (invite) => {
        if (live) setResolution({ state: 'ready', invite });
      },
      (error: unknown) => {
        // A refused token must not linger for the next visit to /join.
        if (error instanceof ApiError && error.code === 'unauthorized') clearStashedInviteToken();
        if (live) setResolution({ state: 'failed', message: describeApiError(error) });
      },
    );
    return () => {
      live = false;
    };
  }, [token]);

  if (!token) {
    return (
      <PageShell title="This invite link is incomplete">
        <p>
          The link should end with a <code>#</code> followed by a long code. Open the full link you were sent, or ask
          for it again.
        </p>
      </PageShell>
    );
  }
  if (resolution.state === 'resolving') {
    return (
      <PageShell title="Joining a room">
        <p role="status">Checking your invite…</p>
      </PageShell>
    );
  }
  if (resolution.state === 'failed') {
    return (
      <PageShell title="This invite could not be used">
        <ErrorMessage message={resolution.message} />
      </PageShell>
    );
  }
  return <JoinForm token={token} invite={resolution.invite} />;
}

function JoinForm({ token, invite }: { token: string; invite: ResolveInviteResponse }) {
  const { room } = invite;
  const [existing] = useState(() => loadSession(room.roomId));
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const as = roleLabel(room, invite.role, invite.side);

  const join = async () => {
    const parsed = displayNameSchema.safeParse(name);
    if (!parsed.success) return setError('Enter the name others will see (up to 60 characters).');
    setBusy(true);
    setError(null);
    try {
      const session = await joinRoom(token, parsed.data);
      saveSession(session);
      clearStashedInviteToken();
      navigate(`/room/${encodeURIComponent(session.room.roomId)}`, { replace: true });
    } catch (err) {
      setError(describeApiError(err));
      setBusy(false);
    }
  };

  return (
    <PageShell
      title={`Join “${room.title}”`}
      intro={
        <p>
          You are joining <strong>{room.title}</strong> as <strong>{as}</strong>.
        </p>
      }
    >
      {existing && (
        <div className="banner banner-info">
          <p>
            This device already joined this room as <strong>{existing.name}</strong> (
            {roleLabel(room, existing.role, existing.side)}).
          </p>
          <button
            type="button"
            className="button"
            onClick={() => navigate(`/room/${encodeURIComponent(room.roomId)}`, { replace: true })}
          >
            Continue as {existing.name}
          </button>
        </div>
      )}
      <form
        className="card"
        aria-label="Join the room"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void join();
        }}
      >
        <TextField
          label="Your name"
          value={name}
          onChange={setName}
          required
          maxLength={60}
          autoFocus
          autoComplete="name"
          hint="Shown to everyone in the room next to what you do."
        />
        {error && <ErrorMessage title="Could not join." message={error} />}
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={busy}>
            {busy ? 'Joining…' : `Join as ${as}`}
          </button>
        </div>
      </form>
    </PageShell>
  );
}
