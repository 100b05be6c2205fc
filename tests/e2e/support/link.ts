import { createServer, connect, type Server, type Socket } from 'node:net';
import { trackServer } from '../../helpers/cleanup.js';

/**
 * One person's network path to the server: a TCP relay on its own port, which a test
 * can cut and restore. Cutting it ends every connection through it at once and refuses
 * new ones, as a dropped Wi-Fi does. Browser offline emulation alone only freezes open
 * WebSockets (their frames wait and are delivered later), so without a real cut the
 * client's reconnect-and-resync path would never run.
 */
export interface Link {
  /** `http://127.0.0.1:<relay port>`: the same server, reached through this link. */
  readonly url: string;
  /** Rewrites a server URL (e.g. an invite link) to go through this link. */
  via(serverUrl: string): string;
  /** How many connections are open through the link right now. */
  readonly open: number;
  cut(): void;
  restore(): void;
}

export async function openLink(targetPort: number): Promise<Link> {
  const pairs = new Set<[Socket, Socket]>();
  let up = true;
  const server: Server = createServer((inbound) => {
    if (!up) {
      inbound.destroy();
      return;
    }
    const outbound = connect(targetPort, '127.0.0.1');
    const pair: [Socket, Socket] = [inbound, outbound];
    pairs.add(pair);
    const end = () => {
      pairs.delete(pair);
      inbound.destroy();
      outbound.destroy();
    };
    inbound.on('error', end).on('close', end);
    outbound.on('error', end).on('close', end);
    inbound.pipe(outbound);
    outbound.pipe(inbound);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('the link got no TCP port');
  const url = `http://127.0.0.1:${address.port}`;

  const cutAll = () => {
    for (const [inbound, outbound] of pairs) {
      inbound.destroy();
      outbound.destroy();
    }
    pairs.clear();
  };
  trackServer(
    () =>
      new Promise<void>((resolve) => {
        cutAll();
        server.close(() => resolve());
      }),
  );

  return {
    url,
    via(serverUrl) {
      const parsed = new URL(serverUrl);
      return `${url}${parsed.pathname}${parsed.search}${parsed.hash}`;
    },
    get open() {
      return pairs.size;
    },
    cut() {
      up = false;
      cutAll();
    },
    restore() {
      up = true;
    },
  };
}
