import type { Agreement } from '@parley/shared';
import type { ItemFormProps } from '../ui/ItemForm';
import { ItemForm } from '../ui/ItemForm';

export type AgreementValues = Pick<Agreement, 'text'>;

export function AgreementForm(props: ItemFormProps<AgreementValues>) {
  return (
    <ItemForm
      {...props}
      textKey="text"
      textLabel="Agreement"
      textHint="What both sides agree to, in plain words. Add who does what by when as commitments."
      missing="Write what is agreed before saving."
    />
  );
}
