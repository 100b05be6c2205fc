import type { Commitment, RoomSummary, SideId } from '@parley/shared';
import { LONG_TEXT_MAX, SIDE_IDS, TEXT_MAX } from '@parley/shared';
import { useState } from 'react';
import type { WriteResult } from '../../hooks/useCollection';
import { sideName } from '../../lib/labels';
import { DateField } from '../ui/DateField';
import { RadioGroup, TextField } from '../ui/Fields';
import { ItemEditor } from '../ui/ItemEditor';

export type CommitmentValues = Pick<Commitment, 'what' | 'owner' | 'due' | 'verification'>;

export const VERIFICATION_QUESTION = 'How will we know it was done?';

interface CommitmentFormProps {
  initial: CommitmentValues;
  room: Pick<RoomSummary, 'sides'>;
  label: string;
  submitLabel: string;
  onSave: (values: CommitmentValues) => WriteResult;
  onCancel: () => void;
  onFocusChange?: (focused: boolean) => void;
}

export function CommitmentForm({
  initial,
  room,
  label,
  submitLabel,
  onSave,
  onCancel,
  onFocusChange,
}: CommitmentFormProps) {
  const [values, setValues] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const set = <K extends keyof CommitmentValues>(key: K, value: CommitmentValues[K]) =>
    setValues((current) => ({ ...current, [key]: value }));
  const owners = SIDE_IDS.map((side) => ({ value: side, label: sideName(room, side) }));

  const submit = () => {
    if (!values.what.trim()) return setError('Say what will be done before saving.');
    const result = onSave({ ...values, what: values.what.trim(), verification: values.verification.trim() });
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
        label="What will be done"
        value={values.what}
        onChange={(v) => set('what', v)}
        multiline
        required
        maxLength={TEXT_MAX}
      />
      <div className="field-row">
        <RadioGroup<SideId>
          legend="Who does it"
          value={values.owner}
          options={owners}
          onChange={(v) => set('owner', v)}
        />
        <DateField label="Due by" value={values.due} onChange={(v) => set('due', v)} />
      </div>
      <div className="verification-field">
        <TextField
          label={VERIFICATION_QUESTION}
          value={values.verification}
          onChange={(v) => set('verification', v)}
          multiline
          maxLength={LONG_TEXT_MAX}
          hint="Evidence both sides can check: a receipt, a photo, an inspection, a confirmation from a third party."
        />
      </div>
    </ItemEditor>
  );
}
