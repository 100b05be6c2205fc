import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { trackClient } from '../../helpers/cleanup.js';
import { screenshot } from './shots.js';

/** One person at one device: their own browser context (storage, cookies, network) and page. */
export interface Person {
  name: string;
  context: BrowserContext;
  page: Page;
}

/** Locator waits and actions give up after this; the test timeout stays the outer bound. */
const ACTION_TIMEOUT_MS = 15_000;

/** Where a wide room fits its three columns side by side, as on a laptop. */
export const VIEWPORT = { width: 1440, height: 900 };

/** A fresh context with one page; closed after the current test. */
export async function newDevice(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  context.setDefaultTimeout(ACTION_TIMEOUT_MS);
  trackClient(() => context.close());
  const page = await context.newPage();
  watch(page);
  return { context, page };
}

interface Watched {
  page: Page;
  device: number;
  errors: string[];
}

const watched = new Set<Watched>();
let devices = 0;

/** Keeps what the page itself reports (uncaught errors, console errors) for a failing test. */
function watch(page: Page): void {
  const entry: Watched = { page, device: ++devices, errors: [] };
  watched.add(entry);
  page.on('pageerror', (error) => entry.errors.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') entry.errors.push(`console error: ${message.text()}`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400) {
      entry.errors.push(`HTTP ${response.status()} ${response.request().method()} ${response.url()}`);
    }
  });
  page.on('close', () => watched.delete(entry));
}

/**
 * After a failed test, before its contexts close: a screenshot of every open page
 * (`test-results/e2e/failed-<test>-device<n>.png`) and what each page reported.
 */
export async function captureFailure(testName: string): Promise<void> {
  const name = testName.replace(/[^a-z0-9]+/gi, '-').slice(0, 60);
  for (const { page, device, errors } of watched) {
    if (page.isClosed()) continue;
    const file = await screenshot(page, 'failed', `${name}-device${device}`).catch(() => null);
    console.error(
      [`device ${device} at ${page.url()}${file ? `: ${file}` : ''}`, ...errors.map((e) => `  ${e}`)].join('\n'),
    );
  }
}

/** Forgets the pages of a finished test. */
export function forgetDevices(): void {
  watched.clear();
}

/** The connection badge in the room header ("Live", "Connecting…", "Offline — reconnecting"). */
export function connection(page: Page): Locator {
  return page
    .getByRole('status')
    .filter({ hasText: /^(Live|Connecting…|Offline — reconnecting|Not saving — retrying)/ });
}

/** Waits until the badge reads `text` (e.g. "Live"). */
export async function waitForConnection(
  page: Page,
  text: 'Live' | 'Offline — reconnecting' | 'Connecting…' | 'Not saving — retrying',
) {
  await connection(page)
    .filter({ hasText: new RegExp(`^${text}`) })
    .waitFor();
}

/**
 * Opens an invite link as a new person: the join page, their display name, the join
 * button, then the room page once it is live and every board has loaded.
 */
export async function person(browser: Browser, inviteUrl: string, name: string): Promise<Person> {
  const { context, page } = await newDevice(browser);
  await page.goto(inviteUrl);
  await joinAs(page, name);
  return { name, context, page };
}

/** On a join page: enters the display name and joins, then waits for the live room. */
export async function joinAs(page: Page, name: string): Promise<void> {
  const form = page.getByRole('form', { name: 'Join the room' });
  await form.getByRole('textbox', { name: 'Your name' }).fill(name);
  await form.getByRole('button', { name: /^Join as / }).click();
  await page.waitForURL(/\/room\//);
  await roomReady(page);
}

/** The room page is up: connected, and no board still loading. */
export async function roomReady(page: Page): Promise<void> {
  await waitForConnection(page, 'Live');
  await page.getByRole('region', { name: 'Joint space' }).getByRole('heading', { name: 'Agenda' }).waitFor();
  for (const board of await page.locator('section.column-side').all()) {
    await board.getByRole('heading', { name: 'Positions' }).waitFor();
  }
}
