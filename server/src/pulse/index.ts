import type { ControlServer, ControlSocket } from '../control/types.js';
import type { Logger } from '../log.js';
import type { PulseEngine } from './engine.js';
import { registerPulseHandlers } from './handlers.js';
import { socketLink } from './publish.js';

export { PulseEngine, hashKey, type PulseLink } from './engine.js';
export { PULSE_WRITES, openPulseStore, type PulseStore } from './store.js';

export interface PulseDomainDeps {
  engine: PulseEngine;
  log: Logger;
}

/**
 * The pulse-check and pause-request domain of the control plane. The engine is linked
 * to the socket.io server on the first connection: before anyone connects there is
 * nobody to answer a scheduled pulse or to be told about one.
 */
export function pulseDomain({ engine, log }: PulseDomainDeps): (io: ControlServer, socket: ControlSocket) => void {
  let linked: ControlServer | null = null;
  return (io, socket) => {
    if (linked !== io) {
      linked = io;
      engine.attach(socketLink(io, engine));
    }
    registerPulseHandlers(io, socket, engine, log);
  };
}
