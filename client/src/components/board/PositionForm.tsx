import { LONG_TEXT_MAX, TEXT_MAX } from '@parley/shared';
import { useState } from 'react';
import type { WriteResult } from '../../hooks/useCollection';
import { TextField } from '../ui/Fields';
import { ItemEditor } from '../ui/ItemEditor';

export interface PositionValues {
  text: string;
  because: string;
}

interface PositionFormProps {
  initial: PositionValues;
  label: string;
  submitLabel: string;
  onSave: (values: PositionValues) => WriteResult;
  onCancel: () => void;
  onFocusChange?: (focused: boolean) => void;
}

export function PositionForm({ initial, label, submitLabel, onSave, onCancel, onFocusChange }: PositionFormProps) {
  const [text, setText] = useState(initial.text);
  const [because, setBecause] = useState(initial.because);
  const [error, setError] = useState<string | null>(null);

  const submit = () => {
    if (!text.trim()) return setError('Write what you ask for before saving.');
    const result = onSave({ text: text.trim(), because: because.trim() });
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
      <TextField label="What you ask for" value={text} onChange={setText} multiline required maxLength={TEXT_MAX} />
      <TextField
        label="Because"
        value={because}
        onChange={setBecause}
        multiline
        maxLength={LONG_TEXT_MAX}
        hint="The reason behind it. A position without one is shown as incomplete."
      />
    </ItemEditor>
  );
}
