import { SIDE_LETTER } from '@parley/shared';
import type { ReportData, SideId } from '@parley/shared';

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

export const when = (at: number) => dateTime.format(at);

export function None() {
  return <p className="report-none">None.</p>;
}

export type SideNameLookup = (id: SideId) => string;

/** A side's name as the report has it, or its letter when the report has no such side. */
export function sideNameLookup(sides: ReportData['sides']): SideNameLookup {
  return (id) => sides.find((s) => s.side === id)?.name ?? SIDE_LETTER[id];
}
