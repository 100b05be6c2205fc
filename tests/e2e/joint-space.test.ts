import { describe, expect, test } from 'vitest';
import { addInterest, board } from './support/board.js';
import { useSuite } from './support/suite.js';
import {
  addCommitment,
  addOption,
  agreement,
  commitment,
  option,
  proposeAgreement,
  score,
  section,
} from './support/joint.js';
import { negotiation, NAMES } from './support/negotiation.js';
import { person } from './support/person.js';
import { screenshot } from './support/shots.js';

/**
 * Scenario 5: options scored by both sides, the coverage view, and an agreement that
 * both sides accept, with a commitment, its verification, and its outcome.
 */

const { browser, server } = useSuite();

const LEASE_OPTION = 'Two-year lease at 1,250';
const PARKING_OPTION = 'Free parking space';
const AGREEMENT = 'Two-year lease at 1,250 from March';
const DEPOSIT = 'Landlord refunds the old deposit';

describe('the joint space', () => {
  test('options scored by both sides, coverage, and an agreement accepted by both with a verified commitment', async () => {
    const { a, b, mediator, invites } = await negotiation(browser(), server().url);
    const everyone = [a.page, b.page, mediator.page];
    await addInterest(board(a.page, 'Tenant'), { text: 'Stability for the children' });
    await addInterest(board(b.page, 'Landlord'), { text: 'Steady rental income' });

    // The mediator offers an option serving both sides' interests, and one serving only the tenant.
    await addOption(mediator.page, {
      text: LEASE_OPTION,
      serves: {
        'Serves Tenant’s interests': ['Stability for the children'],
        'Serves Landlord’s interests': ['Steady rental income'],
      },
    });
    await addOption(a.page, { text: PARKING_OPTION, serves: { 'Serves Tenant’s interests': ['Stability'] } });
    for (const page of everyone) {
      await option(page, LEASE_OPTION).getByText('Creates value for both').waitFor();
      await option(page, PARKING_OPTION).getByText('Serves Tenant').waitFor();
      expect(await option(page, PARKING_OPTION).getByText('Creates value for both').count()).toBe(0);
    }

    // Each side scores for itself; everyone sees both scores. The mediator scores nothing.
    await score(a.page, LEASE_OPTION, 4);
    await score(b.page, LEASE_OPTION, 5);
    await score(a.page, PARKING_OPTION, 5);
    for (const page of everyone) {
      await option(page, LEASE_OPTION).getByText('Tenant’s score: 4 of 5').waitFor();
      await option(page, LEASE_OPTION).getByText('Landlord’s score: 5 of 5').waitFor();
      await option(page, PARKING_OPTION).getByText('Landlord’s score: not scored yet').waitFor();
    }
    expect(await option(mediator.page, LEASE_OPTION).getByRole('radio').count()).toBe(0);

    // Coverage: a table whose caption counts the options that create value for both,
    // those options first.
    for (const page of everyone) {
      const table = section(page, 'Coverage').getByRole('table', {
        name: '1 of 2 options create value for both sides',
      });
      await table.waitFor();
      const rows = table.getByRole('row');
      await expect.poll(() => rows.count()).toBe(3);
      await rows
        .nth(1)
        .getByRole('rowheader', { name: new RegExp(`^${LEASE_OPTION}`) })
        .waitFor();
      // The two "Serves" cells of each row, in side order.
      const served = async (row: number) =>
        (await rows.nth(row).getByRole('cell').allInnerTexts()).filter((text) => /\b(Yes|No)\b/.test(text));
      await expect.poll(() => served(1)).toEqual([expect.stringMatching(/Yes/), expect.stringMatching(/Yes/)]);
      await rows
        .nth(2)
        .getByRole('rowheader', { name: new RegExp(`^${PARKING_OPTION}`) })
        .waitFor();
      await expect.poll(() => served(2)).toEqual([expect.stringMatching(/Yes/), expect.stringMatching(/No/)]);
    }
    await screenshot(mediator.page, '5-joint', 'options-coverage');

    // The mediator proposes the agreement and its commitment, with how it will be verified.
    await proposeAgreement(mediator.page, AGREEMENT);
    await addCommitment(mediator.page, AGREEMENT, {
      what: DEPOSIT,
      who: 'Landlord',
      due: '2027-03-31',
      verification: 'A bank receipt sent to both sides',
    });
    for (const page of everyone) {
      await agreement(page, AGREEMENT).getByText('Proposed', { exact: true }).waitFor();
      const deposit = commitment(page, DEPOSIT);
      await deposit.getByText('A bank receipt sent to both sides').waitFor();
      // Who does it: the landlord's side.
      await deposit
        .getByRole('definition')
        .filter({ hasText: /Landlord$/ })
        .waitFor();
    }

    // Side A accepts, then side B: each for its own side only.
    await agreement(a.page, AGREEMENT)
      .getByRole('button', { name: /^Accept for Tenant/ })
      .click();
    for (const page of everyone) await agreement(page, AGREEMENT).getByText('Accepted by Tenant').waitFor();
    expect(
      await agreement(a.page, AGREEMENT)
        .getByRole('button', { name: /^Accept for Landlord/ })
        .count(),
    ).toBe(0);
    expect(
      await agreement(mediator.page, AGREEMENT)
        .getByRole('button', { name: /^Accept/ })
        .count(),
    ).toBe(0);
    await agreement(b.page, AGREEMENT)
      .getByRole('button', { name: /^Accept for Landlord/ })
      .click();
    for (const page of everyone) await agreement(page, AGREEMENT).getByText('Accepted by both').waitFor();
    // Accepted terms are locked: no edit of the agreement or its commitment is offered any more.
    expect(
      await agreement(mediator.page, AGREEMENT)
        .getByRole('button', { name: /^Edit / })
        .count(),
    ).toBe(0);

    // In force: the landlord's side marks the commitment done, then the agreement's outcome.
    await commitment(b.page, DEPOSIT)
      .getByRole('combobox', { name: `Status of commitment “${DEPOSIT}”` })
      .selectOption({ label: 'Done' });
    for (const page of [a.page, mediator.page]) {
      await expect
        .poll(() =>
          commitment(page, DEPOSIT)
            .getByRole('combobox', { name: /^Status of commitment/ })
            .inputValue(),
        )
        .toBe('done');
    }
    await agreement(mediator.page, AGREEMENT)
      .getByRole('combobox', { name: `Outcome of agreement “${AGREEMENT}”` })
      .selectOption({ label: 'Done' });
    for (const page of everyone) {
      await agreement(page, AGREEMENT).getByText('Done', { exact: true }).first().waitFor();
    }

    // An observer reads it all, and is offered nothing to change.
    const observer = await person(browser(), invites.observer, NAMES.observer);
    await agreement(observer.page, AGREEMENT).getByText('A bank receipt sent to both sides').waitFor();
    await option(observer.page, LEASE_OPTION).getByText('Landlord’s score: 5 of 5').waitFor();
    const jointColumn = observer.page.getByRole('region', { name: 'Joint space' });
    for (const role of ['radio', 'combobox', 'textbox', 'checkbox'] as const) {
      expect(await jointColumn.getByRole(role).count(), `${role}s offered to an observer`).toBe(0);
    }
    await screenshot(a.page, '5-joint', 'agreement-done-side-a');
    await screenshot(observer.page, '5-joint', 'observer');
  });

  test('an acceptance of terms changed at the same moment on another screen is asked again', async () => {
    const { a, b } = await negotiation(browser(), server().url);
    const before = 'Tenant may use the garden on weekends';
    const after = 'Tenant may use the garden on Sundays';
    await proposeAgreement(b.page, before);
    await agreement(a.page, before).getByText('Proposed', { exact: true }).waitFor();

    // The landlord's side starts changing the text; the tenant's side accepts meanwhile.
    await agreement(b.page, before)
      .getByRole('button', { name: /^Edit agreement/ })
      .click();
    const editor = b.page.getByRole('form', { name: /^Edit agreement/ });
    await editor.getByRole('textbox', { name: 'Agreement' }).fill(after);
    await agreement(a.page, before)
      .getByRole('button', { name: /^Accept for Tenant/ })
      .click();
    // Its open editor shows the acceptance arriving and what saving now means.
    await section(b.page, 'Agreements')
      .getByText(/Tenant\s*accepted/)
      .waitFor();
    await section(b.page, 'Agreements')
      .getByText(/Saving your change asks for acceptance again/)
      .waitFor();
    await editor.getByRole('button', { name: 'Save' }).click();

    // The tenant accepted the earlier words: nobody is shown an acceptance of the new ones.
    for (const page of [a.page, b.page]) {
      const card = agreement(page, after);
      await card.getByText('Proposed', { exact: true }).waitFor();
      await card.getByText(/accepted earlier terms .*; they have changed since/).waitFor();
    }
    await screenshot(a.page, '5-joint', 'acceptance-of-earlier-terms');
    await agreement(a.page, after)
      .getByRole('button', { name: /^Accept the new terms for Tenant/ })
      .click();
    for (const page of [a.page, b.page]) await agreement(page, after).getByText('Accepted by Tenant').waitFor();
  });
});
