import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { CloseCode } from '@parley/shared';
import { api, docUrl, RawDocClient, updateFrame, updateOf } from '../helpers/index.js';
import { expectAccessible } from './support/axe.js';
import { addPosition, board, position } from './support/board.js';
import { negotiation } from './support/negotiation.js';
import { waitForConnection } from './support/person.js';
import { screenshot } from './support/shots.js';
import { useSuite } from './support/suite.js';

/**
 * The server's storage refuses writes (its disk, or MAX_DB_BYTES, is full). A side keeps
 * working: the page says its changes are not being saved, keeps them, and shares them
 * once the server can save again; nobody sees what the server has not stored.
 */

const { browser, server } = useSuite({ env: { MAX_DB_BYTES: '400000' } });

const tenant = (page: Page) => board(page, 'Tenant');

/**
 * Fills the database through side A's own document (with side A's invite, as a second
 * device of that side would), with smaller and smaller values, each size until storage
 * refuses one: at the end not even a short position fits where side A's next one goes.
 */
async function fillTheDatabase(invite: string): Promise<void> {
  const token = new URL(invite).hash.slice(1);
  const resolved = await api(server(), 'POST', '/api/invites/resolve', { body: { token } });
  const { roomId } = (resolved.body as { room: { roomId: string } }).room;
  let key = 0;
  for (const size of [2048, 256, 32]) {
    const writer = await RawDocClient.open(docUrl(server(), `${roomId}/side/a`, token));
    while (!writer.closeInfo && key < 2000) {
      writer.send(updateFrame(updateOf((doc) => doc.getMap('filler').set(`k${key++}`, 'f'.repeat(size)))));
      await writer.roundTrip().catch(() => undefined);
    }
    expect(writer.closeInfo?.code, `storage to refuse a value of ${size} bytes`).toBe(CloseCode.StorageUnavailable);
  }
}

describe('storage refuses writes', () => {
  test('a side is told its changes wait on the device, and they reach the others once the server saves again', async () => {
    const { a, b, mediator, invites } = await negotiation(browser(), server().url);
    await fillTheDatabase(invites.a);

    await addPosition(tenant(a.page), { text: 'Rent stays at 1,200 a month', because: 'our budget is fixed' });
    await waitForConnection(a.page, 'Not saving — retrying');
    await expectAccessible(a.page, 'a room whose server is not saving');
    await screenshot(a.page, 'storage-full', 'not-saving');
    // What the server could not store reached nobody.
    expect(await position(tenant(b.page), 'Rent stays at 1,200 a month').count()).toBe(0);

    // The operator frees space (here: lifts the cap) and restarts the server.
    await server().restart({ env: { MAX_DB_BYTES: '0' } });
    await waitForConnection(a.page, 'Live');
    for (const page of [b.page, mediator.page]) {
      await position(tenant(page), 'Rent stays at 1,200 a month').getByText('our budget is fixed').waitFor();
    }
  });
});
