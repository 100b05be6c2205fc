import type { Draft } from '@parley/shared';
import { DRAFT_KIND_LABELS, DRAFT_KINDS, LONG_TEXT_MAX, TEXT_MAX } from '@parley/shared';
import { useState } from 'react';
import type { WriteResult } from '../../hooks/useCollection';
import { RadioGroup, TextField } from '../ui/Fields';
import { ItemEditor } from '../ui/ItemEditor';

export type DraftValues = Pick<Draft, 'kind' | 'text' | 'because'>;

const TEXT_LABELS: Record<Draft['kind'], string> = {
  position: 'What you would ask for',
  interest: 'The need, fear or aspiration',
  constraint: 'What you can or cannot do',
};

interface DraftFormProps {
  initial: DraftValues;
  label: string;
  submitLabel: string;
  onSave: (values: DraftValues) => WriteResult;
  onCancel: () => void;
}

export function DraftForm({ initial, label, submitLabel, onSave, onCancel }: DraftFormProps) {
  const [kind, setKind] = useState(initial.kind);
  const [text, setText] = useState(initial.text);
  const [because, setBecause] = useState(initial.because);
  const [error, setError] = useState<string | null>(null);

  const submit = () => {
    if (!text.trim()) return setError('Write the draft before saving.');
    // Only positions carry a reason; a draft turned into another kind drops it.
    const result = onSave({ kind, text: text.trim(), because: kind === 'position' ? because.trim() : '' });
    setError(result.ok ? null : result.message);
  };

  return (
    <ItemEditor label={label} submitLabel={submitLabel} onSubmit={submit} onCancel={onCancel} error={error}>
      <RadioGroup
        legend="Kind"
        value={kind}
        options={DRAFT_KINDS.map((k) => ({ value: k, label: DRAFT_KIND_LABELS[k] }))}
        onChange={setKind}
      />
      <TextField label={TEXT_LABELS[kind]} value={text} onChange={setText} multiline required maxLength={TEXT_MAX} />
      {kind === 'position' && (
        <TextField
          label="Because"
          value={because}
          onChange={setBecause}
          multiline
          maxLength={LONG_TEXT_MAX}
          hint="The reason behind it, if you know it yet."
        />
      )}
    </ItemEditor>
  );
}
