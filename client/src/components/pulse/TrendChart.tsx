// d3-scale and d3-shape only do the arithmetic (time and value scales, the line's path);
// React renders the SVG itself. That keeps the chart small, printable as plain SVG, free
// of a charting library that would own the DOM or draw to a canvas screen readers can't read.
import { scaleLinear, scaleTime } from 'd3-scale';
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

// Close to the rail's width, so that text in the SVG is drawn near its CSS size.
const WIDTH = 270;
const HEIGHT = 170;
const MARGIN = { top: 22, right: 12, bottom: 26, left: 28 };
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
          {axisTicks(x.ticks(4)).map((tick) => {
            const label = formatTime(tick.getTime());
            const at = x(tick);
            return (
              <text key={tick.getTime()} x={at} y={HEIGHT - 8} textAnchor={tickAnchor(at, label)}>
                {label}
              </text>
            );
          })}
        </g>
        <g className="pulse-trend-phases">
          {labelledMarks(phaseChanges, x).map(({ mark: m, showLabel }) => (
            <g key={`${m.at}-${m.label}`}>
              <title>{`Phase: ${m.label} at ${formatTime(m.at)}`}</title>
              <line x1={x(m.at)} x2={x(m.at)} y1={MARGIN.top - 4} y2={plotBottom} />
              {showLabel && (
                <text x={x(m.at) + 2} y={MARGIN.top - 8}>
                  {m.label}
                </text>
              )}
            </g>
          ))}
        </g>
        <g className="pulse-trend-agreements">
          {agreements.map((m) => {
            const cx = x(m.at);
            const cy = plotBottom - 5;
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

/** Room for one phase name at the chart's text size; a closer later mark keeps its line and tooltip only. */
const LABEL_GAP = 64;

function labelledMarks(marks: TimeMark[], x: (at: number) => number): Array<{ mark: TimeMark; showLabel: boolean }> {
  const sorted = [...marks].sort((a, b) => a.at - b.at);
  let lastLabelled = -Infinity;
  return sorted.map((mark) => {
    const showLabel = x(mark.at) - lastLabelled >= LABEL_GAP && x(mark.at) <= WIDTH - MARGIN.right - 30;
    if (showLabel) lastLabelled = x(mark.at);
    return { mark, showLabel };
  });
}

/** d3 treats the tick count as a hint; four labels are all that fit the width without overlapping. */
function axisTicks(ticks: Date[]): Date[] {
  const step = Math.ceil(ticks.length / 4);
  return ticks.filter((_, i) => i % step === 0);
}

/** Roughly half a character's width at the chart's 11px text, for labels of digits and letters. */
const HALF_CHAR = 3.5;

/**
 * A time label is centred on its tick unless that would cut it off at the chart's edge
 * (the last tick often sits a few pixels from it); then it ends, or starts, at the tick.
 */
function tickAnchor(at: number, label: string): 'start' | 'middle' | 'end' {
  const half = label.length * HALF_CHAR;
  if (at + half > WIDTH) return 'end';
  if (at - half < 0) return 'start';
  return 'middle';
}

function timeline(points: TrendPoint[], phases: TimeMark[], agreements: TimeMark[]) {
  return [
    ...points.map((p) => ({ at: p.at, text: `Pulse: mean ${formatMean(p.mean)} of 5, ${p.answers} answers` })),
    ...phases.map((m) => ({ at: m.at, text: `Phase: ${m.label}` })),
    ...agreements.map((m) => ({ at: m.at, text: `Agreement: ${m.label}` })),
  ].sort((a, b) => a.at - b.at);
}
