import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { hasFocus, tabTo } from './keyboard.js';

/**
 * The pulse panel beside the board, by the names it gives itself: a complementary
 * region "Pulse check", the open pulse as a region "Open pulse check", one radio group
 * per statement.
 */

export function pulsePanel(page: Page): Locator {
  return page.getByRole('complementary', { name: 'Pulse check' });
}

export function openPulse(page: Page): Locator {
  return pulsePanel(page).getByRole('region', { name: 'Open pulse check' });
}

/** The statements of the open pulse, one radio group each. */
export function statements(page: Page): Locator {
  return openPulse(page).getByRole('group');
}

/** A facilitator sets the room's minimum number of answers for a result to be shown. */
export async function setMinimum(page: Page, minimum: number): Promise<void> {
  const panel = pulsePanel(page);
  await panel.getByRole('spinbutton', { name: 'Minimum answers to show a result' }).fill(String(minimum));
  const save = panel.getByRole('button', { name: 'Save', exact: true });
  await save.click();
  // Saved once the server's minimum is the one typed: nothing is left to save.
  await expect.poll(() => save.isDisabled()).toBe(true);
}

export async function startPulse(page: Page): Promise<void> {
  await pulsePanel(page).getByRole('button', { name: 'Start a pulse now' }).click();
  await openPulse(page).waitFor();
}

export async function closePulse(page: Page): Promise<void> {
  await openPulse(page).getByRole('button', { name: 'Close now' }).click();
  await openPulse(page).waitFor({ state: 'detached' });
}

/** Answers every statement with `rating` (1–5) by clicking, then submits. */
export async function answerByMouse(page: Page, rating: number): Promise<void> {
  const groups = await statements(page).all();
  for (const group of groups)
    await group
      .getByRole('radio')
      .nth(rating - 1)
      .check();
  const submit = openPulse(page).getByRole('button', { name: 'Submit' });
  await submit.click();
  await answered(page, submit);
}

/**
 * The answer went through: the form gives way to a thank-you, or, for the last member
 * to answer, the pulse closes at once.
 */
async function answered(page: Page, submit: Locator): Promise<void> {
  await submit.waitFor({ state: 'detached' });
  await openPulse(page)
    .getByText('You answered — thank you.')
    .or(pulsePanel(page).getByRole('heading', { name: /^Pulse at / }))
    .first()
    .waitFor();
}

/**
 * Answers every statement with `rating` using only the keyboard: Tab into each radio
 * group, Space to pick the first value, arrow keys to move up the scale, Enter to send.
 */
export async function answerByKeyboard(page: Page, rating: number): Promise<void> {
  const groups = await statements(page).all();
  if (groups.length === 0) throw new Error('the open pulse shows no statement to answer');
  for (const group of groups) {
    const radios = group.getByRole('radio');
    await tabTo(page, radios.first());
    await page.keyboard.press('Space');
    for (let step = 1; step < rating; step++) await page.keyboard.press('ArrowRight');
    await expect.poll(() => radios.nth(rating - 1).isChecked()).toBe(true);
    expect(await hasFocus(radios.nth(rating - 1))).toBe(true);
  }
  const submit = openPulse(page).getByRole('button', { name: 'Submit' });
  await tabTo(page, submit, 10);
  await page.keyboard.press('Enter');
  await answered(page, submit);
}

/** The heading of the latest closed pulse's result, e.g. "Pulse at 14:05: result withheld". */
export function resultHeading(page: Page, outcome: 'withheld' | 'released'): Locator {
  const name = outcome === 'withheld' ? /^Pulse at .+: result withheld$/ : /^Pulse at .+: \d+ answers$/;
  return pulsePanel(page).getByRole('heading', { name });
}

/** The trend chart, an SVG image whose description sums it up in words. */
export function trendChart(page: Page): Locator {
  return pulsePanel(page).getByRole('img', { name: 'Pulse trend through the session' });
}
