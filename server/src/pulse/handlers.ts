import {
  ErrorCode,
  canFacilitate,
  emptyPayloadSchema,
  pulseAnswerSchema,
  pulseCloseSchema,
  pulseScheduleSchema,
  pulseSettingsSchema,
  pulseStartSchema,
  type PulseState,
} from '@parley/shared';
import { on } from '../control/handle.js';
import type { ControlServer, ControlSocket } from '../control/types.js';
import { ParleyError } from '../errors.js';
import type { Logger } from '../log.js';
import { memberKey, type Identity } from '../rooms/identity.js';
import type { PulseEngine } from './engine.js';
import { isSide, sideMemberKeys, stateFor } from './publish.js';

const facilitatorOnly = (identity: Identity) => {
  if (!canFacilitate(identity.principal, identity.room)) {
    throw new ParleyError(ErrorCode.Forbidden, 'only the facilitator runs pulse checks');
  }
};
const sideOnly = (identity: Identity, what: string) => {
  if (!isSide(identity)) throw new ParleyError(ErrorCode.Forbidden, `only side members ${what}`);
};

/** `pulse:*` and `pause:*` for one socket. Who is asking comes from the socket's token, never from the payload. */
export function registerPulseHandlers(
  io: ControlServer,
  socket: ControlSocket,
  engine: PulseEngine,
  log: Logger,
): void {
  const { identity } = socket.data;
  const roomId = identity.room.roomId;
  const myKey = memberKey(identity);
  const myState = (): PulseState => stateFor(engine, roomId, identity, myKey);

  on(socket, log, 'pulse:get', emptyPayloadSchema, () => ({ state: myState() }));

  on(socket, log, 'pulse:start', pulseStartSchema, (payload, who) => {
    facilitatorOnly(who);
    return { pulse: engine.start(roomId, payload, sideMemberKeys(io, roomId)) };
  });
  on(socket, log, 'pulse:close', pulseCloseSchema, ({ pulseId }, who) => {
    facilitatorOnly(who);
    return { pulse: engine.close(roomId, pulseId) };
  });
  on(socket, log, 'pulse:schedule', pulseScheduleSchema, ({ everyMinutes, windowSec }, who) => {
    facilitatorOnly(who);
    engine.schedule(roomId, everyMinutes, windowSec);
    return { state: myState() };
  });
  on(socket, log, 'pulse:unschedule', emptyPayloadSchema, (_payload, who) => {
    facilitatorOnly(who);
    engine.unschedule(roomId);
    return { state: myState() };
  });
  on(socket, log, 'pulse:settings', pulseSettingsSchema, ({ minAnswers }, who) => {
    facilitatorOnly(who);
    engine.setMinAnswers(roomId, minAnswers);
    return { state: myState() };
  });
  on(socket, log, 'pulse:answer', pulseAnswerSchema, ({ pulseId, ratings }, who) => {
    sideOnly(who, 'answer pulse checks');
    engine.answer(roomId, pulseId, myKey, ratings);
    return {};
  });

  on(socket, log, 'pause:request', emptyPayloadSchema, (_payload, who) => {
    sideOnly(who, 'send pause requests');
    // Guests on one invite share a limit, so reconnecting does not reset it.
    engine.requestPause(roomId, memberKey(who));
    return {};
  });
  on(socket, log, 'pause:get', emptyPayloadSchema, (_payload, who) => {
    facilitatorOnly(who);
    return { state: engine.pauseState(roomId) };
  });
}
