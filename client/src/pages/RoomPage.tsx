import { CloseCode, canFacilitate } from '@parley/shared';
import { Suspense, lazy, useMemo, useState } from 'react';
import { SideBoard } from '../components/board/SideBoard';
import { FacilitationPanel } from '../components/facilitation/FacilitationPanel';
import { useFacilitation } from '../components/facilitation/useFacilitation';
import { JointSpace } from '../components/joint/JointSpace';
import { PrivateArea } from '../components/private/PrivateArea';
import { AccessEnded } from '../components/room/AccessEnded';
import { BoardLinks } from '../components/room/BoardLinks';
import { PanelBoundary, retrying } from '../components/room/PanelBoundary';
import { RoomHeader } from '../components/room/RoomHeader';
import { TimelinePanel } from '../components/timeline/TimelinePanel';
import { useCollection } from '../hooks/useCollection';
import type { Control, ControlStatus } from '../hooks/useControl';
import { useControl } from '../hooks/useControl';
import type { DocsStatus, LinkStatus } from '../hooks/useDocsStatus';
import { useDocsStatus } from '../hooks/useDocsStatus';
import { usePause } from '../hooks/usePause';
import { usePresence } from '../hooks/usePresence';
import { usePulse } from '../hooks/usePulse';
import { RoomContext, useRoom } from '../hooks/useRoom';
import { useDocumentTitle } from '../hooks/useDocumentTitle';
import { forgetLocalCopies, useRoomDocs } from '../hooks/useRoomDocs';
import { useUndoShortcuts } from '../hooks/useUndo';
import type { Session } from '../lib/session';
import { forgetSession, loadSession, principalOf } from '../lib/session';
import { NoSession } from './NoSession';
import { OpeningRoom } from './OpeningRoom';

// The pulse panel and its chart arithmetic (d3) arrive just after the board, keeping
// the first download small; the report page shares the same chart chunk.
const loadPulsePanel = retrying(() =>
  import('../components/pulse/PulsePanel').then((m) => ({ default: m.PulsePanel })),
);
const LazyPulsePanel = lazy(loadPulsePanel);

export function RoomPage({ roomId }: { roomId: string }) {
  const [session, setSession] = useState(() => loadSession(roomId));
  if (!session) return <NoSession />;
  return (
    <RoomView
      session={session}
      onForget={() => {
        forgetSession(roomId);
        // Private notes and drafts kept for offline use go too.
        forgetLocalCopies(session);
        setSession(null);
      }}
    />
  );
}

function overallStatus(docs: LinkStatus, control: ControlStatus): LinkStatus {
  if (docs === 'ended' || control === 'revoked' || control === 'refused' || control === 'deleted') return 'ended';
  if (docs === 'unsaved') return 'unsaved';
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
  if (control.status === 'deleted') {
    return 'Whoever created this room has deleted it: everything in it is erased from the server. What this device still shows can be forgotten here too.';
  }
  if (control.status === 'revoked' || control.status === 'refused')
    return CLOSE_REASONS[CloseCode.Unauthorized] ?? null;
  if (docs.closed) return CLOSE_REASONS[docs.closed.code] ?? `The server closed the connection (${docs.closed.code}).`;
  return null;
}

function RoomView({ session, onForget }: { session: Session; onForget: () => void }) {
  const docs = useRoomDocs(session);
  const docsStatus = useDocsStatus(docs);
  const control = useControl(session);

  useDocumentTitle(`${session.room.title} — Parley`);

  if (!docs) {
    return <OpeningRoom />;
  }
  const ended = accessEnded(docsStatus, control);
  return (
    <RoomContext.Provider value={{ session, docs }}>
      <RoomLayout
        status={overallStatus(docsStatus.status, control.status)}
        ended={ended}
        onForget={onForget}
        control={control}
      />
    </RoomContext.Provider>
  );
}

interface RoomLayoutProps {
  status: LinkStatus;
  ended: string | null;
  onForget: () => void;
  control: Control;
}

/**
 * The three board columns with a rail beside them (facilitation, pulse, private notes,
 * timeline). On narrower screens the rail moves below the board and the section links
 * under the header reach it.
 */
function RoomLayout({ status, ended, onForget, control }: RoomLayoutProps) {
  const { session, docs } = useRoom();
  const others = usePresence(docs.joint, session.memberId);
  const facilitation = useFacilitation(docs.facilitation);
  const agreementItems = useCollection(docs.joint, 'agreements').items;
  const pulse = usePulse(control.socket);
  useUndoShortcuts(docs.undo, ended === null);

  const you = useMemo(() => principalOf(session), [session]);
  const agreements = useMemo(
    () => agreementItems.flatMap((i) => (i.ok ? [{ text: i.value.text, at: i.value.createdAt }] : [])),
    [agreementItems],
  );
  // "Try again" after a failed load needs a fresh lazy component: React keeps the failure.
  const [PulsePanel, setPulsePanel] = useState(() => LazyPulsePanel);
  const open = pulse.state?.open;
  const pulseWaiting = open && session.role === 'side' && !open.youAnswered;
  // On a narrow screen the pulse panel is far below: the section link tells a facilitator of a pause request.
  const pause = usePause(control.socket, canFacilitate(you, session.room));
  const pulseNote = pulseWaiting ? ' — open, answer it' : pause.unseen > 0 ? ' — a pause is requested' : '';
  const sidesPresent = useMemo(() => control.members.filter((m) => m.role === 'side').length, [control.members]);

  return (
    <div className="room">
      <RoomHeader
        session={session}
        status={status}
        phase={facilitation.phase}
        timer={facilitation.timer}
        others={others}
        undo={docs.undo}
      />
      {ended && <AccessEnded reason={ended} onForget={onForget} />}
      {status === 'unsaved' && (
        <p className="banner banner-error">
          <span>
            <strong>Changes are not being saved.</strong> The server cannot store them right now. Yours stay on this
            device and are shared as soon as it can; tell whoever runs the server.
          </span>
        </p>
      )}
      <nav className="room-sections" aria-label="Room sections">
        <BoardLinks session={session} />
        <a href="#facilitation">Facilitation</a>
        <a href="#pulse" className={pulseNote ? 'section-attention' : undefined}>
          Pulse check{pulseNote}
        </a>
        {(docs.private || docs.mediator) && <a href="#private-notes">Private notes</a>}
        <a href="#timeline">Timeline</a>
      </nav>
      {/* Once access has ended, edits could never reach the server: the room stays readable but inert. */}
      <div className="room-body" inert={ended !== null}>
        <main className="room-board" id="board" tabIndex={-1}>
          <div className="room-columns">
            <SideBoard side="a" />
            <JointSpace />
            <SideBoard side="b" />
          </div>
        </main>
        <div className="room-rail">
          <FacilitationPanel facilitation={facilitation} />
          <div id="pulse" className="rail-slot">
            <PanelBoundary what="The pulse check" onRetry={() => setPulsePanel(() => lazy(loadPulsePanel))}>
              <Suspense
                fallback={
                  <p className="rail-panel empty" role="status">
                    Loading the pulse check…
                  </p>
                }
              >
                <PulsePanel
                  socket={control.socket}
                  you={you}
                  mediated={session.room.mediated}
                  sidesPresent={sidesPresent}
                  phaseChanges={facilitation.history}
                  agreements={agreements}
                />
              </Suspense>
            </PanelBoundary>
          </div>
          <PrivateArea />
          <TimelinePanel socket={control.socket} room={session.room} />
        </div>
      </div>
    </div>
  );
}
