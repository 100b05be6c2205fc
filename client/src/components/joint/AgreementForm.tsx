import { TEXT_MAX } from '@parley/shared';
import { useState } from 'react';
import type { WriteResult } from '../../hooks/useCollection';
import { TextField } from '../ui/Fields';
import { ItemEditor } from '../ui/ItemEditor';

interface AgreementFormProps {
  initial: string;
  label: string;
  submitLabel: string;
  onSave: (text: string) => WriteResult;
  onCancel: () => void;
  onFocusChange?: (focused: boolean) => void;
}

export function AgreementForm({ initial, label, submitLabel, onSave, onCancel, onFocusChange }: AgreementFormProps) {
  const [text, setText] = useState(initial);
  const [error, setError] = useState<string | null>(null);

  const submit = () => {
    if (!text.trim()) return setError('Write what is agreed before saving.');
    const result = onSave(text.trim());
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
        label="Agreement"
        value={text}
        onChange={setText}
        multiline
        required
        maxLength={TEXT_MAX}
        hint="What both sides agree to, in plain words. Add who does what by when as commitments."
      />
    </ItemEditor>
  );
}
