import { describe, expect, test } from 'vitest';
import { useSuite } from './support/suite.js';
import { negotiation } from './support/negotiation.js';
import {
  answerByKeyboard,
  answerByMouse,
  closePulse,
  openPulse,
  pulsePanel,
  resultHeading,
  setMinimum,
  startPulse,
  statements,
  trendChart,
} from './support/pulse.js';
import { screenshot } from './support/shots.js';

/**
 * Scenario 6: the mediator runs pulse checks; side members answer by keyboard; a result
 * is shown only when enough people answered, and released results make the trend.
 */

const { browser, server } = useSuite();

describe('pulse checks', () => {
  test('a result is withheld below the minimum, released at it, and the trend shows only the released one', async () => {
    const { a, b, mediator } = await negotiation(browser(), server().url);
    // The panel loads on its own after the board.
    await pulsePanel(mediator.page).waitFor();
    const sides = [a.page, b.page];
    const everyone = [mediator.page, ...sides];

    // Two side members in this room: a minimum of two makes one answer too few and two enough.
    await setMinimum(mediator.page, 2);
    for (const page of sides) {
      await pulsePanel(page).getByText('No pulse check is open.', { exact: false }).waitFor();
      await pulsePanel(page).getByText('The trend appears here once a pulse result is released.').waitFor();
    }

    // First pulse: only side A answers, then the mediator closes it.
    await startPulse(mediator.page);
    for (const page of sides) {
      await openPulse(page).getByText('Pulse check: how does the room feel to you?').waitFor();
    }
    expect(await statements(a.page).count()).toBeGreaterThanOrEqual(1);
    // The mediator is told how many answered, never what, and is not asked to answer.
    await openPulse(mediator.page).getByText('0 of 2 answered').waitFor();
    expect(await statements(mediator.page).count()).toBe(0);
    await screenshot(a.page, '6-pulse', 'open-side-a');
    await screenshot(mediator.page, '6-pulse', 'open-mediator');

    await answerByKeyboard(a.page, 4);
    await openPulse(mediator.page).getByText('1 of 2 answered').waitFor();
    await openPulse(b.page).getByText('1 of 2 answered').waitFor();
    await closePulse(mediator.page);
    for (const page of everyone) {
      await resultHeading(page, 'withheld').waitFor();
      await pulsePanel(page)
        .getByText(/Withheld to protect anonymity: 1 person answered/)
        .waitFor();
      expect(
        await pulsePanel(page)
          .getByText(/^Mean /)
          .count(),
      ).toBe(0);
      await pulsePanel(page).getByText('The trend appears here once a pulse result is released.').waitFor();
      expect(await trendChart(page).count()).toBe(0);
    }
    await screenshot(b.page, '6-pulse', 'withheld');

    // Second pulse: both sides answer, by keyboard; with every eligible member answered it
    // closes by itself, at the minimum, so the result is released.
    await startPulse(mediator.page);
    await answerByKeyboard(b.page, 2);
    await answerByMouse(a.page, 4);
    for (const page of everyone) {
      await resultHeading(page, 'released').waitFor();
      await pulsePanel(page)
        .getByRole('heading', { name: /: 2 answers$/ })
        .waitFor();
      const means = pulsePanel(page).getByText(/^Mean \d\.\d of 5$/);
      await means.first().waitFor();
      // (4 + 2) / 2 for every statement.
      expect(new Set(await means.allInnerTexts())).toEqual(new Set(['Mean 3.0 of 5']));
      expect(await openPulse(page).count()).toBe(0);
    }

    // The trend holds the released pulse only.
    for (const page of everyone) {
      const chart = trendChart(page);
      await chart.waitFor();
      await expect
        .poll(() => chart.locator('desc').textContent())
        .toMatch(/^One released pulse at .+, mean 3\.0 of 5\.$/);
    }
    await screenshot(mediator.page, '6-pulse', 'released-mediator');
    await screenshot(a.page, '6-pulse', 'released-side-a');
  });
});
