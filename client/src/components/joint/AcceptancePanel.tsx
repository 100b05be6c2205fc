import type { Acceptance, Agreement, RoomSummary, SideId } from '@parley/shared';
import { acceptanceHolds, SIDE_IDS, sideName } from '@parley/shared';
import { useState } from 'react';
import type { Acceptances } from '../../hooks/useAcceptances';
import { formatMoment } from '../ui/dates';

interface AcceptancePanelProps {
  agreement: Agreement;
  acceptances: Acceptances;
  /** The agreement's current terms (`agreementTerms`): what Accept records, and what acceptances must match. */
  terms: string;
  room: Pick<RoomSummary, 'sides'>;
  name: string;
  unverified: number;
  commitmentCount: number;
}

/** Where each side stands on an agreement, and the member's own side's Accept or Withdraw. */
export function AcceptancePanel({
  agreement,
  acceptances,
  terms,
  room,
  name,
  unverified,
  commitmentCount,
}: AcceptancePanelProps) {
  const [error, setError] = useState<string | null>(null);
  const own = acceptances.own;
  const recordOf = (side: SideId): Acceptance | undefined =>
    acceptances.bySide[side].find((a) => a.id === agreement.id);
  /** A side's acceptance of the terms as they stand now. */
  const acceptanceOf = (side: SideId): Acceptance | undefined => {
    const record = recordOf(side);
    return record && acceptanceHolds(record, terms) ? record : undefined;
  };
  const ownAccepted = own ? acceptanceOf(own) !== undefined : false;
  const acceptedByOthers = SIDE_IDS.filter((side) => side !== own && acceptanceOf(side)).map((side) =>
    sideName(room, side),
  );
  // Once carried out or broken, what was accepted is history: it is not withdrawn after the fact.
  const settled = agreement.outcome !== 'pending';

  return (
    <div className="acceptance">
      <ul className="acceptance-list">
        {SIDE_IDS.map((side) => {
          const accepted = acceptanceOf(side);
          const earlier = accepted ? undefined : recordOf(side);
          return (
            <li key={side} className={accepted ? 'accepted' : 'not-accepted'}>
              <span className="acceptance-mark" aria-hidden="true">
                {accepted ? '✓' : '○'}
              </span>
              <span className="acceptance-side">{sideName(room, side)}</span>{' '}
              {accepted ? (
                <span>
                  accepted <Moment at={accepted.acceptedAt} />
                </span>
              ) : earlier ? (
                <span className="acceptance-pending">
                  accepted earlier terms <Moment at={earlier.acceptedAt} />; they have changed since
                </span>
              ) : (
                <span className="acceptance-pending">has not accepted</span>
              )}
            </li>
          );
        })}
      </ul>
      {own && !settled && (
        <div className="acceptance-actions">
          {ownAccepted ? (
            <button
              type="button"
              className="button"
              onClick={() => {
                const result = acceptances.withdraw(agreement.id);
                setError(result.ok ? null : result.message);
              }}
            >
              Withdraw our acceptance<span className="visually-hidden"> of {name}</span>
            </button>
          ) : (
            <>
              {(unverified > 0 || commitmentCount === 0) && (
                <p className="acceptance-warning">{beforeAccepting(unverified, commitmentCount, acceptedByOthers)}</p>
              )}
              <button
                type="button"
                className="button button-primary"
                onClick={() => {
                  const result = acceptances.accept(agreement.id, terms);
                  setError(result.ok ? null : result.message);
                }}
              >
                {recordOf(own) ? 'Accept the new terms' : 'Accept'} for {sideName(room, own)}
                <span className="visually-hidden">: {name}</span>
              </button>
            </>
          )}
        </div>
      )}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

function Moment({ at }: { at: number }) {
  return <time dateTime={new Date(at).toISOString()}>{formatMoment(at)}</time>;
}

/**
 * The nudge beside Accept when commitments are missing or unverifiable. Once the other
 * side has accepted, the terms are locked, so the nudge says what changing them takes.
 */
function beforeAccepting(unverified: number, commitmentCount: number, acceptedByOthers: string[]): string {
  const gap =
    commitmentCount === 0
      ? 'There are no commitments yet.'
      : `${unverified} ${unverified === 1 ? 'commitment has' : 'commitments have'} no way to verify yet.`;
  const change =
    acceptedByOthers.length > 0
      ? ` To add ${commitmentCount === 0 ? 'one' : 'verification'}, ${acceptedByOthers.join(' and ')} first withdraws its acceptance.`
      : '';
  return `${gap}${change} You can still accept as it stands.`;
}
