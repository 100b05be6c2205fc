import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';

/** Screenshots land in `test-results/e2e/` at the repository root (ignored by git), kept as artifacts. */
export const SHOTS_DIR = fileURLToPath(new URL('../../../test-results/e2e/', import.meta.url));

/** Saves the whole page as `test-results/e2e/<scenario>-<state>.png` and returns the path. */
export async function screenshot(page: Page, scenario: string, state: string): Promise<string> {
  mkdirSync(SHOTS_DIR, { recursive: true });
  const file = path.join(SHOTS_DIR, `${scenario}-${state}.png`);
  await page.screenshot({ path: file, fullPage: true, animations: 'disabled' });
  return file;
}
