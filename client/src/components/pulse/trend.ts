import { PULSE_CONSTRUCT_LABELS, pulseStatement, type PulseConstruct, type PulseView } from '@parley/shared';

/** One released pulse on the trend: the mean over its statements, which every answer rated. */
export interface TrendPoint {
  pulseId: string;
  at: number;
  mean: number;
  answers: number;
  /** Mean per construct asked in this pulse. */
  constructs: Partial<Record<PulseConstruct, number>>;
}

export function trendPoints(history: PulseView[]): TrendPoint[] {
  const points: TrendPoint[] = [];
  for (const pulse of history) {
    const result = pulse.result;
    if (!result?.released || result.statements.length === 0) continue;
    const constructs: Partial<Record<PulseConstruct, number>> = {};
    for (const s of result.statements) {
      const construct = pulseStatement(s.statementId)?.construct;
      if (construct) constructs[construct] = s.mean;
    }
    const mean = result.statements.reduce((sum, s) => sum + s.mean, 0) / result.statements.length;
    points.push({ pulseId: pulse.pulseId, at: pulse.openedAt, mean, answers: result.answers, constructs });
  }
  return points.sort((a, b) => a.at - b.at);
}

/** Means are shown with one decimal: the scale has five steps, more digits would be noise. */
export const formatMean = (mean: number): string => mean.toFixed(1);

export interface Suggestion {
  id: string;
  text: string;
}

export interface Suggestions {
  /** Why suggestions are shown, e.g. "The pulse fell from 3.9 to 3.2." */
  reason: string;
  items: Suggestion[];
}

/** A drop this large between two pulses is more than the noise of a handful of answers. */
export const FALL_THRESHOLD = 0.5;
/** Below the middle of the scale, people on balance disagree that the room feels safe. */
export const LOW_THRESHOLD = 3;

const BY_CONSTRUCT: Record<PulseConstruct, Suggestion> = {
  voice: {
    id: 'open-question',
    text: 'Ask an open question, then leave a silence long enough for the quieter people to answer.',
  },
  heard: {
    id: 'acknowledge',
    text: "Acknowledge the other side's concern: say back what you heard before anyone responds to it.",
  },
  fairness: {
    id: 'process',
    text: 'Restate how the session runs and how decisions will be made, and ask whether that still works for both sides.',
  },
  followThrough: {
    id: 'concrete',
    text: 'Make commitments concrete — who does what by when, and how the other side will know.',
  },
  risk: {
    id: 'tentative',
    text: 'Say explicitly that ideas floated now are not commitments, and invite a tentative one.',
  },
};

const BREAK: Suggestion = { id: 'break', text: 'Take a short break, then check in with each side separately.' };
const OPEN_QUESTION: Suggestion = {
  id: 'open-question',
  text: 'Ask an open question, then leave a silence long enough for the quieter people to answer.',
};
const ACKNOWLEDGE: Suggestion = BY_CONSTRUCT.heard;

/**
 * Suggestions for the facilitator when the trend falls: the mean dropped by at least
 * FALL_THRESHOLD since the previous pulse, or is below LOW_THRESHOLD. The first
 * suggestion addresses the weakest construct of the latest pulse; a break is suggested
 * when things are low or pause requests came in.
 */
export function suggestionsFor(points: TrendPoint[], pauseRequests = 0): Suggestions | null {
  const last = points[points.length - 1];
  if (!last) return null;
  const previous = points[points.length - 2];
  const fell = previous !== undefined && previous.mean - last.mean >= FALL_THRESHOLD;
  const low = last.mean < LOW_THRESHOLD;
  if (!fell && !low) return null;

  const reason = fell
    ? `The pulse fell from ${formatMean(previous.mean)} to ${formatMean(last.mean)}.`
    : `The latest pulse is ${formatMean(last.mean)} of 5, below the middle of the scale.`;
  const weakest = (Object.entries(last.constructs) as Array<[PulseConstruct, number]>).sort((a, b) => a[1] - b[1])[0];
  const items: Suggestion[] = [];
  const add = (s: Suggestion) => {
    if (!items.some((i) => i.id === s.id)) items.push(s);
  };
  if (weakest) {
    const [construct, mean] = weakest;
    add({
      ...BY_CONSTRUCT[construct],
      text: `${BY_CONSTRUCT[construct].text} (Lowest: “${PULSE_CONSTRUCT_LABELS[construct]}”, ${formatMean(mean)}.)`,
    });
  }
  add(OPEN_QUESTION);
  add(ACKNOWLEDGE);
  if (low || pauseRequests > 0 || (previous && previous.mean - last.mean >= 1)) items.unshift(BREAK);
  return { reason, items: items.slice(0, 3) };
}
