import { TEXT_MAX } from '@parley/shared';
import { useState } from 'react';
import type { WriteResult } from '../../hooks/useCollection';
import { TextField } from '../ui/Fields';
import { ItemEditor } from '../ui/ItemEditor';

interface NoticeFormProps {
  initial: string;
  label: string;
  submitLabel: string;
  onSave: (text: string) => WriteResult;
  onCancel: () => void;
  onFocusChange?: (focused: boolean) => void;
}

export function NoticeForm({ initial, label, submitLabel, onSave, onCancel, onFocusChange }: NoticeFormProps) {
  const [text, setText] = useState(initial);
  const [error, setError] = useState<string | null>(null);

  const submit = () => {
    if (!text.trim()) return setError('Say what you are about to do before announcing it.');
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
        label="What you are about to do"
        value={text}
        onChange={setText}
        multiline
        required
        maxLength={TEXT_MAX}
        hint="No surprises: tell the other side before you act, e.g. “We will consult our lawyer on Friday.”"
      />
    </ItemEditor>
  );
}
