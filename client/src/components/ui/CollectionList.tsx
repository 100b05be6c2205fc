import type { ReactNode } from 'react';
import { Fragment } from 'react';
import type { CollectionView } from '../../hooks/useCollection';
import { InvalidItem } from './InvalidItem';
import { ItemList } from './Section';

interface CollectionListProps<T> {
  view: CollectionView<T>;
  /** What an entry is called where it cannot be shown, e.g. "constraint". */
  noun: string;
  /** The quiet line while there are no entries. */
  empty: string;
  /** One valid item, as the section shows it. */
  children: (item: T) => ReactNode;
}

/**
 * A collection's entries in document order: each valid one as the section shows it, each
 * invalid one as such, removable by those who may write the document.
 */
export function CollectionList<T>({ view, noun, empty, children }: CollectionListProps<T>) {
  return (
    <ItemList empty={empty}>
      {view.items.map((item) =>
        item.ok ? (
          <Fragment key={item.id}>{children(item.value)}</Fragment>
        ) : (
          <InvalidItem
            key={item.id}
            noun={noun}
            error={item.error}
            onRemove={view.writable ? () => view.remove(item.id) : undefined}
          />
        ),
      )}
    </ItemList>
  );
}
