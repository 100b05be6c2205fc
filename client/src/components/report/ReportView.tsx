import type { PulseView, ReportData } from '@parley/shared';
import { ReportAgenda } from './ReportAgenda';
import { ReportAgreements } from './ReportAgreements';
import { ReportHeader } from './ReportHeader';
import { ReportOptions } from './ReportOptions';
import { ReportPeople } from './ReportPeople';
import { ReportMediatorNotes } from './ReportMediatorNotes';
import { ReportPrivateNotes } from './ReportPrivateNotes';
import { ReportPulse } from './ReportPulse';
import { ReportSide } from './ReportSide';

interface ReportViewProps {
  data: ReportData;
  /** Every pulse the reader was sent; only released results are charted. */
  pulses: PulseView[];
}

/** The session report as a document: readable on screen, printed with a page per part. */
export function ReportView({ data, pulses }: ReportViewProps) {
  return (
    <article className="report" aria-labelledby="report-title">
      <ReportHeader data={data} />
      <ReportPeople data={data} />
      <ReportAgenda agenda={data.agenda} />
      {data.sides.map((s) => (
        <ReportSide key={s.side} side={s} />
      ))}
      <ReportOptions options={data.options} criteria={data.criteria} room={data.room} />
      <ReportAgreements agreements={data.agreements} room={data.room} />
      <ReportPulse data={data} pulses={pulses} />
      {data.privateNotes && <ReportPrivateNotes privateNotes={data.privateNotes} room={data.room} />}
      {data.mediatorNotes && <ReportMediatorNotes notes={data.mediatorNotes} />}
    </article>
  );
}
