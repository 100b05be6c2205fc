import { useUndo } from '../../hooks/useUndo';
import type { RoomUndo } from '../../lib/undo';

const mac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);
const UNDO_KEYS = mac ? '⌘Z' : 'Ctrl+Z';
const REDO_KEYS = mac ? '⇧⌘Z' : 'Ctrl+Y';

/** Undo and redo of this person's own edits; other people's edits are never touched. */
export function UndoControls({ undo }: { undo: RoomUndo }) {
  const { canUndo, canRedo, available, undo: doUndo, redo } = useUndo(undo);
  if (!available) return null;
  return (
    <div className="undo-controls" role="group" aria-label="Your edits">
      <button
        type="button"
        className="button"
        onClick={doUndo}
        disabled={!canUndo}
        aria-keyshortcuts={mac ? 'Meta+Z' : 'Control+Z'}
        title={`Undo your last edit (${UNDO_KEYS})`}
      >
        <span aria-hidden="true">↶ </span>Undo
      </button>
      <button
        type="button"
        className="button"
        onClick={redo}
        disabled={!canRedo}
        aria-keyshortcuts={mac ? 'Shift+Meta+Z' : 'Control+Y Control+Shift+Z'}
        title={`Redo (${REDO_KEYS})`}
      >
        <span aria-hidden="true">↷ </span>Redo
      </button>
    </div>
  );
}
