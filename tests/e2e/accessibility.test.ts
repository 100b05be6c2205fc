import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { expectAccessible } from './support/axe.js';
import { addConstraint, addInterest, addPosition, addTopic, board, interest, part, position } from './support/board.js';
import { useSuite } from './support/suite.js';
import { createRoomOnHome, LEASE, readInvites } from './support/home.js';
import { hasFocus, tabTo } from './support/keyboard.js';
import { addDraft, privateNotes, writeNote } from './support/private.js';
import { addCommitment, addOption, agreement, proposeAgreement, score } from './support/joint.js';
import { negotiation, NAMES } from './support/negotiation.js';
import { newDevice, person } from './support/person.js';
import {
  answerByKeyboard,
  closePulse,
  openPulse,
  pulsePanel,
  resultHeading,
  setMinimum,
  startPulse,
} from './support/pulse.js';
import { screenshot } from './support/shots.js';

/**
 * axe-core on every page and main state (no serious or critical violation allowed), and
 * a core negotiation step done with the keyboard alone.
 */

const { browser, server } = useSuite();

const tenant = (page: Page) => board(page, 'Tenant');

describe('accessibility', () => {
  test('pages outside the room: home, invite links, join, broken link', async () => {
    const { page } = await newDevice(browser());
    await page.goto(server().url);
    await page.getByRole('form', { name: 'Create a room' }).waitFor();
    await expectAccessible(page, 'the home page');
    // A refused form shows its error.
    await page.getByRole('button', { name: 'Create room' }).click();
    await page.getByRole('alert').waitFor();
    await expectAccessible(page, 'the home page with an error');
    await screenshot(page, 'a11y', 'home-error');

    await createRoomOnHome(page, LEASE);
    await expectAccessible(page, 'the invite links');
    const invites = await readInvites(page, LEASE);

    const { page: join } = await newDevice(browser());
    await join.goto(invites.a);
    await join.getByRole('form', { name: 'Join the room' }).waitFor();
    await expectAccessible(join, 'the join page');

    // A fresh tab: on the same join page, a new fragment alone is not a new page load.
    const { page: refused } = await newDevice(browser());
    await refused.goto(`${server().url}/join#no-such-invite`);
    await refused.getByRole('heading', { level: 1, name: 'This invite could not be used' }).waitFor();
    await expectAccessible(refused, 'a refused invite');
    await refused.goto(`${server().url}/nowhere`);
    await refused.getByRole('heading', { level: 1, name: 'Nothing here' }).waitFor();
    await expectAccessible(refused, 'the not-found page');
  });

  test('the room as a side, the mediator and an observer, with filled boards and open editors', async () => {
    const { a, b, mediator, invites } = await negotiation(browser(), server().url);
    await addPosition(tenant(a.page), { text: 'Rent stays at 1,200 a month', because: 'our budget is fixed' });
    await addPosition(tenant(a.page), { text: 'A two-year lease' });
    await addInterest(tenant(a.page), { text: 'Stability for the children' });
    await addConstraint(tenant(a.page), { text: 'Pay more than 1,300 a month' });
    await addPosition(board(b.page, 'Landlord'), { text: 'Rent rises to 1,350', because: 'costs rose' });
    await addTopic(mediator.page, 'Rent');
    await addInterest(board(b.page, 'Landlord'), { text: 'Steady rental income' });
    // The joint space in use: an option serving both, scored, and an agreement with a commitment.
    await addOption(mediator.page, {
      text: 'Two-year lease at 1,250',
      serves: {
        'Serves Tenant’s interests': ['Stability for the children'],
        'Serves Landlord’s interests': ['Steady rental income'],
      },
    });
    await score(a.page, 'Two-year lease at 1,250', 4);
    await proposeAgreement(mediator.page, 'Two-year lease from March');
    await addCommitment(mediator.page, 'Two-year lease from March', {
      what: 'Refund the old deposit',
      who: 'Landlord',
      due: '2027-03-31',
      verification: '',
    });
    await agreement(a.page, 'Two-year lease from March')
      .getByRole('button', { name: /^Accept for Tenant/ })
      .click();
    const observer = await person(browser(), invites.observer, NAMES.observer);
    await position(tenant(observer.page), 'A two-year lease').waitFor();

    const notes = privateNotes(a.page, 'Tenant');
    await writeNote(notes, 'Reservation point', '1,290 a month');
    await addDraft(notes, 'Ask for the garden shed', 'storage for the bikes');
    await expectAccessible(a.page, 'the room as side A');
    await expectAccessible(b.page, 'the room as side B');
    await expectAccessible(mediator.page, 'the room as the mediator');
    await expectAccessible(observer.page, 'the room as an observer');

    // Open editors: a new interest form, a removal being confirmed, and an edit form,
    // which keeps the focus last so that the others see who is editing.
    await part(tenant(a.page), 'Interests').getByRole('button', { name: 'Add an interest' }).click();
    await tenant(a.page).getByRole('form', { name: 'New interest' }).waitFor();
    await position(tenant(a.page), 'A two-year lease')
      .getByRole('button', { name: /^Remove position/ })
      .click();
    await position(tenant(a.page), 'Rent stays')
      .getByRole('button', { name: /^Edit position/ })
      .click();
    await tenant(a.page)
      .getByRole('form', { name: /^Edit position/ })
      .waitFor();
    await expectAccessible(a.page, 'the room as side A with editors open');
    await screenshot(a.page, 'a11y', 'side-a-editors-open');

    // While others edit, their names show on the items.
    await position(tenant(b.page), 'Rent stays').getByText('Alice is editing').waitFor();
    await expectAccessible(b.page, 'the room as side B while side A edits');
  });

  test('the pulse panel: open, answered, withheld and released', async () => {
    const { a, b, mediator } = await negotiation(browser(), server().url);
    await pulsePanel(mediator.page).waitFor();
    await setMinimum(mediator.page, 2);
    await startPulse(mediator.page);
    await openPulse(a.page).getByRole('group').first().waitFor();
    await expectAccessible(a.page, 'an open pulse, as a side member');
    await expectAccessible(mediator.page, 'an open pulse, as the mediator');
    await answerByKeyboard(a.page, 3);
    await expectAccessible(a.page, 'an answered pulse');
    await closePulse(mediator.page);
    await resultHeading(a.page, 'withheld').waitFor();
    await expectAccessible(a.page, 'a withheld pulse result');
    await startPulse(mediator.page);
    await answerByKeyboard(a.page, 5);
    await answerByKeyboard(b.page, 3);
    await resultHeading(mediator.page, 'released').waitFor();
    await expectAccessible(mediator.page, 'a released pulse result with its trend, as the mediator');
    await resultHeading(b.page, 'released').waitFor();
    await expectAccessible(b.page, 'a released pulse result with its trend, as a side member');
  });

  test('a side states a position with its because and an interest, by keyboard alone', async () => {
    const { a, b } = await negotiation(browser(), server().url);
    const page = a.page;
    const keys = page.keyboard;
    const positions = part(tenant(page), 'Positions');

    // Add a position: Tab to the button, Enter, type, Tab to the because, type, Tab to submit, Enter.
    const addPositionButton = positions.getByRole('button', { name: 'Add a position' });
    await tabTo(page, addPositionButton);
    await keys.press('Enter');
    const form = tenant(page).getByRole('form', { name: 'New position' });
    // The form takes the focus in its first field.
    await expect.poll(() => hasFocus(form.getByRole('textbox', { name: 'What you ask for' }))).toBe(true);
    await keys.type('Rent stays at 1,200 a month');
    await keys.press('Tab');
    expect(await hasFocus(form.getByRole('textbox', { name: 'Because', exact: true }))).toBe(true);
    await keys.type('our budget is fixed');
    await tabTo(page, form.getByRole('button', { name: 'Add position' }), 5);
    await keys.press('Enter');
    await position(tenant(page), 'Rent stays at 1,200 a month').getByText('our budget is fixed').waitFor();
    // Focus returns to where the person started.
    await expect.poll(() => hasFocus(addPositionButton)).toBe(true);

    // Escape abandons a form and returns the focus too.
    await keys.press('Enter');
    await form.waitFor();
    await keys.type('Something we will not ask for');
    await keys.press('Escape');
    await form.waitFor({ state: 'detached' });
    await expect.poll(() => hasFocus(addPositionButton)).toBe(true);
    expect(await position(tenant(page), 'Something we will not ask for').count()).toBe(0);

    // A position saved without a because is completed through the prompt on it, Enter to send.
    await keys.press('Enter');
    await keys.type('A two-year lease');
    await tabTo(page, form.getByRole('button', { name: 'Add position' }), 5);
    await keys.press('Enter');
    const lease = position(tenant(page), 'A two-year lease');
    await tabTo(page, lease.getByRole('textbox', { name: /^Why do you ask for this\?/ }));
    await keys.type('moving again soon costs too much');
    await keys.press('Enter');
    await lease.getByText('moving again soon costs too much').waitFor();

    // An interest, choosing its kind and importance from the keyboard.
    const addInterestButton = part(tenant(page), 'Interests').getByRole('button', { name: 'Add an interest' });
    await tabTo(page, addInterestButton);
    await keys.press('Enter');
    const interestForm = tenant(page).getByRole('form', { name: 'New interest' });
    await expect.poll(() => hasFocus(interestForm.getByRole('textbox', { name: 'Interest', exact: true }))).toBe(true);
    await keys.type('Stability for the children');
    const kind = interestForm.getByRole('combobox', { name: 'Kind' });
    await tabTo(page, kind, 5);
    await keys.press('f'); // type-ahead to "Fear"
    expect(await kind.inputValue()).toBe('fear');
    const concern = interestForm.getByRole('combobox', { name: 'Core concern' });
    await tabTo(page, concern, 5);
    await keys.press('s'); // type-ahead to "Security"
    expect(await concern.inputValue()).toBe('security');
    const importance = interestForm.getByRole('group', { name: /^Importance/ });
    await tabTo(page, importance.getByRole('radio', { name: '3' }), 5);
    await keys.press('ArrowRight');
    await keys.press('ArrowRight');
    expect(await importance.getByRole('radio', { name: '5' }).isChecked()).toBe(true);
    // It explains the rent position: a checkbox, ticked with Space.
    const explains = interestForm.getByRole('checkbox', { name: 'Rent stays at 1,200 a month' });
    await tabTo(page, explains, 5);
    await keys.press('Space');
    expect(await explains.isChecked()).toBe(true);
    await tabTo(page, interestForm.getByRole('button', { name: 'Add interest' }), 5);
    await keys.press('Enter');

    // The other side sees what was made by keyboard, complete.
    const seen = interest(board(b.page, 'Tenant'), 'Stability for the children');
    await seen.getByText('Fear', { exact: true }).waitFor();
    await seen.getByText('Importance 5 of 5').waitFor();
    await seen.getByText('Rent stays at 1,200 a month').waitFor();
    await position(board(b.page, 'Tenant'), 'A two-year lease').getByText('moving again soon costs too much').waitFor();
  });
});
