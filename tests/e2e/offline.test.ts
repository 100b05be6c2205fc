import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import {
  addBecause,
  addInterest,
  addPosition,
  addTopic,
  board,
  INCOMPLETE,
  interest,
  position,
  topic,
} from './support/board.js';
import { useSuite } from './support/suite.js';
import { openLink } from './support/link.js';
import { negotiation } from './support/negotiation.js';
import { waitForConnection } from './support/person.js';
import { screenshot } from './support/shots.js';

/**
 * Scenario 7: one side loses its network, keeps working, and comes back; both boards
 * converge with nothing lost in either direction.
 */

const { browser, server } = useSuite();

const tenant = (page: Page) => board(page, 'Tenant');
const landlord = (page: Page) => board(page, 'Landlord');

describe('a side drops off the network', () => {
  test('it keeps editing offline; on return both sides converge with nothing lost', async () => {
    const link = await openLink(server().port);
    const { a, b, mediator } = await negotiation(browser(), server().url, { links: { a: link } });
    await addPosition(tenant(a.page), { text: 'Rent stays at 1,200 a month', because: 'our budget is fixed' });
    await addPosition(tenant(a.page), { text: 'A two-year lease' });
    await position(tenant(b.page), 'A two-year lease').waitFor();

    // The network goes: the browser reports it, and every connection through it ends.
    await a.context.setOffline(true);
    link.cut();
    await waitForConnection(a.page, 'Offline — reconnecting');
    await screenshot(a.page, '7-offline', 'side-a-offline');

    // Side A keeps working: the board stays editable, and the edits show at once locally.
    await addPosition(tenant(a.page), { text: 'Keep the parking space', because: 'we have two cars' });
    await addBecause(tenant(a.page), 'A two-year lease', 'moving again soon would cost too much');
    await addInterest(tenant(a.page), { text: 'Quiet to work from home' });
    await addTopic(a.page, 'Parking (from the tenant, offline)');

    // Meanwhile the others go on.
    await addPosition(landlord(b.page), { text: 'Rent rises to 1,350', because: 'costs rose' });
    await addTopic(mediator.page, 'Length of the lease (from the mediator)');
    await waitForConnection(a.page, 'Offline — reconnecting');
    // Nothing crossed while the link was down, in either direction.
    expect(await position(tenant(b.page), 'Keep the parking space').count()).toBe(0);
    expect(await position(landlord(a.page), 'Rent rises to 1,350').count()).toBe(0);
    expect(await topic(mediator.page, 'Parking (from the tenant, offline)').count()).toBe(0);
    expect(link.open).toBe(0);

    // The network returns; the client reconnects by itself.
    link.restore();
    await a.context.setOffline(false);
    await waitForConnection(a.page, 'Live');

    // Side A's offline work reaches the others...
    for (const page of [b.page, mediator.page]) {
      await position(tenant(page), 'Keep the parking space').getByText('we have two cars').waitFor();
      await position(tenant(page), 'A two-year lease').getByText('moving again soon would cost too much').waitFor();
      await position(tenant(page), 'A two-year lease').getByText(INCOMPLETE).waitFor({ state: 'detached' });
      await interest(tenant(page), 'Quiet to work from home').waitFor();
      await topic(page, 'Parking (from the tenant, offline)').waitFor();
    }
    // ...and what the others did meanwhile reaches side A.
    await position(landlord(a.page), 'Rent rises to 1,350').getByText('costs rose').waitFor();
    await topic(a.page, 'Length of the lease (from the mediator)').waitFor();

    // Both agendas hold both topics, and every board holds the same items on every screen.
    for (const page of [a.page, b.page, mediator.page]) {
      await expect.poll(() => itemTexts(page)).toEqual(await itemTexts(a.page));
    }
    expect(await itemTexts(a.page)).toHaveLength(7);
    await screenshot(a.page, '7-offline', 'side-a-back');
    await screenshot(b.page, '7-offline', 'side-b-converged');

    // Live again: a new edit crosses at once.
    await addPosition(tenant(a.page), { text: 'Sign by the end of the month', because: 'our notice runs out' });
    await position(tenant(b.page), 'Sign by the end of the month').waitFor();
  });

  test('a stalled network (browser offline, connections left hanging) delivers the held edits when it resumes', async () => {
    // Chromium's offline mode holds the frames of already-open WebSockets instead of
    // closing them: the same person, on a network that stalls rather than drops.
    const { a, b } = await negotiation(browser(), server().url);
    await a.context.setOffline(true);
    await waitForConnection(a.page, 'Offline — reconnecting');
    await addPosition(tenant(a.page), { text: 'Fix the heating first', because: 'winter is coming' });
    await addPosition(landlord(b.page), { text: 'Heating in spring', because: 'the contractor is booked' });
    await a.context.setOffline(false);
    await waitForConnection(a.page, 'Live');
    await position(tenant(b.page), 'Fix the heating first').getByText('winter is coming').waitFor();
    await position(landlord(a.page), 'Heating in spring').getByText('the contractor is booked').waitFor();
  });
});

/** Every item text on the page's boards and agenda, in order: what a person would compare by eye. */
async function itemTexts(page: Page): Promise<string[]> {
  return page.locator('main li.item-card .item-text').allInnerTexts();
}
