import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { captureFailure, forgetDevices } from './person.js';

/**
 * Debian's Chromium, never a browser a tool downloads. `CHROMIUM_PATH` points elsewhere
 * (another distribution's package, a local build).
 */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  // Pages of a whole negotiation sit side by side in one browser; none may be throttled
  // as a background tab while another one is driven.
  '--disable-background-timer-throttling',
  '--disable-renderer-backgrounding',
  '--disable-backgrounding-occluded-windows',
];

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`no Chromium at ${CHROMIUM_PATH}: install it (apt-get install -y chromium) or set CHROMIUM_PATH`);
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: ARGS, headless: true });
}

/**
 * One browser for the whole test file, launched before its first test and closed after
 * its last. Each person still gets a browser context of their own. Call it after
 * `installCleanup()`.
 */
export function useBrowser(): () => Browser {
  let browser: Browser | null = null;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  // Registered after the file's cleanup hooks, so it runs before they close the contexts.
  afterEach(async ({ task }) => {
    if ((task.result?.errors?.length ?? 0) > 0 || task.result?.state === 'fail') await captureFailure(task.name);
    forgetDevices();
  });
  afterAll(async () => {
    await browser?.close();
    browser = null;
  });
  return () => {
    if (!browser) throw new Error('the browser is not running (useBrowser() must be called at the top of the file)');
    return browser;
  };
}
