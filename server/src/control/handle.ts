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
  registeredOn(socket).add(event);
  const listener = (...args: unknown[]) => {
    const { reply, payloads } = split(args);
    const fail = failWith(reply, log, event);
    try {
      // Refused before its payload is even parsed: a flood costs the server next to nothing.
      takeEvent(socket);
      if (payloads.length > 1) throw new ParleyError(ErrorCode.BadRequest, 'an event takes one payload');
      const payload = payloads[0];
      if (ArrayBuffer.isView(payload) || payload instanceof ArrayBuffer) {
        throw new ParleyError(ErrorCode.BadRequest, 'binary payloads are not part of the protocol');
      }
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
  (socket.on as (event: string, listener: (...args: unknown[]) => void) => void)(event, listener);
}

/**
 * Answers an event nobody registered with `bad_request`, when it asks for an ack, so a
 * client with a typo or from a newer version hears why instead of waiting for ever.
 * Call once every handler of the socket is registered.
 */
export function answerUnknownEvents(socket: ControlSocket, log: Logger): void {
  socket.onAny((event: string, ...args: unknown[]) => {
    if (registeredOn(socket).has(event)) return;
    const fail = failWith(split(args).reply, log, event);
    try {
      takeEvent(socket);
    } catch (refusal) {
      return fail(refusal);
    }
    fail(new ParleyError(ErrorCode.BadRequest, `unknown event ${JSON.stringify(event.slice(0, 64))}`));
  });
}

/** The events `on` registered per socket: socket.io itself listens to some names ("error"). */
const registered = new WeakMap<ControlSocket, Set<string>>();

function registeredOn(socket: ControlSocket): Set<string> {
  let events = registered.get(socket);
  if (!events) registered.set(socket, (events = new Set()));
  return events;
}

/** An event's arguments: its payloads, and the ack callback if the last one is a function. */
function split(args: unknown[]): { reply: (ack: Ack) => void; payloads: unknown[] } {
  const last = args.at(-1);
  if (typeof last !== 'function') return { reply: () => undefined, payloads: args };
  return { reply: last as (ack: Ack) => void, payloads: args.slice(0, -1) };
}

function takeEvent(socket: ControlSocket): void {
  if (!socket.data.events.take()) throw new ParleyError(ErrorCode.RateLimited, 'too many requests; slow down');
}

/** Acks a failure: a ParleyError as it is, anything else as `internal` (and logged). */
function failWith(reply: (ack: Ack) => void, log: Logger, event: string): (error: unknown) => void {
  return (error) => {
    if (!(error instanceof ParleyError)) log.error({ err: error, event }, 'control handler failed');
    const failure = error instanceof ParleyError ? error : new ParleyError(ErrorCode.Internal, 'internal error');
    reply({ ok: false, error: failure.toBody() });
  };
}
