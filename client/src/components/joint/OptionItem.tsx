import type { Interest, Option, OptionCoverage, RoomSummary, SideId } from '@parley/shared';
import { SIDE_IDS } from '@parley/shared';
import type { WriteResult } from '../../hooks/useCollection';
import type { Editing } from '../../hooks/useEditing';
import { useItemEditor } from '../../hooks/useItemEditor';
import type { Scores } from '../../hooks/useScores';
import { CORE_CONCERN_LABELS, sideName } from '../../lib/labels';
import { changedFields, short } from '../../lib/text';
import { EditorsNote } from '../ui/EditorsNote';
import { ItemActions } from '../ui/ItemActions';
import { Rating } from '../ui/Rating';
import { OptionForm } from './OptionForm';
import { ScoreControl } from './ScoreControl';

interface OptionItemProps {
  option: Option;
  coverage: OptionCoverage;
  interests: Record<SideId, Interest[]>;
  scores: Scores;
  room: Pick<RoomSummary, 'sides'>;
  /** Whether this member may change the joint document (sides and the mediator). */
  writable: boolean;
  editing: Editing;
  selfMemberId: string;
  onUpdate: (patch: Partial<Omit<Option, 'id'>>) => WriteResult;
  onRemove: () => void;
}

export function OptionItem(props: OptionItemProps) {
  const { option, coverage, interests, scores, room, writable, editing, selfMemberId, onUpdate, onRemove } = props;
  const editor = useItemEditor(editing, option.id);
  const initial = { text: option.text, serves: option.serves };
  const name = `option “${short(option.text)}”`;

  return (
    <li className={`item-card option-card${coverage.mutual ? ' option-mutual' : ''}`}>
      <EditorsNote editors={editing.editorsOf(option.id)} selfMemberId={selfMemberId} />
      {editor.open ? (
        <OptionForm
          initial={initial}
          interests={interests}
          room={room}
          label={`Edit ${name}`}
          submitLabel="Save"
          onFocusChange={editor.announce}
          onCancel={editor.closeEditor}
          onSave={(values) => {
            const result = onUpdate(changedFields(initial, values));
            if (result.ok) editor.closeEditor();
            return result;
          }}
        />
      ) : (
        <>
          <p className="item-text">{option.text}</p>
          {coverage.mutual && <p className="mutual-badge">Creates value for both</p>}
          <Serves coverage={coverage} room={room} />
          <div className="option-scores">
            <span className="links-label">Scores</span>
            <ul className="score-list">
              {SIDE_IDS.map((side) => (
                <li key={side} className={`score-of side-mark-${side}`}>
                  <span className="score-side">{sideName(room, side)}</span>
                  <Rating value={scores.of(side, option.id)} label={`${sideName(room, side)}’s score`} />
                </li>
              ))}
            </ul>
          </div>
          {scores.own && (
            <ScoreControl
              what={name}
              side={scores.own}
              value={scores.of(scores.own, option.id)}
              onScore={(value) => scores.set(option.id, value)}
              onClear={() => scores.clear(option.id)}
            />
          )}
          {writable && (
            <ItemActions what={name} returnFocus={editor.returnFocus} onEdit={editor.openEditor} onRemove={onRemove} />
          )}
        </>
      )}
    </li>
  );
}

/** The interests an option serves, grouped by side; links to removed interests are not shown. */
function Serves({ coverage, room }: { coverage: OptionCoverage; room: Pick<RoomSummary, 'sides'> }) {
  const sides = SIDE_IDS.filter((side) => coverage.served[side].length > 0);
  if (sides.length === 0) {
    return <p className="serves-none">Not linked to any interest yet.</p>;
  }
  return (
    <div className="serves">
      {sides.map((side) => (
        <div key={side} className={`serves-side side-mark-${side}`}>
          <span className="links-label">Serves {sideName(room, side)}</span>
          <ul>
            {coverage.served[side].map((interest) => (
              <li key={interest.id}>
                {short(interest.text, 90)}{' '}
                <span className="tag tag-concern">{CORE_CONCERN_LABELS[interest.concern]}</span>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </div>
  );
}
