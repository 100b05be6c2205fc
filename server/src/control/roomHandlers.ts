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

/** `room:*` and `timeline:*`: joining the room's channels, the member list, the timeline. */
export function registerRoomHandlers(io: ControlServer, socket: ControlSocket, timeline: Timeline, log: Logger): void {
  const { identity } = socket.data;
  const roomId = identity.room.roomId;
  void socket.join(channel.room(roomId));
  if (canFacilitate(identity.principal, identity.room)) void socket.join(channel.facilitators(roomId));
  void socket.join(channel.member(roomId, memberKey(identity)));

  const broadcastMembers = () =>
    void membersOf(io, roomId).then(
      (members) => io.to(channel.room(roomId)).emit('room:members', members),
      (error: unknown) => log.warn({ err: error }, 'could not list members'),
    );
  broadcastMembers();
  socket.on('disconnect', broadcastMembers);

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
