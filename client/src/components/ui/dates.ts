/** Dates as people read them. Calendar dates (`YYYY-MM-DD`) are local days, never shifted by time zone. */

function parseDay(day: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return null;
  const date = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  return Number.isNaN(date.getTime()) ? null : date;
}

/** "14 Jun 2026" (in the reader's locale), or null for an empty or malformed date. */
export function formatDay(day: string): string | null {
  const date = parseDay(day);
  return date ? date.toLocaleDateString(undefined, { day: 'numeric', month: 'short', year: 'numeric' }) : null;
}

/** Whether a due day has passed (the due day itself still counts as on time). */
export function isPast(day: string, now: Date = new Date()): boolean {
  const date = parseDay(day);
  if (!date) return false;
  const today = new Date(now.getFullYear(), now.getMonth(), now.getDate());
  return date.getTime() < today.getTime();
}

/** "14:05" today, "3 Jun, 14:05" on another day. */
export function formatMoment(ms: number, now: Date = new Date()): string {
  const date = new Date(ms);
  const time = date.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
  if (date.toDateString() === now.toDateString()) return time;
  return `${date.toLocaleDateString(undefined, { day: 'numeric', month: 'short' })}, ${time}`;
}
