import type { Locator, Page } from 'playwright-core';

/** A side's private notes panel, and the mediator's notes, by their names. */

export function privateNotes(page: Page, sideName: string): Locator {
  return page.getByRole('region', { name: `Private notes — ${sideName}` });
}

/** A notes field saves when the person leaves it. */
export async function writeNote(panel: Locator, label: string, text: string): Promise<void> {
  const field = panel.getByRole('textbox', { name: label, exact: true });
  await field.fill(text);
  await field.blur();
}

export async function addDraft(panel: Locator, text: string, because: string): Promise<void> {
  await panel.getByRole('button', { name: 'Add a draft' }).click();
  const form = panel.getByRole('form', { name: 'New draft' });
  await form.getByRole('radio', { name: 'Position', exact: true }).check();
  await form.getByRole('textbox', { name: 'What you would ask for' }).fill(text);
  await form.getByRole('textbox', { name: 'Because', exact: true }).fill(because);
  await form.getByRole('button', { name: 'Add draft' }).click();
  await form.waitFor({ state: 'detached' });
  await panel.getByRole('listitem').filter({ hasText: text }).waitFor();
}
