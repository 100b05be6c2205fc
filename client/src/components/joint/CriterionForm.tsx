import { CRITERION_KIND_LABELS } from '@parley/shared';
import type { Criterion } from '@parley/shared';
import { SelectField } from '../ui/Fields';
import type { ItemFormProps } from '../ui/ItemForm';
import { ItemForm } from '../ui/ItemForm';

export type CriterionValues = Pick<Criterion, 'text' | 'kind'>;

export function CriterionForm(props: ItemFormProps<CriterionValues>) {
  return (
    <ItemForm
      {...props}
      textKey="text"
      textLabel="Standard"
      textHint="An objective yardstick both sides can accept, independent of either side’s will."
      missing="Describe the standard before saving."
    >
      {(values, set) => (
        <SelectField
          label="Kind"
          value={values.kind}
          options={CRITERION_KIND_LABELS}
          onChange={(kind) => set('kind', kind)}
        />
      )}
    </ItemForm>
  );
}
