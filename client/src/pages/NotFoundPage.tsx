import { PageShell } from '../components/PageShell';

export function NotFoundPage() {
  return (
    <PageShell title="Nothing here">
      <p>This address is not part of Parley.</p>
      <p>
        <a href="/">Open a new room</a>, or use the invite link you were sent.
      </p>
    </PageShell>
  );
}
