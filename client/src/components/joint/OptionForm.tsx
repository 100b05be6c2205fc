import type { Interest, InterestRef, Option, RoomSummary, SideId } from '@parley/shared';
import { CORE_CONCERN_LABELS, SIDE_IDS } from '@parley/shared';
import { short } from '../../lib/text';
import { CheckboxGroup } from '../ui/Fields';
import type { ItemFormProps } from '../ui/ItemForm';
import { ItemForm } from '../ui/ItemForm';
import { possessive } from '@parley/shared';

export type OptionValues = Pick<Option, 'text' | 'serves'>;

interface OptionFormProps extends ItemFormProps<OptionValues> {
  /** Both sides' interests: an option may serve either side's. */
  interests: Record<SideId, Interest[]>;
  room: Pick<RoomSummary, 'sides'>;
}

export function OptionForm({ interests, room, ...props }: OptionFormProps) {
  // Links to interests removed since the editor opened are dropped, not saved dangling.
  const known = (r: InterestRef) => interests[r.side].some((i) => i.id === r.interestId);

  return (
    <ItemForm
      {...props}
      textKey="text"
      textLabel="Option"
      textHint="A way forward that could work for both sides. Invent first, judge later."
      missing="Describe the option before saving."
      tidy={(values) => ({ ...values, serves: values.serves.filter(known) })}
    >
      {({ serves }, set) => (
        <div className="serves-groups">
          {SIDE_IDS.map((side) => (
            <CheckboxGroup
              key={side}
              legend={`Serves ${possessive(room, side)} interests`}
              selected={serves.filter((r) => r.side === side).map((r) => r.interestId)}
              onChange={(ids) =>
                set('serves', [
                  ...serves.filter((r) => r.side !== side),
                  ...ids.map((interestId) => ({ side, interestId })),
                ])
              }
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
      )}
    </ItemForm>
  );
}
