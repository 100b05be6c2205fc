import type { Locator, Page } from 'playwright-core';
import { CHANGE_PAUSE_MS, CHANGE_SAMPLES, STEP_TIMEOUT_MS } from './config.js';
import { TARGET_TEXT } from './items.js';
import { armChangeProbe, changeSeenAt, installClickClock, SIDE_A_CARDS, SIDE_A_TEXTS, takeClickAt } from './measure.js';
import { sleep } from '@parley/devkit';

const SIDE_A_BOARD = 'section.column-side.side-a';
/** Appended one per edit; letters only, so the saved (trimmed) text is exactly what was typed. */
const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/**
 * An item is changed only when its editor is saved (`EditableItem`: Edit opens a form,
 * Save writes the changed fields; typing alone writes nothing). So each sample is one
 * edit as a person makes it on `author`'s page: Edit on the first position, one letter
 * typed at the end of its text, Save. Timed from the Save click, as the page receives
 * it, to the paint of the new text on `watcher`'s page. Both pages live in one browser,
 * so `timeOrigin + now()` is one clock for both.
 */
export async function measureRemoteChange(author: Page, watcher: Page, count: number): Promise<number[]> {
  await Promise.all([boardShown(author, count), boardShown(watcher, count)]);
  await author.evaluate(installClickClock);
  const card = author.locator(SIDE_A_CARDS).first();
  let text = TARGET_TEXT;
  const samples: number[] = [];
  for (let i = 0; i < CHANGE_SAMPLES; i++) {
    const next = text + LETTERS[i % LETTERS.length];
    const save = await openEditorAndType(card, next.slice(-1));
    await watcher.evaluate(armChangeProbe, { board: SIDE_A_BOARD, texts: SIDE_A_TEXTS, before: text, after: next });
    // Clears any earlier click (Edit), so the one read below is Save's.
    await author.evaluate(takeClickAt);
    await save.click();
    const seen = await watcher.waitForFunction(changeSeenAt, undefined, { timeout: STEP_TIMEOUT_MS, polling: 50 });
    const seenAt = (await seen.jsonValue()) as number;
    const clickedAt = await author.evaluate(takeClickAt);
    if (clickedAt === null) throw new Error('the author page recorded no click on Save');
    samples.push(seenAt - clickedAt);
    text = next;
    // The editor closes once the write is accepted; wait for that before the next edit.
    await card.getByRole('form').waitFor({ state: 'detached' });
    await sleep(CHANGE_PAUSE_MS);
  }
  return samples;
}

/** Waits until the page shows every card of side A's board. */
async function boardShown(page: Page, count: number): Promise<void> {
  await page
    .locator(SIDE_A_CARDS)
    .nth(count - 1)
    .waitFor();
}

/** Opens the card's editor, types `letter` at the end of its text and returns its Save button. */
async function openEditorAndType(card: Locator, letter: string): Promise<Locator> {
  await card.getByRole('button', { name: /^Edit position/ }).click();
  const form = card.getByRole('form', { name: /^Edit position/ });
  const field = form.getByRole('textbox', { name: 'What you ask for' });
  await field.focus();
  await field.press('Control+End');
  await field.press(letter);
  // Opening the editor tells the others who is editing; let that settle so the timed
  // save does not share the wire with it.
  await sleep(CHANGE_PAUSE_MS);
  return form.getByRole('button', { name: 'Save', exact: true });
}
