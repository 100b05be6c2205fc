import type { Locator, Page } from 'playwright-core';

// Runs in the page: whether the element has the keyboard focus. Typed structurally,
// since the tests compile without the DOM library.
function isFocused(element: { ownerDocument: { activeElement: unknown } }): boolean {
  return element.ownerDocument.activeElement === element;
}

export function hasFocus(target: Locator): Promise<boolean> {
  return target.evaluate(isFocused);
}

/**
 * Presses Tab, as a keyboard user does, until `target` has the focus; fails if it is
 * never reached, which means it is not in the tab order.
 */
export async function tabTo(page: Page, target: Locator, maxPresses = 250): Promise<void> {
  await target.waitFor();
  for (let i = 0; i < maxPresses; i++) {
    if (await hasFocus(target)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`${target.toString()} was not reached with ${maxPresses} presses of Tab`);
}
