import { afterAll, afterEach } from 'vitest';

/**
 * Everything a test opens is registered here and closed after it: clients after each
 * test, servers after each file. A provider left open keeps reconnecting and a server
 * left running outlives the run, so nothing may be opened without being registered.
 */

type Disposer = () => void | Promise<void>;

const clients = new Set<Disposer>();
const servers = new Set<Disposer>();

/** Registers a client (provider, socket) to close after the current test; returns an unregister function. */
export function trackClient(dispose: Disposer): () => void {
  clients.add(dispose);
  return () => clients.delete(dispose);
}

/** Registers a server to stop after the current file; returns an unregister function. */
export function trackServer(dispose: Disposer): () => void {
  servers.add(dispose);
  return () => servers.delete(dispose);
}

async function drain(set: Set<Disposer>): Promise<void> {
  const all = [...set].reverse();
  set.clear();
  const results = await Promise.allSettled(all.map(async (dispose) => dispose()));
  const failures = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failures.length > 0)
    throw new AggregateError(
      failures.map((f) => f.reason),
      'cleanup failed',
    );
}

export const closeClients = (): Promise<void> => drain(clients);
export const stopServers = (): Promise<void> => drain(servers);

/** Call once at the top of a test file: closes clients after each test and servers after the file. */
export function installCleanup(): void {
  afterEach(closeClients);
  afterAll(async () => {
    await closeClients();
    await stopServers();
  });
}
