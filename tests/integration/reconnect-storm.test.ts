import { docName } from '@parley/shared';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { connectDoc, createRoom, installCleanup, startServer, waitFor, type DocClient } from '../helpers/index.js';

installCleanup();

const ROOMS = 20;
const CLIENTS_PER_ROOM = 10;

function write(client: DocClient, key: string): void {
  client.doc.getMap('positions').set(key, new Y.Map<unknown>([['text', key]]));
}

function keys(client: DocClient): Set<string> {
  return new Set(client.doc.getMap('positions').keys());
}

describe('a reconnect storm', () => {
  it('is absorbed after a restart: hundreds of clients come back by themselves and nothing is lost', async () => {
    const server = await startServer();
    const rooms: DocClient[][] = [];
    for (let r = 0; r < ROOMS; r++) {
      const created = await createRoom(server, { mediated: false });
      const name = docName(created.roomId, { kind: 'side', side: 'a' });
      rooms.push(Array.from({ length: CLIENTS_PER_ROOM }, () => connectDoc(server, name, created.invites.a.token)));
    }
    const all = rooms.flat();
    await waitFor(() => all.every((c) => c.provider.synced), `all ${all.length} clients to sync`, {
      timeoutMs: 30_000,
    });
    rooms.forEach((clients, r) => clients.forEach((c, i) => write(c, `before-${r}-${i}`)));
    const everyoneHas = (prefixes: string[]) => () =>
      rooms.every((clients, r) =>
        clients.every((c) => {
          const seen = keys(c);
          return prefixes.every((p) => clients.every((_, i) => seen.has(`${p}-${r}-${i}`)));
        }),
      );
    await waitFor(everyoneHas(['before']), 'every client to see its room’s edits', { timeoutMs: 30_000 });

    await server.stop();
    // Edits made while the server is down stay local until the clients are back.
    rooms.forEach((clients, r) => clients.forEach((c, i) => write(c, `during-${r}-${i}`)));
    await server.restart();

    await waitFor(everyoneHas(['before', 'during']), 'every client to reconnect and see every edit', {
      timeoutMs: 60_000,
    });
    rooms.forEach((clients, r) => clients.forEach((c, i) => write(c, `after-${r}-${i}`)));
    await waitFor(everyoneHas(['before', 'during', 'after']), 'edits after the storm to reach everyone', {
      timeoutMs: 30_000,
    });

    const refusals = all.flatMap((c) => c.closes).filter((close) => close.code >= 4000);
    expect(refusals).toEqual([]);
    const errors = server.logs.filter((line) => /"level":(50|60)/.test(line));
    expect(errors).toEqual([]);
  });
});
