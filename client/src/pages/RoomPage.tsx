import { CloseCode, FACILITATION_DEFAULTS, RECORDS } from '@parley/shared';
import { useEffect, useState } from 'react';
import { AccessEnded } from '../components/room/AccessEnded';
import { RoomHeader } from '../components/room/RoomHeader';
import { SideBoard } from '../components/board/SideBoard';
import { JointSpace } from '../components/joint/JointSpace';
import type { ControlStatus } from '../hooks/useControl';
import { useControl } from '../hooks/useControl';
import type { DocsStatus, LinkStatus } from '../hooks/useDocsStatus';
import { useDocsStatus } from '../hooks/useDocsStatus';
import { usePresence } from '../hooks/usePresence';
import { useRecord } from '../hooks/useRecord';
import { RoomContext, useRoom } from '../hooks/useRoom';
import { useRoomDocs } from '../hooks/useRoomDocs';
import type { Session } from '../lib/session';
import { forgetSession, loadSession } from '../lib/session';
import { NoSession } from './NoSession';

export function RoomPage({ roomId }: { roomId: string }) {
  const [session, setSession] = useState(() => loadSession(roomId));
  if (!session) return <NoSession />;
  return (
    <RoomView
      session={session}
      onForget={() => {
        forgetSession(roomId);
        setSession(null);
      }}
    />
  );
}

function overallStatus(docs: LinkStatus, control: ControlStatus): LinkStatus {
  if (docs === 'ended' || control === 'revoked' || control === 'refused') return 'ended';
  if (docs === 'offline' || control === 'offline') return 'offline';
  return docs === 'live' && control === 'live' ? 'live' : 'connecting';
}

const CLOSE_REASONS: Partial<Record<number, string>> = {
  [CloseCode.Unauthorized]:
    'This member link is no longer valid; the invite may have been replaced. Ask for a new invite link.',
  [CloseCode.Forbidden]: 'The server says this role may not open part of the room.',
  [CloseCode.NotFound]: 'The server does not know this room any more.',
  [CloseCode.TooLarge]: 'A change was too large to save. Reload the page to continue without it.',
  [CloseCode.BadMessage]: 'The server could not read a message from this tab. Reload the page.',
};

/** Why access ended, when the server has said so for good; null while things may still recover. */
function accessEnded(docs: DocsStatus, control: { status: ControlStatus; error: string | null }): string | null {
  if (control.status === 'revoked' || control.status === 'refused')
    return CLOSE_REASONS[CloseCode.Unauthorized] ?? null;
  if (docs.closed) return CLOSE_REASONS[docs.closed.code] ?? `The server closed the connection (${docs.closed.code}).`;
  return null;
}

function RoomView({ session, onForget }: { session: Session; onForget: () => void }) {
  const docs = useRoomDocs(session);
  const docsStatus = useDocsStatus(docs);
  const control = useControl(session);

  useEffect(() => {
    document.title = `${session.room.title} — Parley`;
    return () => {
      document.title = 'Parley';
    };
  }, [session.room.title]);

  if (!docs) {
    return (
      <p className="page-message" role="status">
        Opening the room…
      </p>
    );
  }
  const ended = accessEnded(docsStatus, control);
  return (
    <RoomContext.Provider value={{ session, docs }}>
      <RoomLayout status={overallStatus(docsStatus.status, control.status)} ended={ended} onForget={onForget} />
    </RoomContext.Provider>
  );
}

function RoomLayout({ status, ended, onForget }: { status: LinkStatus; ended: string | null; onForget: () => void }) {
  const { session, docs } = useRoom();
  const others = usePresence(docs.joint, session.memberId);
  const { phase } = useRecord(docs.facilitation.doc, 'state', RECORDS.facilitation.state, FACILITATION_DEFAULTS);

  return (
    <div className="room">
      <RoomHeader session={session} status={status} phase={phase} others={others} />
      {ended && <AccessEnded reason={ended} onForget={onForget} />}
      {/* Once access has ended, edits could never reach the server: the board stays readable but inert. */}
      <main className="room-columns" inert={ended !== null}>
        <SideBoard side="a" />
        <JointSpace />
        <SideBoard side="b" />
      </main>
    </div>
  );
}
