import { sideName, type SideId } from '@parley/shared';
import type { Session } from '../../lib/session';

/**
 * The board's three columns in the section links (shown on narrow screens, where they
 * stack): a side member's own board first, since on a phone it is otherwise two long
 * columns down.
 */
export function BoardLinks({ session }: { session: Session }) {
  const own = session.role === 'side' ? session.side : null;
  const link = (side: SideId) => (
    <a key={side} href={`#board-${side}`}>
      {side === own ? `Your side: ${sideName(session.room, side)}` : sideName(session.room, side)}
    </a>
  );
  const others = (['a', 'b'] as const).filter((side) => side !== own);
  return (
    <>
      {own && link(own)}
      <a href="#board-joint">Joint space</a>
      {others.map(link)}
    </>
  );
}
