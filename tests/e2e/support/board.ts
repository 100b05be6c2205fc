import type { Locator, Page } from 'playwright-core';

/**
 * The side boards as a person sees them, found by the names and roles the page gives
 * them: each board is a region named after its side, each part a region named by its
 * heading, each item a list item.
 */

export interface PositionInput {
  text: string;
  because?: string;
}

export interface InterestInput {
  text: string;
  /** The core concern's label as the form offers it; every new interest must choose one. */
  concern?: string;
}

export interface ConstraintInput {
  text: string;
  modality?: 'can' | 'cannot';
}

/** A side's board, e.g. `board(page, 'Tenant')`. */
export function board(page: Page, sideName: string): Locator {
  return page.getByRole('region', { name: sideName, exact: true });
}

/** A part of a board; its landmark is named after the board too, e.g. "Tenant: Positions". */
export function part(boardLocator: Locator, name: 'Positions' | 'Interests' | 'Constraints'): Locator {
  return boardLocator.getByRole('region', { name: new RegExp(`^.+: ${name}$`) });
}

/** The card of the item whose text contains `text`, in one part of a board. */
export function item(boardLocator: Locator, partName: 'Positions' | 'Interests' | 'Constraints', text: string) {
  return part(boardLocator, partName).getByRole('listitem').filter({ hasText: text });
}

export const position = (b: Locator, text: string) => item(b, 'Positions', text);
export const interest = (b: Locator, text: string) => item(b, 'Interests', text);
export const constraint = (b: Locator, text: string) => item(b, 'Constraints', text);

/** The marker a position without a because carries. */
/** The incomplete mark: the author is asked to add a because, everyone else told there is none yet. */
export const INCOMPLETE = /Incomplete — (add a|no) because/;

export async function addPosition(b: Locator, { text, because }: PositionInput): Promise<void> {
  await part(b, 'Positions').getByRole('button', { name: 'Add a position' }).click();
  const form = b.getByRole('form', { name: 'New position' });
  await form.getByRole('textbox', { name: 'What you ask for' }).fill(text);
  if (because !== undefined) await form.getByRole('textbox', { name: 'Because', exact: true }).fill(because);
  await form.getByRole('button', { name: 'Add position' }).click();
  await form.waitFor({ state: 'detached' });
  await position(b, text).waitFor();
}

export async function addInterest(b: Locator, { text, concern = 'Security' }: InterestInput): Promise<void> {
  await part(b, 'Interests').getByRole('button', { name: 'Add an interest' }).click();
  const form = b.getByRole('form', { name: 'New interest' });
  await form.getByRole('textbox', { name: 'Interest', exact: true }).fill(text);
  await form.getByRole('combobox', { name: 'Core concern' }).selectOption({ label: concern });
  await form.getByRole('button', { name: 'Add interest' }).click();
  await form.waitFor({ state: 'detached' });
  await interest(b, text).waitFor();
}

export async function addConstraint(b: Locator, { text, modality = 'cannot' }: ConstraintInput): Promise<void> {
  await part(b, 'Constraints').getByRole('button', { name: 'Add a constraint' }).click();
  const form = b.getByRole('form', { name: 'New constraint' });
  await form.getByRole('textbox', { name: 'Constraint', exact: true }).fill(text);
  await form.getByRole('radio', { name: modality === 'can' ? 'We can' : 'We cannot', exact: true }).check();
  await form.getByRole('button', { name: 'Add constraint' }).click();
  await form.waitFor({ state: 'detached' });
  await constraint(b, text).waitFor();
}

/** Fills in the missing because of a position through the prompt shown on it. */
export async function addBecause(b: Locator, positionText: string, because: string): Promise<void> {
  const card = position(b, positionText);
  await card.getByRole('textbox', { name: /^Why do you ask for this\?/ }).fill(because);
  await card.getByRole('button', { name: 'Add because' }).click();
  await card.getByText(INCOMPLETE).waitFor({ state: 'detached' });
}

/** The joint space's column. */
export function joint(page: Page): Locator {
  return page.getByRole('region', { name: 'Joint space', exact: true });
}

/** The agenda topic whose title contains `title`. */
export function topic(page: Page, title: string): Locator {
  return joint(page)
    .getByRole('region', { name: 'Agenda', exact: true })
    .getByRole('listitem')
    .filter({ hasText: title });
}

export async function addTopic(page: Page, title: string): Promise<void> {
  const agenda = joint(page).getByRole('region', { name: 'Agenda', exact: true });
  // A side of a mediated room proposes a topic; whoever runs the agenda adds one.
  await agenda.getByRole('button', { name: /^(Add|Propose) a topic$/ }).click();
  const form = agenda.getByRole('form', { name: 'New agenda topic' });
  await form.getByRole('textbox', { name: 'Topic', exact: true }).fill(title);
  await form.getByRole('button', { name: /^(Add|Propose) topic$/ }).click();
  await form.waitFor({ state: 'detached' });
  await topic(page, title).waitFor();
}
