import type { CoreConcern, Interest, Position } from '@parley/shared';
import { CORE_CONCERN_LABELS, CORE_CONCERNS, INTEREST_KIND_LABELS, INTEREST_KINDS } from '@parley/shared';
import { short } from '../../lib/text';
import { CheckboxGroup, RadioGroup, SelectField } from '../ui/Fields';
import type { WriteResult } from '../../hooks/useCollection';
import type { ItemFormProps } from '../ui/ItemForm';
import { ItemForm } from '../ui/ItemForm';

export type InterestValues = Pick<Interest, 'text' | 'kind' | 'concern' | 'importance' | 'positionIds'>;
/** The form's values: a new interest's core concern is left for its side to choose. */
type InterestDraft = Omit<InterestValues, 'concern'> & { concern: CoreConcern | '' };

// No concern is chosen for a side: a default would be counted in the room's core
// concerns as if someone had picked it.
export const NEW_INTEREST: InterestDraft = {
  text: '',
  kind: 'need',
  concern: '',
  importance: 3,
  positionIds: [],
};

const CONCERN_OPTIONS = {
  '': 'Choose…',
  ...Object.fromEntries(CORE_CONCERNS.map((c) => [c, CORE_CONCERN_LABELS[c]])),
} as Record<CoreConcern | '', string>;
const KIND_OPTIONS = Object.fromEntries(INTEREST_KINDS.map((k) => [k, INTEREST_KIND_LABELS[k]])) as Record<
  Interest['kind'],
  string
>;
const IMPORTANCE_OPTIONS = [1, 2, 3, 4, 5].map((value) => ({ value, label: String(value) }));

interface InterestFormProps extends Omit<ItemFormProps<InterestValues>, 'initial'> {
  initial: InterestDraft;
  /** The side's positions, the only ones an interest may explain. */
  positions: Position[];
}

export function InterestForm({ positions, onSave, ...props }: InterestFormProps) {
  // Links to positions removed since the editor opened are dropped, not saved dangling.
  const dropRemovedPositions = (values: InterestDraft) => {
    const known = new Set(positions.map((p) => p.id));
    return { ...values, positionIds: values.positionIds.filter((id) => known.has(id)) };
  };
  const save = ({ concern, ...values }: InterestDraft): WriteResult =>
    concern ? onSave({ ...values, concern }) : { ok: false, message: 'Choose the core concern it touches.' };

  return (
    <ItemForm
      {...props}
      onSave={save}
      textKey="text"
      textLabel="Interest"
      textHint="The need, fear or aspiration underneath a position."
      missing="Describe the interest before saving."
      tidy={dropRemovedPositions}
    >
      {(values, set) => (
        <>
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
        </>
      )}
    </ItemForm>
  );
}
