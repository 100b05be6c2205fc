import type { Interest, InterestRef, Option, RoomSummary, SideId } from '@parley/shared';
import { SIDE_IDS, TEXT_MAX } from '@parley/shared';
import { useState } from 'react';
import type { WriteResult } from '../../hooks/useCollection';
import { CORE_CONCERN_LABELS } from '../../lib/labels';
import { short } from '../../lib/text';
import { CheckboxGroup, TextField } from '../ui/Fields';
import { ItemEditor } from '../ui/ItemEditor';
import { possessive } from './jointLabels';

export type OptionValues = Pick<Option, 'text' | 'serves'>;

interface OptionFormProps {
  initial: OptionValues;
  /** Both sides' interests: an option may serve either side's. */
  interests: Record<SideId, Interest[]>;
  room: Pick<RoomSummary, 'sides'>;
  label: string;
  submitLabel: string;
  onSave: (values: OptionValues) => WriteResult;
  onCancel: () => void;
  onFocusChange?: (focused: boolean) => void;
}

export function OptionForm(props: OptionFormProps) {
  const { initial, interests, room, label, submitLabel, onSave, onCancel, onFocusChange } = props;
  const [text, setText] = useState(initial.text);
  const [serves, setServes] = useState<InterestRef[]>(initial.serves);
  const [error, setError] = useState<string | null>(null);

  const selectedOf = (side: SideId) => serves.filter((r) => r.side === side).map((r) => r.interestId);
  const setSelected = (side: SideId, ids: string[]) =>
    setServes((current) => [
      ...current.filter((r) => r.side !== side),
      ...ids.map((interestId) => ({ side, interestId })),
    ]);

  const submit = () => {
    if (!text.trim()) return setError('Describe the option before saving.');
    // Links to interests removed since the editor opened are dropped, not saved dangling.
    const known = (r: InterestRef) => interests[r.side].some((i) => i.id === r.interestId);
    const result = onSave({ text: text.trim(), serves: serves.filter(known) });
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
        label="Option"
        value={text}
        onChange={setText}
        multiline
        required
        maxLength={TEXT_MAX}
        hint="A way forward that could work for both sides. Invent first, judge later."
      />
      <div className="serves-groups">
        {SIDE_IDS.map((side) => (
          <CheckboxGroup
            key={side}
            legend={`Serves ${possessive(room, side)} interests`}
            selected={selectedOf(side)}
            onChange={(ids) => setSelected(side, ids)}
            empty="No interests on this board yet."
            options={interests[side].map((interest) => ({
              value: interest.id,
              label: (
                <>
                  {short(interest.text, 90)}{' '}
                  <span className="tag tag-concern">{CORE_CONCERN_LABELS[interest.concern]}</span>
                </>
              ),
            }))}
          />
        ))}
      </div>
    </ItemEditor>
  );
}
