import type { Commitment, RoomSummary, SideId } from '@parley/shared';
import { LONG_TEXT_MAX, SIDE_IDS, sideName } from '@parley/shared';
import { DateField } from '../ui/DateField';
import { RadioGroup, TextField } from '../ui/Fields';
import type { ItemFormProps } from '../ui/ItemForm';
import { ItemForm } from '../ui/ItemForm';

export type CommitmentValues = Pick<Commitment, 'what' | 'owner' | 'due' | 'verification'>;

export const VERIFICATION_QUESTION = 'How will we know it was done?';

interface CommitmentFormProps extends ItemFormProps<CommitmentValues> {
  room: Pick<RoomSummary, 'sides'>;
}

export function CommitmentForm({ room, ...props }: CommitmentFormProps) {
  const owners = SIDE_IDS.map((side) => ({ value: side, label: sideName(room, side) }));

  return (
    <ItemForm
      {...props}
      textKey="what"
      textLabel="What will be done"
      missing="Say what will be done before saving."
      tidy={(values) => ({ ...values, verification: values.verification.trim() })}
    >
      {(values, set) => (
        <>
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
        </>
      )}
    </ItemForm>
  );
}
