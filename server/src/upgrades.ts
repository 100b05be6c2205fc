import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Logger } from './log.js';

/** Takes over an upgrade whose URL was parsed and whose socket has an error listener. */
export type UpgradeHandler = (req: IncomingMessage, socket: Duplex, head: Buffer, url: URL) => void;

export interface UpgradeRoute {
  /** The path prefix this route owns, e.g. `/yjs/`. */
  prefix: string;
  /** Omitted when another 'upgrade' listener on the server answers these (socket.io's engine). */
  handle?: UpgradeHandler;
}

const STATUS_TEXT = {
  400: 'Bad Request',
  403: 'Forbidden',
  404: 'Not Found',
  503: 'Service Unavailable',
} as const;

/**
 * The server's one own 'upgrade' listener. Node hands an upgrade's raw socket to these
 * listeners and to nothing else: no error listener is left on it, so a client that
 * resets the connection would crash the process, and an upgrade nobody answers would
 * hold its socket open for good (socket.io is told to leave upgrades it does not own
 * alone, since those may be /yjs). So every upgrade gets an error listener first, a
 * path no route owns is answered with a 404 and closed, and a handler gets the URL
 * parsed (a malformed one is a 400, not an exception). Routes match the request line's
 * path as sent, as socket.io's engine matches its own.
 */
export function routeUpgrades(server: Server, routes: readonly UpgradeRoute[], log: Logger): void {
  // One listener for every socket, rather than a closure per upgrade kept for its lifetime.
  const onSocketError = (error: Error) => log.debug({ err: error }, 'upgrade socket error');
  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', onSocketError);
    const target = req.url ?? '/';
    const route = routes.find((r) => target.startsWith(r.prefix));
    if (!route) return refuseUpgrade(socket, 404);
    if (!route.handle) return;
    let url: URL;
    try {
      url = new URL(target, 'http://localhost');
    } catch {
      return refuseUpgrade(socket, 400);
    }
    route.handle(req, socket, head, url);
  });
}

/** Answers an upgrade with a plain HTTP error and closes its socket. */
export function refuseUpgrade(socket: Duplex, status: keyof typeof STATUS_TEXT): void {
  socket.end(`HTTP/1.1 ${status} ${STATUS_TEXT[status]}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}
