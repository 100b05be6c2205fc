import { PageShell } from '../components/PageShell';

/** The room page without a stored session: the way in is an invite link. */
export function NoSession() {
  return (
    <PageShell title="Join with your invite link">
      <p>
        This device has not joined this room yet. To take part, open the invite link you were sent — it looks like{' '}
        <code>…/join#…</code> — and choose the name others will see.
      </p>
      <p>If you do not have a link, ask the mediator or the person who created the room to send you one.</p>
      <p>
        <a href="/">Start a new room instead</a>
      </p>
    </PageShell>
  );
}
