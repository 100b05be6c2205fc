import { z } from 'zod';

/**
 * The pulse-check statement bank, written for Parley. Each statement measures one
 * construct; a pulse draws 1–3 statements from different constructs.
 */
export const PULSE_CONSTRUCTS = ['voice', 'heard', 'fairness', 'followThrough', 'risk'] as const;
export type PulseConstruct = (typeof PULSE_CONSTRUCTS)[number];

export const PULSE_CONSTRUCT_LABELS: Record<PulseConstruct, string> = {
  voice: 'Safe to speak up',
  heard: 'Feeling heard',
  fairness: 'Fair process',
  followThrough: 'Confidence in follow-through',
  risk: 'Room to take risks',
};

export interface PulseStatement {
  id: string;
  construct: PulseConstruct;
  text: string;
}

export const PULSE_BANK: readonly PulseStatement[] = [
  { id: 'voice-1', construct: 'voice', text: 'I can say what I actually think in this room.' },
  { id: 'voice-2', construct: 'voice', text: 'I could raise an awkward point here without paying for it later.' },
  { id: 'heard-1', construct: 'heard', text: 'When I explain something, the others try to get what I mean.' },
  { id: 'heard-2', construct: 'heard', text: 'The concerns I care about have been taken seriously today.' },
  { id: 'fairness-1', construct: 'fairness', text: 'The way this session is being run is fair to both sides.' },
  { id: 'fairness-2', construct: 'fairness', text: 'Both sides have an equal chance to shape what gets decided.' },
  {
    id: 'followThrough-1',
    construct: 'followThrough',
    text: 'I expect the other side to do what they say they will do.',
  },
  {
    id: 'followThrough-2',
    construct: 'followThrough',
    text: 'If something we agree on slips, we will hear about it early.',
  },
  { id: 'risk-1', construct: 'risk', text: 'I could admit a mistake here without it being used against me.' },
  { id: 'risk-2', construct: 'risk', text: 'It feels fine to float an idea here that might not work.' },
];

export const pulseStatementIdSchema = z.enum(PULSE_BANK.map((s) => s.id) as [string, ...string[]]);

export function pulseStatement(id: string): PulseStatement | undefined {
  return PULSE_BANK.find((s) => s.id === id);
}

export const PULSE_DEFAULT_WINDOW_SEC = 90;
export const PULSE_MIN_ANSWERS_DEFAULT = 3;
/** The anonymity floor: no room may release a result with fewer answers than this. */
export const PULSE_MIN_ANSWERS_FLOOR = 2;

/** The words of the 1–5 scale, shown beside every rating. */
export const PULSE_SCALE_LABELS = [
  'Strongly disagree',
  'Disagree',
  'Neither agree nor disagree',
  'Agree',
  'Strongly agree',
] as const;

/** A side member may send one pause request per this interval, so the signal cannot be used to spam. */
export const PAUSE_REQUEST_INTERVAL_MS = 60_000;
