import type { z } from 'zod';
import { ErrorCode, type Ack, type ClientToServerEvents } from '@parley/shared';
import { ParleyError, badRequest } from '../errors.js';
import type { Logger } from '../log.js';
import type { Identity } from '../rooms/identity.js';
import type { ControlSocket } from './types.js';

type AckOf<E extends keyof ClientToServerEvents> = Parameters<Parameters<ClientToServerEvents[E]>[1]>[0];
type Success<E extends keyof ClientToServerEvents> = Omit<Extract<AckOf<E>, { ok: true }>, 'ok'>;

/**
 * Registers one control-plane event: the socket's rate is checked, the payload is
 * parsed with its schema, the handler runs with the socket's server-established
 * identity, and whatever happens the client gets exactly one ack — `{ ok: true, ... }`
 * or `{ ok: false, error }`. A handler that throws never takes the process down.
 */
export function on<E extends keyof ClientToServerEvents, P>(
  socket: ControlSocket,
  log: Logger,
  event: E,
  schema: z.ZodType<P>,
  handler: (payload: P, identity: Identity) => Success<E> | Promise<Success<E>>,
): void {
  const listener = (payload: unknown, cb: unknown) => {
    const reply = typeof cb === 'function' ? (cb as (ack: Ack) => void) : () => undefined;
    const fail = (error: unknown) => {
      if (!(error instanceof ParleyError)) log.error({ err: error, event }, 'control handler failed');
      const failure = error instanceof ParleyError ? error : new ParleyError(ErrorCode.Internal, 'internal error');
      reply({ ok: false, error: failure.toBody() });
    };
    try {
      // Refused before its payload is even parsed: a flood costs the server next to nothing.
      if (!socket.data.events.take()) throw new ParleyError(ErrorCode.RateLimited, 'too many requests; slow down');
      const parsed = schema.safeParse(payload ?? {});
      if (!parsed.success) throw badRequest(parsed.error.issues);
      Promise.resolve(handler(parsed.data, socket.data.identity)).then(
        (result) => reply({ ok: true, ...result }),
        fail,
      );
    } catch (error) {
      fail(error);
    }
  };
  // socket.io's typed `on` cannot see through the generic E; the listener checks everything itself.
  (socket.on as (event: string, listener: (payload: unknown, cb: unknown) => void) => void)(event, listener);
}
