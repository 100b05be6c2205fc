import type { Notice } from '@parley/shared';
import { memo } from 'react';
import { short } from '../../lib/text';
import { formatMoment } from '../ui/dates';
import type { ItemProps } from '../ui/EditableItem';
import { EditableItem } from '../ui/EditableItem';
import { NoticeForm } from './NoticeForm';

interface NoticeItemProps extends ItemProps<Notice> {
  notice: Notice;
  mine: boolean;
}

export const NoticeItem = memo(function NoticeItem({ notice, mine, ...item }: NoticeItemProps) {
  return (
    <EditableItem
      {...item}
      id={notice.id}
      className="item-card notice-card"
      name={`notice “${short(notice.text)}”`}
      initial={{ text: notice.text }}
      editable={mine}
      renderForm={(form) => <NoticeForm {...form} />}
      renderView={() => (
        <>
          <p className="notice-when">
            Announced <time dateTime={new Date(notice.createdAt).toISOString()}>{formatMoment(notice.createdAt)}</time>
          </p>
          <p className="item-text">{notice.text}</p>
        </>
      )}
    />
  );
});
