import type { CreateRoomBody, CreateRoomResponse } from '@parley/shared';
import { useState } from 'react';
import { PageShell } from '../components/PageShell';
import { CreateRoomForm } from '../components/home/CreateRoomForm';
import { InviteLinks } from '../components/home/InviteLinks';

export function HomePage() {
  const [result, setResult] = useState<{ created: CreateRoomResponse; body: CreateRoomBody } | null>(null);
  return (
    <PageShell
      title="Open a negotiation room"
      intro={
        <p>
          Two sides lay out positions, interests and constraints on a shared board, build options together and agree who
          does what. No accounts: each role gets its own invite link.
        </p>
      }
    >
      {result ? (
        <InviteLinks created={result.created} body={result.body} onAnother={() => setResult(null)} />
      ) : (
        <CreateRoomForm onCreated={(created, body) => setResult({ created, body })} />
      )}
    </PageShell>
  );
}
