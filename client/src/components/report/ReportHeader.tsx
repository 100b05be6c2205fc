import { PHASE_LABELS } from '@parley/shared';
import type { ReportData } from '@parley/shared';
import { when, type SideNameLookup } from './reportHelpers';

const zone = new Intl.DateTimeFormat(undefined, { timeZoneName: 'short' })
  .formatToParts(new Date())
  .find((p) => p.type === 'timeZoneName')?.value;

interface ReportHeaderProps {
  data: ReportData;
  sideName: SideNameLookup;
}

export function ReportHeader({ data, sideName }: ReportHeaderProps) {
  return (
    <header className="report-head">
      <p className="report-kicker">Session report</p>
      <h1 id="report-title">{data.room.title}</h1>
      <p className="report-meta">
        Generated {when(data.generatedAt)}
        {zone ? ` (${zone})` : ''} · Room opened {when(data.room.createdAt)} · Current phase:{' '}
        <strong>{PHASE_LABELS[data.phase]}</strong> · {data.room.mediated ? 'With a mediator' : 'Without a mediator'}
      </p>
      {data.privateNotes && (
        <p className="report-private-warning">
          This copy contains {sideName(data.privateNotes.side)}’s private notes (last section). Do not share it with the
          other side.
        </p>
      )}
    </header>
  );
}
