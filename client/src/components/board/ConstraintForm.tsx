import type { Constraint } from '@parley/shared';
import { CONSTRAINT_KINDS, TEXT_MAX } from '@parley/shared';
import { useState } from 'react';
import type { WriteResult } from '../../hooks/useCollection';
import { CONSTRAINT_KIND_LABELS, CONSTRAINT_MODALITY_LABELS } from '../../lib/labels';
import { RadioGroup, SelectField, TextField } from '../ui/Fields';
import { ItemEditor } from '../ui/ItemEditor';

export type ConstraintValues = Pick<Constraint, 'text' | 'modality' | 'kind'>;

export const NEW_CONSTRAINT: ConstraintValues = { text: '', modality: 'cannot', kind: 'budget' };

const MODALITY_OPTIONS = (['can', 'cannot'] as const).map((value) => ({
  value,
  label: `We ${CONSTRAINT_MODALITY_LABELS[value].toLowerCase()}`,
}));
const KIND_OPTIONS = Object.fromEntries(CONSTRAINT_KINDS.map((k) => [k, CONSTRAINT_KIND_LABELS[k]])) as Record<
  Constraint['kind'],
  string
>;

interface ConstraintFormProps {
  initial: ConstraintValues;
  label: string;
  submitLabel: string;
  onSave: (values: ConstraintValues) => WriteResult;
  onCancel: () => void;
  onFocusChange?: (focused: boolean) => void;
}

export function ConstraintForm({ initial, label, submitLabel, onSave, onCancel, onFocusChange }: ConstraintFormProps) {
  const [values, setValues] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const set = <K extends keyof ConstraintValues>(key: K, value: ConstraintValues[K]) =>
    setValues((current) => ({ ...current, [key]: value }));

  const submit = () => {
    if (!values.text.trim()) return setError('Describe the constraint before saving.');
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
        label="Constraint"
        value={values.text}
        onChange={(v) => set('text', v)}
        multiline
        required
        maxLength={TEXT_MAX}
        hint="State the boundary; you need not explain its internals."
      />
      <div className="field-row">
        <RadioGroup
          legend="We…"
          value={values.modality}
          options={MODALITY_OPTIONS}
          onChange={(v) => set('modality', v)}
        />
        <SelectField label="Kind" value={values.kind} options={KIND_OPTIONS} onChange={(v) => set('kind', v)} />
      </div>
    </ItemEditor>
  );
}
