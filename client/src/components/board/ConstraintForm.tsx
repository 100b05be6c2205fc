import type { Constraint } from '@parley/shared';
import { CONSTRAINT_KIND_LABELS, CONSTRAINT_KINDS, CONSTRAINT_MODALITY_LABELS } from '@parley/shared';
import { RadioGroup, SelectField } from '../ui/Fields';
import type { ItemFormProps } from '../ui/ItemForm';
import { ItemForm } from '../ui/ItemForm';

export type ConstraintValues = Pick<Constraint, 'text' | 'modality' | 'kind'>;

// "Other" until the side says which: a default such as Budget would label a fire code as money.
export const NEW_CONSTRAINT: ConstraintValues = { text: '', modality: 'cannot', kind: 'other' };

const MODALITY_OPTIONS = (['can', 'cannot'] as const).map((value) => ({
  value,
  label: `We ${CONSTRAINT_MODALITY_LABELS[value].toLowerCase()}`,
}));
const KIND_OPTIONS = Object.fromEntries(CONSTRAINT_KINDS.map((k) => [k, CONSTRAINT_KIND_LABELS[k]])) as Record<
  Constraint['kind'],
  string
>;

export function ConstraintForm(props: ItemFormProps<ConstraintValues>) {
  return (
    <ItemForm
      {...props}
      textKey="text"
      textLabel="Constraint"
      textHint="State the boundary; you need not explain its internals."
      missing="Describe the constraint before saving."
    >
      {(values, set) => (
        <div className="field-row">
          <RadioGroup
            legend="We…"
            value={values.modality}
            options={MODALITY_OPTIONS}
            onChange={(v) => set('modality', v)}
          />
          <SelectField label="Kind" value={values.kind} options={KIND_OPTIONS} onChange={(v) => set('kind', v)} />
        </div>
      )}
    </ItemForm>
  );
}
