import type { Locator, Page } from 'playwright-core';
import { joint } from './board.js';

/**
 * The joint space's options, coverage and agreements, by the names the page gives them.
 * Item names in buttons and groups are the item's text shortened to 48 characters, so
 * the texts used with these helpers are kept shorter than that.
 */

export function section(page: Page, name: 'Options' | 'Coverage' | 'Criteria' | 'Agreements'): Locator {
  return joint(page).getByRole('region', { name, exact: true });
}

export function option(page: Page, text: string): Locator {
  return section(page, 'Options')
    .getByRole('listitem')
    .filter({ has: page.getByText(text, { exact: true }) });
}

export function agreement(page: Page, text: string): Locator {
  return section(page, 'Agreements')
    .getByRole('listitem')
    .filter({ has: page.getByText(text, { exact: true }) })
    .first();
}

export function commitment(page: Page, what: string): Locator {
  return section(page, 'Agreements')
    .getByRole('listitem')
    .filter({ has: page.getByText(what, { exact: true }) })
    .last();
}

export interface OptionInput {
  text: string;
  /** Interest texts to tick, per side name as the form's groups call them ("Serves Tenant’s interests"). */
  serves: Record<string, string[]>;
}

export async function addOption(page: Page, { text, serves }: OptionInput): Promise<void> {
  const options = section(page, 'Options');
  await options.getByRole('button', { name: 'Add an option' }).click();
  const form = options.getByRole('form', { name: 'New option' });
  await form.getByRole('textbox', { name: 'Option', exact: true }).fill(text);
  for (const [groupName, interests] of Object.entries(serves)) {
    const group = form.getByRole('group', { name: groupName });
    for (const interest of interests) await group.getByRole('checkbox', { name: interest }).check();
  }
  await form.getByRole('button', { name: 'Add option' }).click();
  await form.waitFor({ state: 'detached' });
  await option(page, text).waitFor();
}

/** The member's own side scores an option 1–5. */
export async function score(page: Page, optionText: string, value: number): Promise<void> {
  const group = option(page, optionText).getByRole('group', { name: `Your score for option “${optionText}”` });
  await group.getByRole('radio', { name: String(value), exact: true }).check();
}

export async function proposeAgreement(page: Page, text: string): Promise<void> {
  const agreements = section(page, 'Agreements');
  await agreements.getByRole('button', { name: 'Propose an agreement' }).click();
  const form = agreements.getByRole('form', { name: 'New agreement' });
  await form.getByRole('textbox', { name: 'Agreement', exact: true }).fill(text);
  await form.getByRole('button', { name: 'Propose agreement' }).click();
  await form.waitFor({ state: 'detached' });
  await agreement(page, text).waitFor();
}

export interface CommitmentInput {
  what: string;
  /** The side name of who does it. */
  who: string;
  /** `YYYY-MM-DD` */
  due: string;
  /** Empty leaves the commitment asking for a way to verify it. */
  verification: string;
}

export async function addCommitment(page: Page, agreementText: string, input: CommitmentInput): Promise<void> {
  const card = agreement(page, agreementText);
  await card.getByRole('button', { name: 'Add a commitment' }).click();
  const form = card.getByRole('form', { name: `New commitment for agreement “${agreementText}”` });
  await form.getByRole('textbox', { name: 'What will be done' }).fill(input.what);
  await form.getByRole('group', { name: 'Who does it' }).getByRole('radio', { name: input.who }).check();
  await form.getByLabel('Due by').fill(input.due);
  if (input.verification) {
    await form.getByRole('textbox', { name: 'How will we know it was done?' }).fill(input.verification);
  }
  await form.getByRole('button', { name: 'Add commitment' }).click();
  await form.waitFor({ state: 'detached' });
  await commitment(page, input.what).waitFor();
}
