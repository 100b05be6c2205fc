import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { addPosition, board, INCOMPLETE, position } from './support/board.js';
import { useSuite } from './support/suite.js';
import { negotiation, NAMES } from './support/negotiation.js';
import { addDraft, privateNotes, writeNote } from './support/private.js';
import { person } from './support/person.js';
import { screenshot } from './support/shots.js';

/**
 * Scenario 4: a side's private notes and drafts never reach the other side, the
 * mediator or an observer; "Share to board" makes a draft public on the side's board.
 */

const { browser, server } = useSuite();

const SECRETS = {
  walkAway: 'Move in with my sister in Leeds',
  reservation: 'We would go up to 1,290 a month',
  notes: 'They seem flexible about parking',
  draft: 'Ask for the garden shed',
  draftBecause: 'storage for the bikes',
  kept: 'Offer to repaint the hallway ourselves',
};

describe('private notes', () => {
  test('side A’s notes and drafts never reach side B, the mediator or an observer; sharing a draft makes it public', async () => {
    const { a, b, mediator, invites } = await negotiation(browser(), server().url);
    const panel = privateNotes(a.page, 'Tenant');
    await panel.getByText('Only your side sees this').waitFor();

    // A second member of side A, on another device, shares the private notes.
    const teammate = await person(browser(), invites.a, 'Amir');
    const teammatePanel = privateNotes(teammate.page, 'Tenant');

    await writeNote(panel, 'Walk-away alternative (BATNA)', SECRETS.walkAway);
    await writeNote(panel, 'Reservation point', SECRETS.reservation);
    await writeNote(panel, 'Notes', SECRETS.notes);
    await addDraft(panel, SECRETS.draft, SECRETS.draftBecause);
    await addDraft(panel, SECRETS.kept, 'it saves them a contractor');
    await expect
      .poll(() => teammatePanel.getByRole('textbox', { name: 'Walk-away alternative (BATNA)' }).inputValue())
      .toBe(SECRETS.walkAway);
    await expect
      .poll(() => teammatePanel.getByRole('textbox', { name: 'Reservation point' }).inputValue())
      .toBe(SECRETS.reservation);
    await teammatePanel.getByRole('listitem').filter({ hasText: SECRETS.draft }).waitFor();

    // A public edit made after the private ones, as a marker: once the others see it,
    // anything relayed to them before it would be there too.
    await addPosition(board(a.page, 'Tenant'), { text: 'Rent stays at 1,200 a month', because: 'our budget is fixed' });
    const observer = await person(browser(), invites.observer, NAMES.observer);
    const outsiders = [b.page, mediator.page, observer.page];
    for (const page of outsiders) {
      await position(board(page, 'Tenant'), 'Rent stays at 1,200 a month').waitFor();
      expect(await privateNotes(page, 'Tenant').count()).toBe(0);
      await expectNowhere(page, Object.values(SECRETS));
    }
    // Each sees only their own private space, if any.
    await privateNotes(b.page, 'Landlord').waitFor();
    await mediator.page.getByRole('region', { name: 'Mediator’s notes' }).waitFor();
    expect(await privateNotes(observer.page, 'Landlord').count()).toBe(0);
    await screenshot(a.page, '4-private', 'side-a-notes');
    await screenshot(b.page, '4-private', 'side-b');

    // Share to board: the draft leaves the private list and appears on side A's board for all.
    await panel.getByRole('button', { name: `Share to board: draft position “${SECRETS.draft}”` }).click();
    await panel.getByRole('button', { name: 'Yes, share' }).click();
    await panel
      .getByRole('status')
      .filter({ hasText: `Shared “${SECRETS.draft}” to Tenant’s board` })
      .waitFor();
    await panel.getByRole('listitem').filter({ hasText: SECRETS.draft }).waitFor({ state: 'detached' });
    for (const page of [a.page, teammate.page, ...outsiders]) {
      const shared = position(board(page, 'Tenant'), SECRETS.draft);
      await shared.getByText(SECRETS.draftBecause).waitFor();
      expect(await shared.getByText(INCOMPLETE).count()).toBe(0);
    }
    // Only that draft: the rest stays private.
    for (const page of outsiders) {
      await expectNowhere(page, [SECRETS.walkAway, SECRETS.reservation, SECRETS.notes, SECRETS.kept]);
    }
    await screenshot(b.page, '4-private', 'side-b-after-share');

    // The mediator's own notes are as private: neither side nor the observer ever gets them.
    const mediatorNotes = mediator.page.getByRole('region', { name: 'Mediator’s notes' });
    await writeNote(mediatorNotes, 'Notes', 'Landlord needs a win on the term');
    await addPosition(board(b.page, 'Landlord'), { text: 'Rent rises to 1,350', because: 'costs rose' });
    await position(board(mediator.page, 'Landlord'), 'Rent rises to 1,350').waitFor();
    for (const page of [a.page, b.page, observer.page]) {
      await position(board(page, 'Landlord'), 'Rent rises to 1,350').waitFor();
      await expectNowhere(page, ['Landlord needs a win on the term']);
    }
  });
});

/** None of the texts is anywhere in the page: not shown, not hidden, not in an attribute. */
async function expectNowhere(page: Page, texts: string[]): Promise<void> {
  const html = await page.content();
  for (const text of texts) expect(html.includes(text), `“${text}” reached ${page.url()}`).toBe(false);
}
