// d3-scale and d3-shape only do the arithmetic (time and value scales, the line's path);
// React renders the SVG itself. That keeps the chart small, printable as plain SVG, free
// of a charting library that would own the DOM or draw to a canvas screen readers can't read.
import { scaleLinear, scaleTime, type ScaleTime } from 'd3-scale';
import { curveMonotoneX, line } from 'd3-shape';
import { useId } from 'react';
import { formatMean, type TrendPoint } from './trend';

export interface TimeMark {
  at: number;
  label: string;
}

interface TrendChartProps {
  points: TrendPoint[];
  phaseChanges: TimeMark[];
  agreements: TimeMark[];
}

// Close to the rail's width, so that text in the SVG is drawn near its CSS size. Every
// placement below is in these viewBox units, so it holds however wide the chart is drawn.
const WIDTH = 270;
const HEIGHT = 186;
// The top margin holds two rows of phase names; the bottom one a lane for agreement marks
// above the time labels, so that an agreement cannot be read as a score on the 1–5 scale.
const MARGIN = { top: 32, right: 12, bottom: 34, left: 28 };
/** Baselines of the rows of phase names, one line of the 11px text apart. */
const PHASE_ROWS = [11, 23];
const PAD_MS = 5 * 60_000;

const timeFormat = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });
export const formatTime = (at: number): string => timeFormat.format(at);

function describe(points: TrendPoint[]): string {
  const first = points[0]!;
  const last = points[points.length - 1]!;
  if (points.length === 1) {
    return `One released pulse at ${formatTime(first.at)}, mean ${formatMean(first.mean)} of 5.`;
  }
  const previous = points[points.length - 2]!;
  const delta = last.mean - previous.mean;
  const change =
    Math.abs(delta) < 0.05
      ? 'unchanged from the previous pulse'
      : `${delta > 0 ? 'up' : 'down'} ${formatMean(Math.abs(delta))} from the previous pulse`;
  return `${points.length} released pulses from ${formatTime(first.at)} to ${formatTime(last.at)}. Latest mean ${formatMean(
    last.mean,
  )} of 5, ${change}.`;
}

