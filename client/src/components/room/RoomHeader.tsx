import { PHASE_LABELS } from '@parley/shared';
import type { Phase, Timer } from '@parley/shared';
import type { MouseEvent } from 'react';
import type { LinkStatus } from '../../hooks/useDocsStatus';
import { navigate } from '../../hooks/useLocation';
import type { Present } from '../../hooks/usePresence';
import { roleLabel } from '../../lib/labels';
import type { Session } from '../../lib/session';
import type { RoomUndo } from '../../lib/undo';
import { loadReportPage } from '../../pages/reportRoute';
import { TimerChip } from '../facilitation/TimerChip';
import { ConnectionBadge } from './ConnectionBadge';
import { PresenceList } from './PresenceList';
import { UndoControls } from './UndoControls';

interface RoomHeaderProps {
  session: Session;
  status: LinkStatus;
  phase: Phase;
  timer: Timer | null;
  others: Present[];
  undo: RoomUndo;
}

export function reportPath(roomId: string): string {
  return `/room/${encodeURIComponent(roomId)}/report`;
}

const preloadReport = () => void loadReportPage().catch(() => {});

/** Same-tab navigation keeps the room's connections open for the report page. */
function followInApp(event: MouseEvent<HTMLAnchorElement>): void {
  if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  event.preventDefault();
  navigate(event.currentTarget.pathname);
}

export function RoomHeader({ session, status, phase, timer, others, undo }: RoomHeaderProps) {
  const { room } = session;
  return (
    <header className="room-header">
      <div className="room-header-main">
        <a className="brand" href="/">
          Parley
        </a>
        <div className="room-title-block">
          <h1>{room.title}</h1>
          <p className="room-meta">
            <span>
              You are <strong>{session.name}</strong>, {roleLabel(room, session.role, session.side)}
            </span>
            <span>
              Phase: <strong>{PHASE_LABELS[phase]}</strong>
            </span>
            <TimerChip timer={timer} />
            {!room.mediated && <span>No mediator: both sides facilitate</span>}
          </p>
        </div>
        <div className="room-tools">
          <UndoControls undo={undo} />
          <a
            className="button"
            href={reportPath(room.roomId)}
            onClick={followInApp}
            onMouseEnter={preloadReport}
            onFocus={preloadReport}
          >
            Session report
          </a>
          <ConnectionBadge status={status} />
        </div>
      </div>
      <PresenceList
        room={room}
        self={{ name: session.name, role: session.role, ...(session.side ? { side: session.side } : {}) }}
        others={others}
      />
    </header>
  );
}
