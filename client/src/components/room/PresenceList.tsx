import { sideName } from '@parley/shared';
import type { Role, RoomSummary, SideId } from '@parley/shared';
import type { Present } from '../../hooks/usePresence';

interface PresenceListProps {
  room: RoomSummary;
  self: { name: string; role: Role; side?: SideId };
  others: Present[];
}

function shortRole(room: RoomSummary, role: Role, side?: SideId): string {
  if (role === 'side' && side) return sideName(room, side);
  return role === 'mediator' ? 'Mediator' : 'Observer';
}

function tone(role: Role, side?: SideId): string {
  return role === 'side' && side ? `side-${side}` : role;
}

/** Who is in the room right now, on which side; the member's own entry first. */
export function PresenceList({ room, self, others }: PresenceListProps) {
  const people = [{ key: 'self', ...self, you: true }, ...others.map((p) => ({ ...p, you: false }))];
  return (
    <div className="presence">
      <span className="presence-label" aria-hidden="true">
        In the room
      </span>
      <ul
        className="presence-list"
        aria-label={`In the room: ${people.length} ${people.length === 1 ? 'person' : 'people'}`}
      >
        {people.map((person) => (
          <li key={person.key} className={`person tone-${tone(person.role, person.side)}`}>
            <span className="avatar" aria-hidden="true">
              {person.name.trim().charAt(0).toUpperCase() || '?'}
            </span>
            <span className="person-name">
              {person.name}
              {person.you && <span className="person-you"> (you)</span>}
            </span>
            <span className="person-role">{shortRole(room, person.role, person.side)}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
