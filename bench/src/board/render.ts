import type { Browser, Page } from 'playwright-core';
import { newDevice, roomUrl, screenshot, type StoredSession } from './browser.js';
import { RENDER_SAMPLES, STEP_TIMEOUT_MS } from './config.js';
import { renderedAt, renderProbe, SIDE_A_CARDS } from './measure.js';

export interface RenderSamples {
  /** A fresh browser context per load: no IndexedDB copy, no HTTP cache; the board comes from the server. */
  cold: number[];
  /** Reloads of one page that has opened the room before: the board is also in its IndexedDB copy. */
  reload: number[];
}

/**
 * How long side A's member waits for their board: from navigation start of the room
 * page to the frame in which all `count` cards are painted. One cold load first that is
 * not counted (it loads the room on the server and warms the disk cache), then
 * `RENDER_SAMPLES` cold loads, then as many reloads of a page with a local copy.
 */
export async function measureRender(browser: Browser, session: StoredSession, count: number): Promise<RenderSamples> {
  const cold: number[] = [];
  for (let i = 0; i <= RENDER_SAMPLES; i++) {
    const { context, page } = await newDevice(browser, session);
    try {
      await context.addInitScript(renderProbe, { selector: SIDE_A_CARDS, count });
      await page.goto(roomUrl(session));
      const ms = await waitForBoard(page, count);
      if (i > 0) cold.push(ms);
    } finally {
      await context.close();
    }
  }

  const reload: number[] = [];
  const { context, page } = await newDevice(browser, session);
  try {
    await context.addInitScript(renderProbe, { selector: SIDE_A_CARDS, count });
    await page.goto(roomUrl(session));
    await waitForBoard(page, count);
    // Let y-indexeddb finish storing the first visit's state before the first reload.
    await page.waitForTimeout(500);
    for (let i = 0; i < RENDER_SAMPLES; i++) {
      await page.reload();
      reload.push(await waitForBoard(page, count));
    }
  } finally {
    await context.close();
  }
  return { cold, reload };
}

async function waitForBoard(page: Page, count: number): Promise<number> {
  try {
    const handle = await page.waitForFunction(renderedAt, undefined, { timeout: STEP_TIMEOUT_MS, polling: 100 });
    return (await handle.jsonValue()) as number;
  } catch (error) {
    const cards = await page
      .locator(SIDE_A_CARDS)
      .count()
      .catch(() => -1);
    await screenshot(page, `${count}-render`);
    throw new Error(`side A's board did not show ${count} cards (it shows ${cards}): ${(error as Error).message}`);
  }
}
