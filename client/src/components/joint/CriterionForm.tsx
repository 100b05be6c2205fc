import type { Criterion } from '@parley/shared';
import { TEXT_MAX } from '@parley/shared';
import { useState } from 'react';
import type { WriteResult } from '../../hooks/useCollection';
import { SelectField, TextField } from '../ui/Fields';
import { ItemEditor } from '../ui/ItemEditor';
import { CRITERION_KIND_LABELS } from './jointLabels';

export type CriterionValues = Pick<Criterion, 'text' | 'kind'>;

interface CriterionFormProps {
  initial: CriterionValues;
  label: string;
  submitLabel: string;
  onSave: (values: CriterionValues) => WriteResult;
  onCancel: () => void;
  onFocusChange?: (focused: boolean) => void;
}

export function CriterionForm({ initial, label, submitLabel, onSave, onCancel, onFocusChange }: CriterionFormProps) {
  const [values, setValues] = useState(initial);
  const [error, setError] = useState<string | null>(null);

  const submit = () => {
    if (!values.text.trim()) return setError('Describe the standard before saving.');
    const result = onSave({ ...values, text: values.text.trim() });
    setError(result.ok ? null : result.message);
  };

  return (
    <ItemEditor
      label={label}
      submitLabel={submitLabel}
      onSubmit={submit}
      onCancel={onCancel}
      onFocusChange={onFocusChange}
      error={error}
    >
      <TextField
        label="Standard"
        value={values.text}
        onChange={(text) => setValues((v) => ({ ...v, text }))}
        multiline
        required
        maxLength={TEXT_MAX}
        hint="An objective yardstick both sides can accept, independent of either side’s will."
      />
      <SelectField
        label="Kind"
        value={values.kind}
        options={CRITERION_KIND_LABELS}
        onChange={(kind) => setValues((v) => ({ ...v, kind }))}
      />
    </ItemEditor>
  );
}
