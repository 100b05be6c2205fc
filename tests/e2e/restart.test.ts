import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { addInterest, addPosition, addTopic, board, interest, position, topic } from './support/board.js';
import { useSuite } from './support/suite.js';
import { negotiation, NAMES } from './support/negotiation.js';
import { person, waitForConnection } from './support/person.js';
import { screenshot } from './support/shots.js';

/**
 * Scenario 8: the server restarts in the middle of a session. Nobody reloads: every
 * page reconnects by itself, and nothing made before, during or after is lost.
 */

const { browser, server } = useSuite();

const tenant = (page: Page) => board(page, 'Tenant');
const landlord = (page: Page) => board(page, 'Landlord');

describe('the server restarts mid-session', () => {
  test('clients reconnect by themselves and nothing is lost', async () => {
    const { a, b, mediator, invites } = await negotiation(browser(), server().url);
    const everyone = [a.page, b.page, mediator.page];
    await addPosition(tenant(a.page), { text: 'Rent stays at 1,200 a month', because: 'our budget is fixed' });
    await addPosition(landlord(b.page), { text: 'Rent rises to 1,350', because: 'costs rose' });
    await addTopic(mediator.page, 'Rent');
    await position(landlord(a.page), 'Rent rises to 1,350').waitFor();
    await position(tenant(b.page), 'Rent stays at 1,200 a month').waitFor();

    // A page cannot follow a server to another port: the restart must come back on this one.
    const port = server().port;
    await server().stop();
    for (const page of everyone) await waitForConnection(page, 'Offline — reconnecting');
    // Work goes on while the server is down, kept in the page until it returns.
    await addInterest(tenant(a.page), { text: 'Certainty for the next two years' });
    await screenshot(a.page, '8-restart', 'server-down');

    // A restart after a stop: the same port and data, as an operator brings it back.
    await server().restart();
    expect(server().port).toBe(port);
    for (const page of everyone) await waitForConnection(page, 'Live');

    // Before: still on every screen. During: delivered once the server is back.
    for (const page of everyone) {
      await position(tenant(page), 'Rent stays at 1,200 a month').getByText('our budget is fixed').waitFor();
      await position(landlord(page), 'Rent rises to 1,350').getByText('costs rose').waitFor();
      await topic(page, 'Rent').waitFor();
      await interest(tenant(page), 'Certainty for the next two years').waitFor();
    }

    // After: new edits cross live again, both ways.
    await addPosition(landlord(b.page), { text: 'A one-year lease', because: 'we may sell' });
    await position(landlord(a.page), 'A one-year lease').waitFor();
    await position(landlord(mediator.page), 'A one-year lease').waitFor();
    await addPosition(tenant(a.page), { text: 'First refusal if you sell', because: 'we want to stay' });
    await position(tenant(b.page), 'First refusal if you sell').waitFor();
    await screenshot(b.page, '8-restart', 'after');

    // Everyone leaves, the server restarts once more, and a newcomer is served it all:
    // with no other page open, only the server's own storage can have kept it.
    await Promise.all([a.context.close(), b.context.close(), mediator.context.close()]);
    await server().restart();
    const observer = await person(browser(), invites.observer, NAMES.observer);
    for (const text of ['Rent stays at 1,200 a month', 'First refusal if you sell']) {
      await position(tenant(observer.page), text).waitFor();
    }
    await position(landlord(observer.page), 'A one-year lease').waitFor();
    await interest(tenant(observer.page), 'Certainty for the next two years').waitFor();
    await topic(observer.page, 'Rent').waitFor();
  });
});
