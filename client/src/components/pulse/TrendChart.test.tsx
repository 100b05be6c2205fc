import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { TrendChart, formatTime } from './TrendChart';
import type { TrendPoint } from './trend';

afterEach(cleanup);

/** The chart's viewBox width: a label drawn past it is cut off in the rail. */
const WIDTH = 270;
/** At most half a character's width at the chart's 11px text, for these labels. */
const HALF_CHAR = 3.5;

function point(at: number, mean: number): TrendPoint {
  return { pulseId: `p${at}`, at, mean, answers: 3, constructs: {} };
}

function axisLabels(container: HTMLElement) {
  return [...container.querySelectorAll('.pulse-trend-axis text')].map((text) => ({
    label: text.textContent ?? '',
    x: Number(text.getAttribute('x')),
    anchor: text.getAttribute('text-anchor'),
  }));
}

describe('the pulse trend chart', () => {
  it('keeps every time label inside the chart, aligning one near the edge to its tick', () => {
    // One pulse at 09:04:40: the axis runs 09:02:10–09:07:10, so its 09:07 tick sits a few
    // pixels from the right edge, where a centred label would be cut off.
    const at = new Date(2026, 10, 28, 9, 4, 40).getTime();
    const { container } = render(<TrendChart points={[point(at, 3)]} phaseChanges={[]} agreements={[]} />);

    const labels = axisLabels(container);
    expect(labels.map((l) => l.label)).toContain(formatTime(new Date(2026, 10, 28, 9, 7).getTime()));
    const last = labels[labels.length - 1]!;
    expect(last.anchor).toBe('end');
    for (const { label, x, anchor } of labels) {
      const width = label.length * 2 * HALF_CHAR;
      const left = anchor === 'end' ? x - width : anchor === 'start' ? x : x - width / 2;
      expect(left, `${label} starts inside the chart`).toBeGreaterThanOrEqual(0);
      expect(left + width, `${label} ends inside the chart`).toBeLessThanOrEqual(WIDTH);
    }
  });

  it('centres labels that fit on their ticks', () => {
    const at = new Date(2026, 10, 28, 9, 5).getTime();
    const { container } = render(
      <TrendChart points={[point(at - 20 * 60_000, 4), point(at, 3)]} phaseChanges={[]} agreements={[]} />,
    );
    const labels = axisLabels(container);
    expect(labels.length).toBeGreaterThan(1);
    expect(labels.slice(0, -1).every((l) => l.anchor === 'middle')).toBe(true);
  });
});
