import type { CoreConcern, Interest, Position } from '@parley/shared';
import { CORE_CONCERNS, INTEREST_KINDS, TEXT_MAX } from '@parley/shared';
import { useState } from 'react';
import type { WriteResult } from '../../hooks/useCollection';
import { CORE_CONCERN_LABELS, INTEREST_KIND_LABELS } from '../../lib/labels';
import { short } from '../../lib/text';
import { CheckboxGroup, RadioGroup, SelectField, TextField } from '../ui/Fields';
import { ItemEditor } from '../ui/ItemEditor';

export type InterestValues = Pick<Interest, 'text' | 'kind' | 'concern' | 'importance' | 'positionIds'>;

export const NEW_INTEREST: InterestValues = {
  text: '',
  kind: 'need',
  concern: 'security',
  importance: 3,
  positionIds: [],
};

const CONCERN_OPTIONS = Object.fromEntries(CORE_CONCERNS.map((c) => [c, CORE_CONCERN_LABELS[c]])) as Record<
  CoreConcern,
  string
>;
const KIND_OPTIONS = Object.fromEntries(INTEREST_KINDS.map((k) => [k, INTEREST_KIND_LABELS[k]])) as Record<
  Interest['kind'],
  string
>;
const IMPORTANCE_OPTIONS = [1, 2, 3, 4, 5].map((value) => ({ value, label: String(value) }));

interface InterestFormProps {
  initial: InterestValues;
  /** The side's positions, the only ones an interest may explain. */
  positions: Position[];
  label: string;
  submitLabel: string;
  onSave: (values: InterestValues) => WriteResult;
  onCancel: () => void;
  onFocusChange?: (focused: boolean) => void;
}

export function InterestForm({
  initial,
  positions,
  label,
  submitLabel,
  onSave,
  onCancel,
  onFocusChange,
}: InterestFormProps) {
  const [values, setValues] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const set = <K extends keyof InterestValues>(key: K, value: InterestValues[K]) =>
    setValues((current) => ({ ...current, [key]: value }));

  const submit = () => {
    if (!values.text.trim()) return setError('Describe the interest before saving.');
    const known = new Set(positions.map((p) => p.id));
    const result = onSave({
      ...values,
      text: values.text.trim(),
      positionIds: values.positionIds.filter((id) => known.has(id)),
    });
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
        label="Interest"
        value={values.text}
        onChange={(v) => set('text', v)}
        multiline
        required
        maxLength={TEXT_MAX}
        hint="The need, fear or aspiration underneath a position."
      />
      <div className="field-row">
        <SelectField label="Kind" value={values.kind} options={KIND_OPTIONS} onChange={(v) => set('kind', v)} />
        <SelectField
          label="Core concern"
          value={values.concern}
          options={CONCERN_OPTIONS}
          onChange={(v) => set('concern', v)}
        />
      </div>
      <RadioGroup
        legend="Importance (1 = low, 5 = high)"
        value={values.importance}
        options={IMPORTANCE_OPTIONS}
        onChange={(v) => set('importance', v)}
      />
      <CheckboxGroup
        legend="Positions it explains"
        selected={values.positionIds}
        options={positions.map((p) => ({ value: p.id, label: short(p.text, 80) }))}
        onChange={(v) => set('positionIds', v)}
        empty="No positions on this board yet; you can link them later."
      />
    </ItemEditor>
  );
}
