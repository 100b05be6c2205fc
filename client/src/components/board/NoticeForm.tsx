import type { Notice } from '@parley/shared';
import type { ItemFormProps } from '../ui/ItemForm';
import { ItemForm } from '../ui/ItemForm';

export type NoticeValues = Pick<Notice, 'text'>;

export function NoticeForm(props: ItemFormProps<NoticeValues>) {
  return (
    <ItemForm
      {...props}
      textKey="text"
      textLabel="What you are about to do"
      textHint="No surprises: tell the other side before you act, e.g. “We will consult our lawyer on Friday.”"
      missing="Say what you are about to do before announcing it."
    />
  );
}
