import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { readLocalStorage } from './measure.js';
import { RESULTS_DIR, STEP_TIMEOUT_MS, VIEWPORT } from './config.js';

/** A member's session as the join page stores it, to open the room on a fresh device without joining again. */
export interface StoredSession {
  origin: string;
  key: string;
  value: string;
}

/**
 * A fresh browser context (its own storage, IndexedDB and HTTP cache) with one page,
 * every wait bounded. With `session`, its localStorage already holds that member's
 * session, as on a device that joined before but has no copy of the room yet.
 */
export async function newDevice(
  browser: Browser,
  session?: StoredSession,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    viewport: VIEWPORT,
    ...(session && {
      storageState: {
        cookies: [],
        origins: [{ origin: session.origin, localStorage: [{ name: session.key, value: session.value }] }],
      },
    }),
  });
  context.setDefaultTimeout(STEP_TIMEOUT_MS);
  context.setDefaultNavigationTimeout(STEP_TIMEOUT_MS);
  const page = await context.newPage();
  return { context, page };
}

/**
 * The invite link flow a person goes through: the join page, a display name, the join
 * button, then the live room page. Returns the session the page stored.
 */
export async function joinThroughInvite(page: Page, inviteUrl: string, name: string): Promise<StoredSession> {
  await page.goto(inviteUrl);
  const form = page.getByRole('form', { name: 'Join the room' });
  await form.getByRole('textbox', { name: 'Your name' }).fill(name);
  await form.getByRole('button', { name: /^Join as / }).click();
  await page.waitForURL(/\/room\//);
  await waitForLive(page);
  const roomId = decodeURIComponent(new URL(page.url()).pathname.split('/')[2] ?? '');
  const key = `parley:session:${roomId}`;
  const value = await page.evaluate(readLocalStorage, key);
  if (value === null) throw new Error(`the join page stored no session under ${key}`);
  return { origin: new URL(page.url()).origin, key, value };
}

/** The connection badge in the room header reads "Live". */
export async function waitForLive(page: Page): Promise<void> {
  await page.getByRole('status').filter({ hasText: /^Live/ }).waitFor();
}

/** The room page of a stored session's room. */
export function roomUrl(session: StoredSession): string {
  return `${session.origin}/room/${encodeURIComponent(session.key.slice('parley:session:'.length))}`;
}

/** Saves a screenshot into bench/results, to see what a page showed when a step failed. */
export async function screenshot(page: Page, name: string): Promise<void> {
  const file = path.join(RESULTS_DIR, `board-failure-${name}.png`);
  await page.screenshot({ path: file, timeout: 5_000 }).then(
    () => process.stderr.write(`bench:board: screenshot of the failed step: ${file}\n`),
    () => undefined,
  );
}
