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

/** A text element's estimated box: 11px text sits on its baseline y; width from HALF_CHAR. */
function textBox(text: Element) {
  const label = text.textContent ?? '';
  const x = Number(text.getAttribute('x'));
  const y = Number(text.getAttribute('y'));
  const width = label.length * 2 * HALF_CHAR;
  const anchor = text.getAttribute('text-anchor') ?? 'start';
  const left = anchor === 'end' ? x - width : anchor === 'middle' ? x - width / 2 : x;
  return { label, left, right: left + width, top: y - 11, bottom: y };
}

type Box = ReturnType<typeof textBox>;
const overlap = (a: Box, b: Box) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

function expectApartAndInside(boxes: Box[]) {
  for (const [i, a] of boxes.entries()) {
    expect(a.left, `${a.label} starts inside the chart`).toBeGreaterThanOrEqual(0);
    expect(a.right, `${a.label} ends inside the chart`).toBeLessThanOrEqual(WIDTH);
    for (const b of boxes.slice(i + 1)) expect(overlap(a, b), `${a.label} overlaps ${b.label}`).toBe(false);
  }
}

describe('the pulse trend chart keeps its labels apart', () => {
  it('thins the time labels of pulses two minutes apart so that none overlap', () => {
    // Wherever the two pulses fall in the minute, the padded axis puts a tick near the right
    // edge; its end-aligned label must not run into the centred one before it.
    const base = new Date(2026, 10, 28, 19, 39).getTime();
    for (let offset = 0; offset < 3 * 60_000; offset += 10_000) {
      const at = base + offset;
      const { container } = render(
        <TrendChart points={[point(at, 3), point(at + 2 * 60_000, 2)]} phaseChanges={[]} agreements={[]} />,
      );
      const boxes = [...container.querySelectorAll('.pulse-trend-axis text')].map(textBox);
      expect(boxes.length, `labels for ${formatTime(at)}`).toBeGreaterThan(1);
      expectApartAndInside(boxes);
      cleanup();
    }
  });

  it('shows both names of phase changes a minute apart without overlapping them', () => {
    const at = new Date(2026, 10, 28, 19, 40).getTime();
    const { container } = render(
      <TrendChart
        points={[point(at, 3), point(at + 4 * 60_000, 4)]}
        phaseChanges={[
          { at: at + 60_000, label: 'Interests' },
          { at: at + 2 * 60_000, label: 'Options' },
        ]}
        agreements={[]}
      />,
    );
    const texts = [...container.querySelectorAll('.pulse-trend-phases text')];
    expect(texts.map((t) => t.textContent)).toEqual(['Interests', 'Options']);
    expectApartAndInside(texts.map(textBox));
  });

  it("keeps crowded phase names inside the chart, clear of each other and of the other phases' lines", () => {
    const at = new Date(2026, 10, 28, 19, 40).getTime();
    const { container } = render(
      <TrendChart
        points={[point(at, 3), point(at + 10 * 60_000, 4)]}
        phaseChanges={[
          { at: at + 5 * 60_000, label: 'Interests' },
          { at: at + 6 * 60_000, label: 'Options' },
          { at: at + 8.3 * 60_000, label: 'Agreement' },
        ]}
        agreements={[]}
      />,
    );
    // Every phase keeps its mark and its accessible name, even one whose name had no room.
    const lines = [...container.querySelectorAll('.pulse-trend-phases line')];
    expect(lines).toHaveLength(3);
    expect(container.querySelectorAll('.pulse-trend-phases title')).toHaveLength(3);
    const names = [...container.querySelectorAll('.pulse-trend-phases text')].map(textBox);
    expect(names.length).toBeGreaterThan(1);
    expectApartAndInside([...names, ...[...container.querySelectorAll('.pulse-trend-axis text')].map(textBox)]);
    // No dashed line runs through a name: a line that reaches a name's row passes beside it.
    for (const name of names) {
      for (const line of lines) {
        const lineX = Number(line.getAttribute('x1'));
        if (Number(line.getAttribute('y1')) < name.bottom) {
          expect(lineX > name.left && lineX < name.right, `a line crosses ${name.label}`).toBe(false);
        }
      }
    }
  });

  it('draws an agreement below the plot, where it cannot be read as a score of 1', () => {
    const at = new Date(2026, 10, 28, 19, 40).getTime();
    const { container } = render(
      <TrendChart
        points={[point(at, 1), point(at + 4 * 60_000, 4)]}
        phaseChanges={[]}
        agreements={[{ at: at + 60_000, label: 'Shared drive access' }]}
      />,
    );
    const gridOne = [...container.querySelectorAll('.pulse-trend-grid g')].find((g) => g.textContent === '1')!;
    const scoreOne = Number(gridOne.querySelector('line')!.getAttribute('y1'));
    const diamond = container.querySelector('.pulse-trend-agreements path')!;
    expect(diamond.querySelector('title')?.textContent).toBe(
      `Agreement at ${formatTime(at + 60_000)}: Shared drive access`,
    );
    const ys = (diamond.getAttribute('d') ?? '')
      .match(/-?[\d.]+/g)!
      .filter((_, i) => i % 2 === 1)
      .map(Number);
    // Clear of a point at score 1 (radius 3.5 plus its stroke) and above the time labels.
    expect(Math.min(...ys)).toBeGreaterThan(scoreOne + 5);
    const axisTop = Math.min(...[...container.querySelectorAll('.pulse-trend-axis text')].map((t) => textBox(t).top));
    expect(Math.max(...ys)).toBeLessThanOrEqual(axisTop);
  });
});
