import type { IncomingMessage } from 'node:http';

/**
 * WebSocket and socket.io upgrades from browsers carry an Origin. Same-host origins and
 * the configured allow-list may connect; a page elsewhere may not ride a visitor's
 * invite link. Clients without an Origin (servers, tests, native apps) are not browsers
 * and hold their own tokens.
 */
export function originPolicy(allowed: string[]): (req: IncomingMessage) => boolean {
  const list = new Set(allowed.map((o) => o.replace(/\/$/, '')));
  return (req) => {
    const origin = req.headers.origin;
    if (!origin) return true;
    if (list.has(origin)) return true;
    try {
      return new URL(origin).host === req.headers.host;
    } catch {
      return false;
    }
  };
}
