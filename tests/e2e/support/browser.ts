import { launchChromium } from '@parley/devkit';
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { captureFailure, forgetDevices } from './person.js';

/**
 * One browser for the whole test file, launched before its first test and closed after
 * its last. Each person still gets a browser context of their own. Call it after
 * `installCleanup()`.
 */
export function useBrowser(): () => Browser {
  let browser: Browser | null = null;
  beforeAll(async () => {
    browser = await launchChromium();
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
