import { z } from 'zod';

/**
 * Who may read and write which document. A room is several Yjs documents, one per
 * permission scope, so access control is a property of the connection and never a
 * filter on CRDT internals.
 */

export const SIDE_IDS = ['a', 'b'] as const;
export const sideIdSchema = z.enum(SIDE_IDS);
export type SideId = z.infer<typeof sideIdSchema>;

export const roleSchema = z.enum(['mediator', 'side', 'observer']);
export type Role = z.infer<typeof roleSchema>;

/** The room-level identity behind a connection, as established by the server from a token. */
export interface Principal {
  role: Role;
  /** Present exactly when role is 'side'. */
  side?: SideId;
}

export const roomIdSchema = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'room id must be 8–64 URL-safe characters');

export type DocScope =
  | { kind: 'joint' }
  | { kind: 'side'; side: SideId }
  | { kind: 'private'; side: SideId }
  | { kind: 'facilitation' }
  | { kind: 'mediator' };
export type ScopeKind = DocScope['kind'];

export function docName(roomId: string, scope: DocScope): string {
  switch (scope.kind) {
    case 'side':
    case 'private':
      return `${roomId}/${scope.kind}/${scope.side}`;
    case 'joint':
    case 'facilitation':
    case 'mediator':
      return `${roomId}/${scope.kind}`;
    default:
      return assertNever(scope);
  }
}

/** Parses `R/joint`, `R/side/a`, ... and returns null for anything else. */
export function parseDocName(name: string): { roomId: string; scope: DocScope } | null {
  const parts = name.split('/');
  const roomId = parts[0];
  if (roomId === undefined || !roomIdSchema.safeParse(roomId).success) return null;
  if (parts.length === 2) {
    const kind = parts[1];
    if (kind === 'joint' || kind === 'facilitation' || kind === 'mediator') return { roomId, scope: { kind } };
    return null;
  }
  if (parts.length === 3) {
    const kind = parts[1];
    const side = sideIdSchema.safeParse(parts[2]);
    if ((kind === 'side' || kind === 'private') && side.success) return { roomId, scope: { kind, side: side.data } };
  }
  return null;
}

/** Every document of a room, in a stable order. */
export function roomScopes(mediated: boolean): DocScope[] {
  const scopes: DocScope[] = [{ kind: 'joint' }, { kind: 'facilitation' }];
  for (const side of SIDE_IDS) scopes.push({ kind: 'side', side }, { kind: 'private', side });
  if (mediated) scopes.push({ kind: 'mediator' });
  return scopes;
}

interface RoomContext {
  /** Whether the room has a mediator; without one, both sides share facilitation. */
  mediated: boolean;
}

type Rule = (who: Principal, scope: DocScope, room: RoomContext) => boolean;

const everyone: Rule = () => true;
const nobodyButSides: Rule = (who) => who.role === 'side';
const sidesAndMediator: Rule = (who) => who.role === 'side' || who.role === 'mediator';
const ownSide: Rule = (who, scope) => who.role === 'side' && 'side' in scope && who.side === scope.side;
const mediatorOnly: Rule = (who) => who.role === 'mediator';
const facilitator: Rule = (who, _scope, room) => (room.mediated ? who.role === 'mediator' : who.role === 'side');

/**
 * The permission table. Read it as the contract in docs/ARCHITECTURE.md:
 *
 * | doc              | read              | write                                   |
 * | R/joint          | everyone in R     | sides, mediator                         |
 * | R/side/<s>       | everyone in R     | that side's members                     |
 * | R/private/<s>    | that side         | that side                               |
 * | R/facilitation   | everyone in R     | mediator (both sides when there is none) |
 * | R/mediator       | mediator          | mediator                                |
 */
export const PERMISSIONS: Record<ScopeKind, { read: Rule; write: Rule }> = {
  joint: { read: everyone, write: sidesAndMediator },
  side: { read: everyone, write: ownSide },
  private: { read: ownSide, write: ownSide },
  facilitation: { read: everyone, write: facilitator },
  mediator: { read: mediatorOnly, write: mediatorOnly },
};

export function canRead(who: Principal, scope: DocScope, room: RoomContext): boolean {
  return PERMISSIONS[scope.kind].read(who, scope, room);
}

export function canWrite(who: Principal, scope: DocScope, room: RoomContext): boolean {
  return PERMISSIONS[scope.kind].write(who, scope, room);
}

/** Whether this principal runs the room's facilitation controls (phases, timer, pulses). */
export function canFacilitate(who: Principal, room: RoomContext): boolean {
  return facilitator(who, { kind: 'facilitation' }, room);
}

/** Only side members answer pulses and send pause requests. */
export const isSideMember = nobodyButSides;

export function assertNever(value: never): never {
  throw new Error(`unexpected value: ${JSON.stringify(value)}`);
}
