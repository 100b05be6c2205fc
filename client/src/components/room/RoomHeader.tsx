import type { Session } from '../../lib/session';
import type { LinkStatus } from '../../hooks/useDocsStatus';
import type { Present } from '../../hooks/usePresence';
import { PHASE_LABELS, roleLabel } from '../../lib/labels';
import type { Phase } from '@parley/shared';
import { ConnectionBadge } from './ConnectionBadge';
import { PresenceList } from './PresenceList';

interface RoomHeaderProps {
  session: Session;
  status: LinkStatus;
  phase: Phase;
  others: Present[];
}

export function RoomHeader({ session, status, phase, others }: RoomHeaderProps) {
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
            {!room.mediated && <span>No mediator: both sides facilitate</span>}
          </p>
        </div>
        <ConnectionBadge status={status} />
      </div>
      <PresenceList
        room={room}
        self={{ name: session.name, role: session.role, ...(session.side ? { side: session.side } : {}) }}
        others={others}
      />
    </header>
  );
}
