import { acceptanceHolds, type Acceptance, type SideId } from '@parley/shared';
import type { WriteResult } from './useCollection';
import { useOwnSide, useSideCollections, validOnly } from './useSideCollections';

export interface Acceptances {
  /** Both sides' valid acceptances, keyed by agreement id in each side's own document. */
  bySide: Record<SideId, Acceptance[]>;
  /** Sides whose acceptance of the agreement holds for these terms (see `agreementTerms`). */
  acceptedBy: (agreementId: string, terms: string) => SideId[];
  /** The side this member may accept for; null for mediators and observers. */
  own: SideId | null;
  /** Accepts the agreement as it stands: `terms` is its current fingerprint. */
  accept: (agreementId: string, terms: string) => WriteResult;
  withdraw: (agreementId: string) => WriteResult;
}

const notASide = (): WriteResult => ({ ok: false, message: 'Only a side accepts an agreement, and only for itself.' });

/**
 * Acceptance of agreements. Each side accepts for itself by writing into its own
 * document, so the server's document scopes, not this client, keep a side from
 * accepting for the other.
 */
export function useAcceptances(): Acceptances {
  const collections = useSideCollections('acceptances');
  const own = useOwnSide();
  const bySide = { a: validOnly(collections.a.items), b: validOnly(collections.b.items) };
  const mine = own ? collections[own] : null;
  return {
    bySide,
    acceptedBy: (agreementId, terms) =>
      (['a', 'b'] as const).filter((s) => bySide[s].some((x) => x.id === agreementId && acceptanceHolds(x, terms))),
    own,
    accept: (agreementId, terms) => (mine ? mine.add({ id: agreementId, acceptedAt: Date.now(), terms }) : notASide()),
    withdraw: (agreementId) => (mine ? mine.remove(agreementId) : notASide()),
  };
}
