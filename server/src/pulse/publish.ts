import type { PulseState } from '@parley/shared';
import { channel, type ControlServer, type ControlSocket } from '../control/types.js';
import { memberKey, type Identity } from '../rooms/identity.js';
import type { PulseEngine, PulseLink } from './engine.js';

/** Only side members answer pulses and send pause requests. */
export const isSide = (identity: Identity): boolean => identity.principal.role === 'side';

function socketsIn(io: ControlServer, roomId: string): ControlSocket[] {
  const ids = io.of('/').adapter.rooms.get(channel.room(roomId)) ?? new Set<string>();
  const sockets: ControlSocket[] = [];
  for (const id of ids) {
    const socket = io.of('/').sockets.get(id);
    if (socket?.data.identity) sockets.push(socket);
  }
  return sockets;
}

export function sideMemberKeys(io: ControlServer, roomId: string): string[] {
  const keys = new Set<string>();
  for (const socket of socketsIn(io, roomId)) {
    if (isSide(socket.data.identity)) keys.add(memberKey(socket.data.identity));
  }
  return [...keys];
}

/** The room's state as one member may see it: `youAnswered` only for a side member, only about themselves. */
export function stateFor(engine: PulseEngine, roomId: string, identity: Identity, memberKey: string): PulseState {
  const state = engine.state(roomId);
  return personalize(state, isSide(identity) ? engine.youAnswered(roomId, memberKey) : undefined);
}

function personalize(state: PulseState, youAnswered: boolean | undefined): PulseState {
  if (!state.open || youAnswered === undefined) return state;
  return { ...state, open: { ...state.open, youAnswered } };
}

/**
 * Publishes through socket.io. `pulse:state` goes once to each member's own channel
 * (every tab of that member), because `youAnswered` differs per member; `pause:requested`
 * goes to the facilitators' channel and carries only a count and a time.
 */
export function socketLink(io: ControlServer, engine: PulseEngine): PulseLink {
  return {
    sideMemberKeys: (roomId) => sideMemberKeys(io, roomId),
    changed(roomId) {
      const state = engine.state(roomId);
      const members = new Map<string, boolean>();
      for (const socket of socketsIn(io, roomId)) {
        members.set(memberKey(socket.data.identity), isSide(socket.data.identity));
      }
      for (const [key, isSide] of members) {
        const view = personalize(state, isSide ? engine.youAnswered(roomId, key) : undefined);
        io.to(channel.member(roomId, key)).emit('pulse:state', view);
      }
    },
    paused(roomId, pause) {
      io.to(channel.facilitators(roomId)).emit('pause:requested', pause);
    },
  };
}
