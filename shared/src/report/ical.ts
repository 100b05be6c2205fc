import { createEvents, type EventAttributes } from 'ics';
import type { ReportData } from './collect.js';

/**
 * Commitments with a due date as an iCalendar file, one all-day event each, so sides can
 * put follow-through in their calendars. Uses the `ics` library for RFC 5545 escaping
 * and line folding.
 */
export function renderIcs(r: ReportData): string {
  const side = (id: string) => r.sides.find((s) => s.side === id)?.name ?? id;
  const events: EventAttributes[] = r.agreements.flatMap((agreement) =>
    agreement.commitments.flatMap((c) => {
      if (!c.due) return [];
      const [y, m, d] = c.due.split('-').map(Number) as [number, number, number];
      // An all-day event ends on the next day (DTEND is exclusive). Not a one-day
      // DURATION: the library writes it as P1DT, which RFC 5545 does not allow.
      const next = new Date(Date.UTC(y, m - 1, d + 1));
      return [
        {
          uid: `${c.id}@parley`,
          title: `${side(c.owner)}: ${c.what}`,
          description: `Agreement: ${agreement.text}\nVerified by: ${c.verification || 'not stated'}\nRoom: ${r.room.title}`,
          start: [y, m, d] as [number, number, number],
          end: [next.getUTCFullYear(), next.getUTCMonth() + 1, next.getUTCDate()] as [number, number, number],
          productId: 'parley/report',
          calName: `${r.room.title} — commitments`,
        },
      ];
    }),
  );
  if (events.length === 0) return emptyCalendar(r.room.title);
  const { error, value } = createEvents(events);
  if (error || !value) throw new Error(`could not build the calendar: ${String(error)}`);
  return value;
}

function emptyCalendar(title: string): string {
  return [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:parley/report',
    `X-WR-CALNAME:${title.replace(/[\\;,\n]/g, ' ')} — commitments`,
    'END:VCALENDAR',
    '',
  ].join('\r\n');
}
