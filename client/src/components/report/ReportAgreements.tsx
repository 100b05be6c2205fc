import { agreementStatusLabel, COMMITMENT_STATUS_LABELS, sideName, type ReportData } from '@parley/shared';
import { None, ReportTable, when } from './reportHelpers';

interface ReportAgreementsProps {
  agreements: ReportData['agreements'];
  room: ReportData['room'];
}

export function ReportAgreements({ agreements, room }: ReportAgreementsProps) {
  return (
    <section className="report-section report-page" aria-labelledby="r-agreements">
      <h2 id="r-agreements">Agreements and commitments</h2>
      {agreements.length === 0 ? (
        <None />
      ) : (
        agreements.map((a, i) => (
          <div key={i} className="report-agreement">
            <h3>{a.text}</h3>
            <p className="report-muted">
              {agreementStatusLabel(a.status, room)} · recorded {when(a.createdAt)}
            </p>
            {a.commitments.length === 0 ? (
              <p className="report-none">No commitments recorded.</p>
            ) : (
              <ReportTable label={`Commitments for “${a.text}”`}>
                <thead>
                  <tr>
                    <th scope="col">Who</th>
                    <th scope="col" className="text">
                      What
                    </th>
                    <th scope="col">By</th>
                    <th scope="col" className="text-short">
                      Verified by
                    </th>
                    <th scope="col">Status</th>
                  </tr>
                </thead>
                <tbody>
                  {a.commitments.map((c) => (
                    <tr key={c.id}>
                      <td>{sideName(room, c.owner)}</td>
                      <td className="text">{c.what}</td>
                      <td className="nowrap">{c.due || '—'}</td>
                      <td className="text-short">{c.verification || '—'}</td>
                      <td>{COMMITMENT_STATUS_LABELS[c.status]}</td>
                    </tr>
                  ))}
                </tbody>
              </ReportTable>
            )}
          </div>
        ))
      )}
    </section>
  );
}
