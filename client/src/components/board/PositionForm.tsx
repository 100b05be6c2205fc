import { LONG_TEXT_MAX } from '@parley/shared';
import { TextField } from '../ui/Fields';
import type { ItemFormProps } from '../ui/ItemForm';
import { ItemForm } from '../ui/ItemForm';

export interface PositionValues {
  text: string;
  because: string;
}

export function PositionForm(props: ItemFormProps<PositionValues>) {
  return (
    <ItemForm
      {...props}
      textKey="text"
      textLabel="What you ask for"
      missing="Write what you ask for before saving."
      tidy={(values) => ({ ...values, because: values.because.trim() })}
    >
      {(values, set) => (
        <TextField
          label="Because"
          value={values.because}
          onChange={(v) => set('because', v)}
          multiline
          maxLength={LONG_TEXT_MAX}
          hint="The reason behind it. A position without one is shown as incomplete."
        />
      )}
    </ItemForm>
  );
}
