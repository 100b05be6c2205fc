import { AGENDA_STATUS_LABELS } from '@parley/shared';
import type { AgendaStatus } from '@parley/shared';
import { SelectField } from '../ui/Fields';
import type { ItemFormProps } from '../ui/ItemForm';
import { ItemForm } from '../ui/ItemForm';

export interface AgendaTopicValues {
  title: string;
  status: AgendaStatus;
}

export function AgendaTopicForm(props: ItemFormProps<AgendaTopicValues>) {
  return (
    <ItemForm {...props} textKey="title" textLabel="Topic" singleLine missing="Name the topic before saving.">
      {(values, set) => (
        <SelectField
          label="Status"
          value={values.status}
          options={AGENDA_STATUS_LABELS}
          onChange={(status) => set('status', status)}
        />
      )}
    </ItemForm>
  );
}
