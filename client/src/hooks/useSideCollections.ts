import type { ItemResult, SideId } from '@parley/shared';
import type { CollectionName, CollectionView, ItemOf } from './useCollection';
import { useCollection } from './useCollection';
import { useRoom } from './useRoom';

/** The same collection of both side documents (everyone reads both), each validated on its own. */
export function useSideCollections<N extends CollectionName<'side'>>(
  name: N,
): Record<SideId, CollectionView<ItemOf<'side', N>>> {
  const { docs } = useRoom();
  const a = useCollection(docs.sides.a, name);
  const b = useCollection(docs.sides.b, name);
  return { a, b };
}

/** The valid items of a collection, for views and computations that must not see invalid data. */
export function validOnly<T>(items: ItemResult<T>[]): T[] {
  return items.flatMap((i) => (i.ok ? [i.value] : []));
}

/** The side this member belongs to and may write for; null for mediators and observers. */
export function useOwnSide(): SideId | null {
  const { session, docs } = useRoom();
  if (session.role !== 'side' || !session.side) return null;
  return docs.sides[session.side].writable ? session.side : null;
}
