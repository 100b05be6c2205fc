import * as Y from 'yjs';

/**
 * Undo and redo of this person's own edits across the room's writable documents.
 *
 * Each writable doc gets a Y.UndoManager that tracks only transactions with a null
 * origin: the shared model helpers (`addItem`, `updateItem`, `setRecordField`, ...)
 * transact without an origin, while the websocket provider and the IndexedDB store
 * apply what they receive with themselves as origin, so remote and restored changes are
 * never on the stack. One room-wide history orders the steps across documents, and a
 * step may span documents (sharing a draft removes it from the private doc and adds it
 * to the board: one click, one undo).
 */

interface Step {
  managers: Y.UndoManager[];
}

/**
 * Whether an undo may delete this item. Undoing "add item" deletes the item's map; if
 * someone else has since edited a field of it, deleting it would throw their edit away,
 * so the item stays. Every item on the stack was created in this session, by this doc's
 * client id, so any other client id on a field is another person.
 */
function keepOthersEdits(doc: Y.Doc) {
  return (item: Y.Item): boolean => {
    const content = item.content;
    if (!(content instanceof Y.ContentType) || !(content.type instanceof Y.Map)) return true;
    for (const field of content.type._map.values()) {
      if (field.id.client !== doc.clientID) return false;
    }
    return true;
  };
}

export class RoomUndo {
  private readonly managers: Y.UndoManager[] = [];
  private undoSteps: Step[] = [];
  private redoSteps: Step[] = [];
  /** Set while `group` runs: every stack item added meanwhile joins this one step. */
  private grouping: Step | null = null;
  private readonly listeners = new Set<() => void>();
  private snapshot = { canUndo: false, canRedo: false };

  constructor(docs: Y.Doc[]) {
    for (const doc of docs) {
      const manager = new Y.UndoManager(doc, {
        trackedOrigins: new Set([null]),
        deleteFilter: keepOthersEdits(doc),
        // Writes made in the same moment (an item and the links that point at it) are one
        // step; anything a person does after that is the next one.
        captureTimeout: 100,
      });
      manager.on('stack-item-added', (event: { type: 'undo' | 'redo' }) => {
        // Items added while undoing or redoing are the mirror of a step already counted.
        if (event.type !== 'undo' || manager.redoing) return;
        this.fresh(manager);
      });
      this.managers.push(manager);
    }
  }

  /** A new local change: it starts a step (or joins the open group) and makes redo meaningless. */
  private fresh(manager: Y.UndoManager): void {
    if (this.grouping) {
      if (!this.grouping.managers.includes(manager)) this.grouping.managers.push(manager);
    } else {
      this.undoSteps.push({ managers: [manager] });
    }
    // Later changes elsewhere must not be merged into an older step of another doc.
    for (const m of this.managers) if (m !== manager) m.stopCapturing();
    if (this.redoSteps.length) {
      // The manager clears its own redo stack; a new edit ends redo in every doc.
      this.redoSteps = [];
      for (const m of this.managers) if (m !== manager) m.clear(false, true);
    }
    this.changed();
  }

  /** Runs `write` so that everything it changes, in any document, is one undo step. */
  group(write: () => void): void {
    for (const m of this.managers) m.stopCapturing();
    const step: Step = { managers: [] };
    this.grouping = step;
    try {
      write();
    } finally {
      this.grouping = null;
      for (const m of this.managers) m.stopCapturing();
      if (step.managers.length) this.undoSteps.push(step);
      this.changed();
    }
  }

  undo(): boolean {
    return this.move(this.undoSteps, this.redoSteps, (m) => m.undo());
  }

  redo(): boolean {
    return this.move(this.redoSteps, this.undoSteps, (m) => m.redo());
  }

  private move(from: Step[], to: Step[], apply: (m: Y.UndoManager) => unknown): boolean {
    // A step can be empty by now: its changes may have been merged into a later one
    // (capture timeout) or cleared. Skip those rather than make the key do nothing.
    while (from.length) {
      const step = from.pop()!;
      let applied = false;
      for (const manager of [...step.managers].reverse()) {
        for (const m of this.managers) m.stopCapturing();
        if (apply(manager) !== null) applied = true;
      }
      if (applied) {
        to.push(step);
        this.changed();
        return true;
      }
    }
    this.changed();
    return false;
  }

  private changed(): void {
    const next = { canUndo: this.undoSteps.length > 0, canRedo: this.redoSteps.length > 0 };
    if (next.canUndo !== this.snapshot.canUndo || next.canRedo !== this.snapshot.canRedo) {
      this.snapshot = next;
      for (const notify of [...this.listeners]) notify();
    }
  }

  readonly subscribe = (notify: () => void): (() => void) => {
    this.listeners.add(notify);
    return () => this.listeners.delete(notify);
  };

  readonly getSnapshot = (): { canUndo: boolean; canRedo: boolean } => this.snapshot;

  get tracking(): boolean {
    return this.managers.length > 0;
  }

  destroy(): void {
    for (const m of this.managers) m.destroy();
    this.listeners.clear();
  }
}
