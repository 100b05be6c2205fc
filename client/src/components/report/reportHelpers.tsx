import type { ReactNode } from 'react';

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

export const when = (at: number) => dateTime.format(at);

export function None() {
  return <p className="report-none">None.</p>;
}

interface ReportTableProps {
  /** Names the scroll region for screen readers, e.g. "Options table". */
  label: string;
  children: ReactNode;
}

/**
 * A report table in its own horizontal scroll region, so a wide table scrolls inside the
 * report on a phone instead of widening the whole page. The region is focusable so it can
 * be scrolled from the keyboard, and labelled so it is announced as the table it holds.
 */
export function ReportTable({ label, children }: ReportTableProps) {
  return (
    <div className="report-table-scroll" role="region" aria-label={label} tabIndex={0}>
      <table className="report-table">{children}</table>
    </div>
  );
}