/** The mean of every released pulse over the session, with phase changes and agreements on the same time axis. */
export function TrendChart({ points, phaseChanges, agreements }: TrendChartProps) {
  const titleId = useId();
  const descId = useId();
  if (points.length === 0) return null;

  const times = [...points.map((p) => p.at), ...phaseChanges.map((m) => m.at), ...agreements.map((m) => m.at)];
  let start = Math.min(...times);
  let end = Math.max(...times);
  if (end - start < PAD_MS) {
    start -= PAD_MS / 2;
    end += PAD_MS / 2;
  }
  const x = scaleTime()
    .domain([start, end])
    .range([MARGIN.left, WIDTH - MARGIN.right]);
  const y = scaleLinear()
    .domain([1, 5])
    .range([HEIGHT - MARGIN.bottom, MARGIN.top]);
  const path =
    line<TrendPoint>()
      .x((p) => x(p.at))
      .y((p) => y(p.mean))
      .curve(curveMonotoneX)(points) ?? '';
  const plotBottom = HEIGHT - MARGIN.bottom;

  return (
    <figure className="pulse-trend">
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-labelledby={titleId}
        aria-describedby={descId}
        className="pulse-trend-svg"
      >
        <title id={titleId}>Pulse trend through the session</title>
        <desc id={descId}>{describe(points)}</desc>
        <g className="pulse-trend-grid">
          {[1, 2, 3, 4, 5].map((v) => (
            <g key={v}>
              <line x1={MARGIN.left} x2={WIDTH - MARGIN.right} y1={y(v)} y2={y(v)} />
              <text x={MARGIN.left - 6} y={y(v)} dy="0.32em" textAnchor="end">
                {v}
              </text>
            </g>
          ))}
        </g>
        <g className="pulse-trend-axis">
          {axisTicks(x).map((tick) => (
            <text key={tick.key} x={tick.x} y={HEIGHT - 4} textAnchor={tick.anchor}>
              {tick.label}
            </text>
          ))}
        </g>
        <g className="pulse-trend-phases">
          {placePhaseNames(phaseChanges, x).map(({ mark: m, at, name }) => (
            <g key={`${m.at}-${m.label}`}>
              <title>{`Phase: ${m.label} at ${formatTime(m.at)}`}</title>
              {/* The line starts just under its own name; an unnamed one just above the plot. */}
              <line x1={at} x2={at} y1={name ? PHASE_ROWS[name.row]! + 4 : MARGIN.top - 4} y2={plotBottom} />
              {name && (
                <text x={name.x} y={PHASE_ROWS[name.row]} textAnchor={name.anchor}>
                  {m.label}
                </text>
              )}
            </g>
          ))}
        </g>
        <g className="pulse-trend-agreements">
          {agreements.map((m) => {
            // In its own lane under the plot, clear of a point at 1 and above the time labels.
            const cx = x(m.at);
            const cy = plotBottom + 11;
            return (
              <path key={`${m.at}-${m.label}`} d={`M${cx},${cy - 5}L${cx + 4},${cy}L${cx},${cy + 5}L${cx - 4},${cy}Z`}>
                <title>{`Agreement at ${formatTime(m.at)}: ${m.label}`}</title>
              </path>
            );
          })}
        </g>
        <path className="pulse-trend-line" d={path} />
        <g className="pulse-trend-points">
          {points.map((p) => (
            <circle key={p.pulseId} cx={x(p.at)} cy={y(p.mean)} r={3.5}>
              <title>{`${formatTime(p.at)}: mean ${formatMean(p.mean)} of 5 (${p.answers} answers)`}</title>
            </circle>
          ))}
        </g>
      </svg>
      <figcaption className="pulse-trend-legend">
        <span className="legend-line">Mean of each released pulse (1–5)</span>
        {phaseChanges.length > 0 && <span className="legend-phase">Phase change</span>}
        {agreements.length > 0 && <span className="legend-agreement">Agreement recorded</span>}
      </figcaption>
      <details className="pulse-trend-table">
        <summary>Trend as a table</summary>
        <table>
          <caption className="visually-hidden">Released pulses, phase changes and agreements by time</caption>
          <thead>
            <tr>
              <th scope="col">Time</th>
              <th scope="col">What</th>
            </tr>
          </thead>
          <tbody>
            {timeline(points, phaseChanges, agreements).map((row, i) => (
              <tr key={i}>
                <td>{formatTime(row.at)}</td>
                <td>{row.text}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}

/** Roughly half a character's width at the chart's 11px text, for labels of digits and letters. */
const HALF_CHAR = 3.5;
/** The least space kept between two labels on the same line. */
const LABEL_GAP = 4;

type Anchor = 'start' | 'middle' | 'end';

/** The estimated horizontal extent of a label drawn at x with the given anchor. */
function extent(x: number, label: string, anchor: Anchor): { left: number; right: number } {
  const width = label.length * 2 * HALF_CHAR;
  const left = anchor === 'end' ? x - width : anchor === 'middle' ? x - width / 2 : x;
  return { left, right: left + width };
}

/**
 * A time label is centred on its tick unless that would cut it off at the chart's edge
 * (the last tick often sits a few pixels from it); then it ends, or starts, at the tick.
 */
function tickAnchor(at: number, label: string): Anchor {
  const half = label.length * HALF_CHAR;
  if (at + half > WIDTH) return 'end';
  if (at - half < 0) return 'start';
  return 'middle';
}

/**
 * d3 treats the tick count as a hint, and an edge label aligned to its tick reaches back
 * towards its neighbour; so keep every second, third… tick, the fewest skipped whose labels
 * all clear each other. Evenly spaced ticks read better than ones dropped one by one.
 */
function axisTicks(x: ScaleTime<number, number>) {
  const ticks = x.ticks(4).map((tick) => {
    const label = formatTime(tick.getTime());
    const at = x(tick);
    const anchor = tickAnchor(at, label);
    return { key: tick.getTime(), x: at, label, anchor, ...extent(at, label, anchor) };
  });
  for (let step = 1; step < ticks.length; step++) {
    const kept = ticks.filter((_, i) => i % step === 0);
    if (kept.every((t, i) => i === 0 || kept[i - 1]!.right + LABEL_GAP <= t.left)) return kept;
  }
  return ticks.slice(0, 1);
}

interface PlacedName {
  at: number;
  row: number;
  left: number;
  right: number;
}

/**
 * Phase changes minutes apart would print their names over each other, so each name takes
 * the first spot that is free: right of its line, else left of it (near the right edge), on the
 * top row, else the one below. Lines start under their own name, so a name must also not span
 * the line of a phase named on a row above it, nor sit over its own line's path through a lower
 * row. A name with no free spot is left off; its line and title still mark the change.
 */
function placePhaseNames(marks: TimeMark[], x: (at: number) => number) {
  const placed: PlacedName[] = [];
  const free = (spot: PlacedName) =>
    spot.left >= 0 &&
    spot.right <= WIDTH &&
    placed.every((p) =>
      p.row === spot.row
        ? p.right + LABEL_GAP <= spot.left || spot.right + LABEL_GAP <= p.left
        : p.row < spot.row
          ? p.at < spot.left || p.at > spot.right
          : spot.at < p.left || spot.at > p.right,
    );
  return [...marks]
    .sort((a, b) => a.at - b.at)
    .map((mark) => {
      const at = x(mark.at);
      for (let row = 0; row < PHASE_ROWS.length; row++) {
        for (const anchor of ['start', 'end'] as const) {
          const nameX = anchor === 'start' ? at + 2 : at - 2;
          const spot = { at, row, ...extent(nameX, mark.label, anchor) };
          if (free(spot)) {
            placed.push(spot);
            return { mark, at, name: { row, x: nameX, anchor } };
          }
        }
      }
      return { mark, at, name: null };
    });
}

function timeline(points: TrendPoint[], phases: TimeMark[], agreements: TimeMark[]) {
  return [
    ...points.map((p) => ({ at: p.at, text: `Pulse: mean ${formatMean(p.mean)} of 5, ${p.answers} answers` })),
    ...phases.map((m) => ({ at: m.at, text: `Phase: ${m.label}` })),
    ...agreements.map((m) => ({ at: m.at, text: `Agreement: ${m.label}` })),
  ].sort((a, b) => a.at - b.at);
}
