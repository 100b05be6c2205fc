import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { expectAccessible } from './support/axe.js';
import { addPosition, board } from './support/board.js';
import { useSuite } from './support/suite.js';
import { negotiation } from './support/negotiation.js';
import { privateNotes, writeNote } from './support/private.js';
import { screenshot } from './support/shots.js';

/**
 * The session report: opened from the room, built in the reader's browser, downloadable
 * as Markdown, printable as a PDF, and holding a side's private notes only in that side's
 * own copy when asked.
 */

const { browser, server } = useSuite();

const WALK_AWAY = 'Move in with my sister in Leeds';

async function openReport(page: Page): Promise<void> {
  await page.getByRole('link', { name: 'Session report' }).click();
  await page.waitForURL(/\/report$/);
  await page.getByRole('heading', { name: 'Export' }).waitFor();
  await page.getByRole('status').filter({ hasText: 'Gathering' }).waitFor({ state: 'detached' });
}

describe('the session report', () => {
  test('records the session in every section, downloads as Markdown, prints to PDF, and keeps private notes private', async () => {
    const { a, mediator } = await negotiation(browser(), server().url);
    await addPosition(board(a.page, 'Tenant'), { text: 'Rent stays at 1,200 a month', because: 'our budget is fixed' });
    await writeNote(privateNotes(a.page, 'Tenant'), 'Walk-away alternative (BATNA)', WALK_AWAY);

    await openReport(mediator.page);
    const report = mediator.page.getByRole('article');
    for (const heading of [
      'Sides and participants',
      'Agenda',
      'Options',
      'Agreements and commitments',
      'Pulse trend and phases',
    ]) {
      await report.getByRole('heading', { name: heading, exact: true }).waitFor();
    }
    await report.getByText('Rent stays at 1,200 a month').waitFor();
    expect(await mediator.page.content()).not.toContain(WALK_AWAY);
    expect(await mediator.page.getByRole('checkbox', { name: /private notes/ }).count()).toBe(0);
    await expectAccessible(mediator.page, 'report as mediator');
    await screenshot(mediator.page, 'report', 'mediator');

    const download = mediator.page.waitForEvent('download');
    await mediator.page.getByRole('button', { name: 'Download Markdown' }).click();
    const markdown = await readFile((await (await download).path())!, 'utf8');
    expect(markdown).toContain('- Rent stays at 1,200 a month — because our budget is fixed');
    expect(markdown).not.toContain(WALK_AWAY);

    await mediator.page.emulateMedia({ media: 'print' });
    await screenshot(mediator.page, 'report', 'print-layout');
    const pdf = await mediator.page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    // One page per part: the print layout breaks before options, agreements and the pulse trend.
    expect(pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)?.length ?? 0).toBeGreaterThanOrEqual(3);

    await openReport(a.page);
    expect(await a.page.content()).not.toContain(WALK_AWAY);
    await a.page.getByRole('checkbox', { name: 'Include our private notes (only in my copy)' }).check();
    await a.page.getByRole('article').getByText(WALK_AWAY).waitFor();
    await screenshot(a.page, 'report', 'side-a-with-private-notes');
  });
});
