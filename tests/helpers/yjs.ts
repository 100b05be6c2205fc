import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { trackClient } from './cleanup.js';
import type { TestServer } from './server.js';
import { waitFor, WaitAborted, withTimeout, type WaitOptions } from './wait.js';

/**
 * The stock y-websocket client, unchanged, as a browser would use it: the contract is
 * that this provider works against the server.
 */

// Every stock provider adds a process 'exit' listener; a test with hundreds of clients
// (the reconnect storm) is not a leak.
process.setMaxListeners(1000);

export interface DocClient {
  doc: Y.Doc;
  provider: WebsocketProvider;
  /** Every connection of this provider that the server closed. */
  closes: Array<{ code: number; reason: string }>;
  /** Stops the provider (no reconnect) and frees the doc. */
  destroy(): void;
}

export function connectDoc(server: TestServer, name: string, token: string): DocClient {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(server.wsUrl, name, doc, {
    params: { token },
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    // Node has a global BroadcastChannel: without this, providers of one test process
    // would sync through it and bypass the server under test.
    disableBc: true,
  });
  const closes: DocClient['closes'] = [];
  provider.on('connection-close', (event) => {
    if (event) closes.push({ code: event.code, reason: event.reason });
  });
  let destroyed = false;
  const destroy = () => {
    if (destroyed) return;
    destroyed = true;
    provider.destroy();
    doc.destroy();
  };
  trackClient(destroy);
  return { doc, provider, closes, destroy };
}

/** Resolves once the provider has synced; fails fast if the server closes the connection with a 4xxx code. */
export function waitForSync(provider: WebsocketProvider, timeoutMs = 10_000): Promise<void> {
  if (provider.synced) return Promise.resolve();
  const synced = new Promise<void>((resolve, reject) => {
    const onSync = (state: boolean) => {
      if (!state) return;
      provider.off('sync', onSync);
      provider.off('connection-close', onClose);
      resolve();
    };
    const onClose = (event: { code: number; reason: string } | null) => {
      if (!event || event.code < 4000) return;
      provider.off('sync', onSync);
      provider.off('connection-close', onClose);
      reject(new Error(`${provider.roomname}: the server closed the connection with ${event.code} ${event.reason}`));
    };
    provider.on('sync', onSync);
    provider.on('connection-close', onClose);
  });
  return withTimeout(synced, timeoutMs, `${provider.roomname} to sync`);
}

/**
 * Waits until `predicate` holds for the doc of every client, failing at once when the
 * server refuses one of them (a 4xxx close), since nothing can arrive after that.
 */
export function waitForDocs(
  clients: DocClient[],
  predicate: (doc: Y.Doc) => boolean,
  what: string,
  options?: WaitOptions,
): Promise<void> {
  return waitFor(
    () => {
      for (const { provider, closes } of clients) {
        const refused = closes.find((c) => c.code >= 4000);
        if (refused)
          throw new WaitAborted(
            `${what}: the server closed ${provider.roomname} with ${refused.code} ${refused.reason}`,
          );
      }
      return clients.every((c) => predicate(c.doc));
    },
    what,
    options,
  );
}

/** Connects the stock provider and waits until it has synced. */
export async function syncedDoc(server: TestServer, name: string, token: string): Promise<DocClient> {
  const client = connectDoc(server, name, token);
  await waitForSync(client.provider);
  return client;
}

/** Highest clock seen per Yjs client id: what a doc has integrated. */
export function stateVector(doc: Y.Doc): Map<number, number> {
  return Y.decodeStateVector(Y.encodeStateVector(doc));
}

/** The (client, clock) pairs `observed` has that `recovered` lacks; empty when `recovered` has everything. */
export function missingFrom(recovered: Y.Doc, observed: Y.Doc): string[] {
  const have = stateVector(recovered);
  const missing: string[] = [];
  for (const [client, clock] of stateVector(observed)) {
    const got = have.get(client) ?? 0;
    if (got < clock) missing.push(`client ${client}: has clock ${got}, another client had seen ${clock}`);
  }
  return missing;
}
