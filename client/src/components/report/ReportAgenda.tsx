import { AGENDA_STATUS_LABELS } from '@parley/shared';
import type { ReportData } from '@parley/shared';
import { None } from './reportHelpers';

interface ReportAgendaProps {
  agenda: ReportData['agenda'];
}

export function ReportAgenda({ agenda }: ReportAgendaProps) {
  return (
    <section className="report-section" aria-labelledby="r-agenda">
      <h2 id="r-agenda">Agenda</h2>
      {agenda.length === 0 ? (
        <None />
      ) : (
        <ol className="report-list">
          {agenda.map((t) => (
            <li key={t.id}>
              {t.title} <span className="report-badge">{AGENDA_STATUS_LABELS[t.status]}</span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
