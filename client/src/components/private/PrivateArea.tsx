import { sideName } from '@parley/shared';
import { useRoom } from '../../hooks/useRoom';
import { MediatorNotes } from './MediatorNotes';
import { PrivatePanel } from './PrivatePanel';

/**
 * Whichever private notes this member has: their own side's, or the mediator's.
 * The role is checked as well as the doc, so a mis-wired doc never shows up on the
 * wrong screen: a side member sees only the private doc of their own side.
 */
export function PrivateArea() {
  const { session, docs } = useRoom();
  if (session.role === 'side' && session.side && docs.private?.scope.side === session.side && docs.private.writable) {
    return (
      <PrivatePanel
        side={session.side}
        sideName={sideName(session.room, session.side)}
        handle={docs.private}
        board={docs.sides[session.side]}
        undo={docs.undo}
      />
    );
  }
  if (session.role === 'mediator' && docs.mediator) return <MediatorNotes handle={docs.mediator} />;
  return null;
}
