import type { AgendaStatus } from '@parley/shared';
import { TEXT_MAX } from '@parley/shared';
import { useState } from 'react';
import type { WriteResult } from '../../hooks/useCollection';
import { AGENDA_STATUS_LABELS } from '../../lib/labels';
import { SelectField, TextField } from '../ui/Fields';
import { ItemEditor } from '../ui/ItemEditor';

export interface AgendaTopicValues {
  title: string;
  status: AgendaStatus;
}

interface AgendaTopicFormProps {
  initial: AgendaTopicValues;
  label: string;
  submitLabel: string;
  onSave: (values: AgendaTopicValues) => WriteResult;
  onCancel: () => void;
  onFocusChange?: (focused: boolean) => void;
}

export function AgendaTopicForm({
  initial,
  label,
  submitLabel,
  onSave,
  onCancel,
  onFocusChange,
}: AgendaTopicFormProps) {
  const [title, setTitle] = useState(initial.title);
  const [status, setStatus] = useState(initial.status);
  const [error, setError] = useState<string | null>(null);

  const submit = () => {
    if (!title.trim()) return setError('Name the topic before saving.');
    const result = onSave({ title: title.trim(), status });
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
      <TextField label="Topic" value={title} onChange={setTitle} required maxLength={TEXT_MAX} />
      <SelectField label="Status" value={status} options={AGENDA_STATUS_LABELS} onChange={setStatus} />
    </ItemEditor>
  );
}
