import type { Position } from '@parley/shared';
import { memo } from 'react';
import { short } from '../../lib/text';
import type { ItemProps } from '../ui/EditableItem';
import { EditableItem } from '../ui/EditableItem';
import { InlinePrompt } from '../ui/InlinePrompt';
import { PositionForm } from './PositionForm';

interface PositionItemProps extends ItemProps<Position> {
  position: Position;
  /** Whether this member's side owns the board; otherwise nothing here is editable. */
  mine: boolean;
}

export const PositionItem = memo(function PositionItem({ position, mine, ...item }: PositionItemProps) {
  const incomplete = position.because.trim() === '';

  return (
    <EditableItem
      {...item}
      id={position.id}
      className={`item-card${incomplete ? ' item-incomplete' : ''}`}
      name={`position “${short(position.text)}”`}
      initial={{ text: position.text, because: position.because }}
      editable={mine}
      renderForm={(form) => <PositionForm {...form} />}
      renderView={(editor) => (
        <>
          <p className="item-text">{position.text}</p>
          {incomplete ? (
            <p className="incomplete-badge">{mine ? 'Incomplete — add a because' : 'Incomplete — no because yet'}</p>
          ) : (
            <p className="because">
              <span className="because-label">Because</span> {position.because}
            </p>
          )}
          {mine && incomplete && (
            <InlinePrompt
              className="because-prompt"
              label="Why do you ask for this? Saying because helps the other side see what matters."
              placeholder="Because…"
              buttonLabel="Add because"
              emptyMessage="Write the reason first."
              onFocusChange={editor.announce}
              onSave={(because) => item.onUpdate(position.id, { because })}
            />
          )}
        </>
      )}
    />
  );
});
