import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import {
  addBecause,
  addConstraint,
  addInterest,
  addPosition,
  board,
  constraint,
  INCOMPLETE,
  interest,
  part,
  position,
} from './support/board.js';
import { useSuite } from './support/suite.js';
import { negotiation, NAMES } from './support/negotiation.js';
import { person } from './support/person.js';
import { screenshot } from './support/shots.js';

/**
 * Scenario 2: each side fills its own board and everyone else sees each change live.
 * Scenario 3: an observer sees all of it and is offered nothing to edit.
 */

const { browser, server } = useSuite();

/** Waits until every page shows the card; the card's text is the proof it arrived. */
async function seenBy(pages: Page[], find: (page: Page) => ReturnType<typeof position>): Promise<void> {
  await Promise.all(pages.map((page) => find(page).waitFor()));
}

async function goneFrom(pages: Page[], find: (page: Page) => ReturnType<typeof position>): Promise<void> {
  await Promise.all(pages.map((page) => find(page).waitFor({ state: 'detached' })));
}

describe('side boards', () => {
  test('each side fills its board; the other side and the mediator see every change live', async () => {
    const { a, b, mediator } = await negotiation(browser(), server().url);
    const tenantFor = (page: Page) => board(page, 'Tenant');
    const landlordFor = (page: Page) => board(page, 'Landlord');

    // Each board says whose it is, and only its own side is offered the add buttons.
    await tenantFor(a.page).getByText('Your side — you can edit').waitFor();
    await landlordFor(a.page).getByText('The other side — read only').waitFor();
    await tenantFor(mediator.page).getByText('Read only', { exact: true }).waitFor();
    expect(
      await landlordFor(a.page)
        .getByRole('button', { name: /^\+? ?Add/ })
        .count(),
    ).toBe(0);
    expect(
      await tenantFor(b.page)
        .getByRole('button', { name: /^\+? ?Add/ })
        .count(),
    ).toBe(0);
    expect(await tenantFor(mediator.page).getByRole('button').count()).toBe(0);

    // Side A: a position with its because.
    await addPosition(tenantFor(a.page), { text: 'Rent stays at 1,200 a month', because: 'our budget is fixed' });
    await seenBy([b.page, mediator.page], (p) => position(tenantFor(p), 'Rent stays at 1,200 a month'));
    for (const page of [b.page, mediator.page]) {
      const card = position(tenantFor(page), 'Rent stays at 1,200 a month');
      await card.getByText('our budget is fixed').waitFor();
      expect(await card.getByText(INCOMPLETE).count()).toBe(0);
    }

    // A position without a because is marked incomplete, for everyone.
    await addPosition(tenantFor(a.page), { text: 'A two-year lease' });
    await seenBy([a.page, b.page, mediator.page], (p) =>
      position(tenantFor(p), 'A two-year lease').filter({ hasText: INCOMPLETE }),
    );
    await screenshot(b.page, '2-boards', 'incomplete-position-seen-by-b');
    // The author is prompted for the reason right there; once given, the mark goes everywhere.
    await addBecause(tenantFor(a.page), 'A two-year lease', 'moving twice in three years costs us too much');
    await goneFrom([b.page, mediator.page], (p) =>
      position(tenantFor(p), 'A two-year lease').filter({ hasText: INCOMPLETE }),
    );
    await position(tenantFor(b.page), 'A two-year lease')
      .getByText('moving twice in three years costs us too much')
      .waitFor();

    await addInterest(tenantFor(a.page), { text: 'Stability for the children’s schooling' });
    await addConstraint(tenantFor(a.page), { text: 'Pay more than 1,300 a month', modality: 'cannot' });
    await seenBy([b.page, mediator.page], (p) => interest(tenantFor(p), 'Stability for the children’s schooling'));
    await seenBy([b.page, mediator.page], (p) =>
      constraint(tenantFor(p), 'Pay more than 1,300 a month').filter({ has: p.getByText('Cannot', { exact: true }) }),
    );

    // Side B fills its own board; side A and the mediator see it.
    await addPosition(landlordFor(b.page), { text: 'Rent rises to 1,350', because: 'the building’s costs rose' });
    await addInterest(landlordFor(b.page), { text: 'A reliable tenant who stays' });
    await addConstraint(landlordFor(b.page), { text: 'Renovate the kitchen this year', modality: 'can' });
    await seenBy([a.page, mediator.page], (p) => position(landlordFor(p), 'Rent rises to 1,350'));
    await seenBy([a.page, mediator.page], (p) => interest(landlordFor(p), 'A reliable tenant who stays'));
    await seenBy([a.page, mediator.page], (p) =>
      constraint(landlordFor(p), 'Renovate the kitchen this year').filter({ has: p.getByText('Can', { exact: true }) }),
    );

    // Counts follow along, in words for assistive technology (as a label or as hidden text).
    const count = (page: Page, side: 'Tenant' | 'Landlord', words: string) => {
      const section = part(board(page, side), 'Positions');
      return section
        .getByLabel(words, { exact: true })
        .or(section.getByText(words, { exact: true }))
        .count();
    };
    await expect.poll(() => count(mediator.page, 'Landlord', '1 item')).toBe(1);
    await expect.poll(() => count(mediator.page, 'Tenant', '2 items')).toBe(1);

    // An edit and a removal travel too.
    const rent = position(tenantFor(a.page), 'Rent stays at 1,200 a month');
    await rent.getByRole('button', { name: 'Edit position “Rent stays at 1,200 a month”' }).click();
    const editor = tenantFor(a.page).getByRole('form', { name: 'Edit position “Rent stays at 1,200 a month”' });
    await editor.getByRole('textbox', { name: 'What you ask for' }).fill('Rent stays at 1,220 a month');
    await editor.getByRole('button', { name: 'Save' }).click();
    await seenBy([b.page, mediator.page], (p) => position(tenantFor(p), 'Rent stays at 1,220 a month'));
    await goneFrom([b.page, mediator.page], (p) => position(tenantFor(p), 'Rent stays at 1,200 a month'));

    const kitchen = constraint(landlordFor(b.page), 'Renovate the kitchen this year');
    await kitchen.getByRole('button', { name: 'Remove constraint “Renovate the kitchen this year”' }).click();
    await kitchen.getByRole('button', { name: 'Yes, remove' }).click();
    await goneFrom([a.page, mediator.page], (p) => constraint(landlordFor(p), 'Renovate the kitchen this year'));

    await screenshot(a.page, '2-boards', 'side-a');
    await screenshot(b.page, '2-boards', 'side-b');
    await screenshot(mediator.page, '2-boards', 'mediator');
  });

  test('on a phone, a side reaches its own board first from the section links, and works there', async () => {
    const { b, mediator } = await negotiation(browser(), server().url);
    await b.page.setViewportSize({ width: 390, height: 844 });
    const sections = b.page.getByRole('navigation', { name: 'Room sections' }).getByRole('link');
    expect(await sections.allTextContents()).toEqual([
      'Your side: Landlord',
      'Joint space',
      'Tenant',
      'Facilitation',
      'Pulse check',
      'Private notes',
      'Timeline',
    ]);
    await sections.filter({ hasText: 'Your side: Landlord' }).click();
    const own = board(b.page, 'Landlord');
    expect(await own.evaluate((column) => Math.round(column.getBoundingClientRect().top))).toBeLessThan(10);
    await addPosition(own, { text: 'Rent rises to 1,350', because: 'costs rose' });
    await position(board(mediator.page, 'Landlord'), 'Rent rises to 1,350').waitFor();
    await screenshot(b.page, '2-boards', 'phone-own-board');
  });

  test('an observer sees both boards in full and is offered no control that edits anything', async () => {
    const { a, b, invites } = await negotiation(browser(), server().url);
    await addPosition(board(a.page, 'Tenant'), { text: 'Keep the parking space', because: 'we have two cars' });
    await addPosition(board(a.page, 'Tenant'), { text: 'Paint the bedroom' });
    await addInterest(board(a.page, 'Tenant'), { text: 'Getting to work on time' });
    await addConstraint(board(a.page, 'Tenant'), { text: 'Move before June' });
    await addPosition(board(b.page, 'Landlord'), { text: 'Parking costs extra', because: 'spaces are scarce' });
    await addInterest(board(b.page, 'Landlord'), { text: 'Fair use of shared spaces' });
    await addConstraint(board(b.page, 'Landlord'), { text: 'Change the building rules alone' });

    const observer = await person(browser(), invites.observer, NAMES.observer);
    const page = observer.page;
    const tenant = board(page, 'Tenant');
    const landlord = board(page, 'Landlord');
    // Everything is visible, the incomplete mark included.
    await position(tenant, 'Keep the parking space').getByText('we have two cars').waitFor();
    await position(tenant, 'Paint the bedroom').getByText(INCOMPLETE).waitFor();
    await interest(tenant, 'Getting to work on time').waitFor();
    await constraint(tenant, 'Move before June').waitFor();
    await position(landlord, 'Parking costs extra').getByText('spaces are scarce').waitFor();
    await interest(landlord, 'Fair use of shared spaces').waitFor();
    await constraint(landlord, 'Change the building rules alone').waitFor();
    await tenant.getByText('Read only', { exact: true }).waitFor();
    await page
      .getByRole('region', { name: 'Joint space' })
      .getByText('Built together by both sides — read only')
      .waitFor();

    // A change made now still reaches the observer live.
    await addInterest(board(b.page, 'Landlord'), { text: 'Quiet nights for the neighbours' });
    await interest(landlord, 'Quiet nights for the neighbours').waitFor();

    // Nothing editable anywhere on the board: no field, no choice, no button that changes things.
    const columns = page.locator('main');
    for (const role of ['textbox', 'combobox', 'spinbutton', 'checkbox', 'radio', 'slider', 'switch'] as const) {
      expect(await columns.getByRole(role).count(), `${role}s offered to an observer`).toBe(0);
    }
    const editing =
      /\b(add|edit|remove|save|move|share|accept|withdraw|propose|announce|score|because|clear|undo|redo|next phase|set a timer|start a pulse|schedule|pause)\b/i;
    expect(await columns.getByRole('button', { name: editing }).count(), 'editing buttons offered').toBe(0);
    expect(await columns.locator('[contenteditable]:not([contenteditable="false"])').count()).toBe(0);
    // The same holds for the whole page, header and side panels included.
    expect(await page.getByRole('textbox').count()).toBe(0);
    expect(await page.getByRole('button', { name: editing }).count()).toBe(0);
    await screenshot(page, '3-observer', 'room');
  });
});
