import { newId } from '@parley/shared';
import { useCollection } from '../../hooks/useCollection';
import { useEditing } from '../../hooks/useEditing';
import { useRoom } from '../../hooks/useRoom';
import type { DocHandle } from '../../hooks/useRoomDocs';
import { validOnly } from '../../hooks/useSideCollections';
import { AddItem } from '../ui/AddItem';
import { itemPropsOf } from '../ui/EditableItem';
import { InvalidItem } from '../ui/InvalidItem';
import { closeWhenSaved } from '../ui/ItemForm';
import { ItemList, Section } from '../ui/Section';
import { NoticeForm } from './NoticeForm';
import { NoticeItem } from './NoticeItem';
import './board-extra.css';

/** "No surprises": the side's announcements of moves it is about to make, newest first. */
export function NoticesSection({ handle }: { handle: DocHandle<'side'> }) {
  const { session } = useRoom();
  const notices = useCollection(handle, 'notices');
  const editing = useEditing(handle, 'notices');
  const itemProps = itemPropsOf(notices, editing, session.memberId);
  const mine = notices.writable;
  const valid = validOnly(notices.items).reverse();
  const invalid = notices.items.filter((i) => !i.ok);

  return (
    <Section
      title="Notices"
      count={notices.items.length}
      description="No surprises: moves this side announces before making them."
    >
      {mine && (
        <AddItem label="Announce a move">
          {(close) => (
            <NoticeForm
              initial={{ text: '' }}
              label="New notice"
              submitLabel="Announce"
              onCancel={close}
              onSave={closeWhenSaved((values) => notices.add({ id: newId(), ...values, createdAt: Date.now() }), close)}
            />
          )}
        </AddItem>
      )}
      <ItemList empty={mine ? 'No notices yet. Announce a move before you make it.' : 'No notices yet.'}>
        {[
          ...valid.map((notice) => (
            <NoticeItem key={notice.id} notice={notice} mine={mine} {...itemProps(notice.id)} />
          )),
          ...invalid.map((item) => (
            <InvalidItem
              key={item.id}
              noun="notice"
              error={item.ok ? '' : item.error}
              onRemove={mine ? () => notices.remove(item.id) : undefined}
            />
          )),
        ]}
      </ItemList>
    </Section>
  );
}
