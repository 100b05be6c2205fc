import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';

type Violation = Awaited<ReturnType<AxeBuilder['analyze']>>['violations'][number];

const BLOCKING = new Set(['serious', 'critical']);

function describe(violation: Violation): string {
  const nodes = violation.nodes.map((node) => {
    const summary = (node.failureSummary ?? '').split('\n').map((line) => `        ${line}`);
    return [`    at ${node.target.join(' ')}`, `      ${node.html}`, ...summary].join('\n');
  });
  return [`  [${violation.impact}] ${violation.id}: ${violation.help} (${violation.helpUrl})`, ...nodes].join('\n');
}

/**
 * Runs axe-core on the page as it is now, with WCAG 2.5.3 "label in name" added to its
 * default rules, and fails on any serious or critical violation, listing each with the
 * elements it was found on.
 */
export async function expectAccessible(page: Page, state: string): Promise<void> {
  const results = await new AxeBuilder({ page })
    // Off by default in axe 4.13 (experimental): a control's name must contain what it
    // shows, so that speech input ("click Interests") finds it (WCAG 2.5.3).
    .options({ rules: { 'label-content-name-mismatch': { enabled: true } } })
    .analyze();
  const blocking = results.violations.filter((v) => v.impact && BLOCKING.has(v.impact));
  if (blocking.length > 0) {
    throw new Error(
      `axe found ${blocking.length} serious or critical violation(s) on ${state}:\n${blocking.map(describe).join('\n')}`,
    );
  }
}
