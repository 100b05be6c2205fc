import { PHASE_LABELS, possessive } from '@parley/shared';
import type { ReportData } from '@parley/shared';
import { when } from './reportHelpers';

const zone = new Intl.DateTimeFormat(undefined, { timeZoneName: 'short' })
  .formatToParts(new Date())
  .find((p) => p.type === 'timeZoneName')?.value;

interface ReportHeaderProps {
  data: ReportData;
}

export function ReportHeader({ data }: ReportHeaderProps) {
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
          This copy contains {possessive(data.room, data.privateNotes.side)} private notes (last section). Do not share
          it with the other side.
        </p>
      )}
      {data.mediatorNotes && (
        <p className="report-private-warning">
          This copy contains the mediator’s notes (last section). Do not share it with the sides.
        </p>
      )}
    </header>
  );
}
