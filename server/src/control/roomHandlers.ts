import {
  PROTOCOL_VERSION,
  canFacilitate,
  emptyPayloadSchema,
  timelineListSchema,
  type MemberView,
} from '@parley/shared';
import type { Logger } from '../log.js';
import { memberKey, memberView } from '../rooms/identity.js';
import type { Timeline } from '../timeline/timeline.js';
import { on } from './handle.js';
import { channel, type ControlServer, type ControlSocket } from './types.js';

/** Who is connected to a room's control plane, one entry per member. */
export async function membersOf(io: ControlServer, roomId: string): Promise<MemberView[]> {
  const sockets = await io.in(channel.room(roomId)).fetchSockets();
  const byId = new Map<string, MemberView>();
  for (const s of sockets) {
    const view = memberView(s.data.identity);
    byId.set(view.memberId, view);
  }
  return [...byId.values()];
}

/** How long arrivals and departures in one room are gathered into one member list. */
export const MEMBERS_GATHER_MS = 50;

/**
 * Sends a room's member list to everyone in it once people have arrived or left. Each
 * list goes to every socket in the room, so one per arrival would cost the square of the
 * room's size when many arrive at once (everyone reconnecting after a restart); the
 * changes of MEMBERS_GATHER_MS are told in one list instead.
 */
export function memberAnnouncer(io: ControlServer, log: Logger): (roomId: string) => void {
  const due = new Set<string>();
  const announce = (roomId: string) => {
    due.delete(roomId);
    membersOf(io, roomId).then(
      (members) => io.to(channel.room(roomId)).emit('room:members', members),
      (error: unknown) => log.warn({ err: error }, 'could not list members'),
    );
  };
  return (roomId) => {
    if (due.has(roomId)) return;
    due.add(roomId);
    setTimeout(announce, MEMBERS_GATHER_MS, roomId).unref();
  };
}

/** `room:*` and `timeline:*`: joining the room's channels, the member list, the timeline. */
export function registerRoomHandlers(
  io: ControlServer,
  socket: ControlSocket,
  { timeline, log, membersChanged }: { timeline: Timeline; log: Logger; membersChanged: (roomId: string) => void },
): void {
  const { identity } = socket.data;
  const roomId = identity.room.roomId;
  void socket.join(channel.room(roomId));
  if (canFacilitate(identity.principal, identity.room)) void socket.join(channel.facilitators(roomId));
  void socket.join(channel.member(roomId, memberKey(identity)));

  membersChanged(roomId);
  socket.on('disconnect', () => membersChanged(roomId));

  on(socket, log, 'room:hello', emptyPayloadSchema, async () => ({
    you: memberView(identity),
    members: await membersOf(io, roomId),
    protocol: PROTOCOL_VERSION,
    serverTime: Date.now(),
  }));
  on(socket, log, 'timeline:list', timelineListSchema, ({ beforeSeq, limit }) => ({
    entries: timeline.list(roomId, beforeSeq, limit ?? 100),
  }));
}
