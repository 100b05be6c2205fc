import { EventEmitter } from 'node:events';
import type { TimelineEntry } from '@parley/shared';
import type { Identity } from '../rooms/identity.js';
import type { Storage, TimelineDraft, TimelineRecord } from '../storage/types.js';

/** Repeats of the same sentence by the same person within this window fold into one entry. */
const COALESCE_MS = 60_000;

/** Accepted changes to describe: who made them, in which document, in what words. */
export interface DescribedChange {
  identity: Identity;
  doc: string;
  sentences: readonly string[];
}

/**
 * The timeline entries of one commit of accepted edits. Storage writes the drafts in the
 * same transaction as the edits (Storage.appendUpdates); once that has committed,
 * `committed` announces them.
 */
export interface TimelineBatch {
  readonly drafts: TimelineDraft[];
  committed(stored: readonly TimelineRecord[]): void;
}

/** A batch with nothing to record: most edits' (the sentences repeat, or there are none). */
const NOTHING: TimelineBatch = { drafts: [], committed: () => undefined };

/**
 * Who changed what and when, written only by the server from accepted updates and the
 * identity behind the connection that sent them. Emits 'entry' for each new entry.
 */
export class Timeline extends EventEmitter<{ entry: [roomId: string, entry: TimelineEntry] }> {
  /** When each (person, document, sentence) was last recorded: the repeats it folds. */
  private readonly recent = new Map<string, number>();

  constructor(private readonly storage: Storage) {
    super();
  }

  /**
   * The entries a batch of changes adds, repeats within COALESCE_MS left out. Nothing is
   * remembered until the batch has committed: edits storage refused leave no trace here,
   * and the same sentence, sent again, is recorded then.
   */
  draft(changes: readonly DescribedChange[], at = Date.now()): TimelineBatch {
    if (changes.length === 0) return NOTHING;
    const drafts: TimelineDraft[] = [];
    const keys: string[] = [];
    for (const { identity, doc, sentences } of changes) {
      for (const summary of sentences) {
        const key = `${identity.room.roomId}\n${identity.memberId ?? identity.inviteId}\n${doc}\n${summary}`;
        const last = this.recent.get(key);
        if ((last !== undefined && at - last < COALESCE_MS) || keys.includes(key)) continue;
        keys.push(key);
        drafts.push({
          roomId: identity.room.roomId,
          at,
          doc,
          memberId: identity.memberId,
          name: identity.name,
          role: identity.principal.role,
          side: identity.principal.side ?? null,
          summary,
        });
      }
    }
    if (drafts.length === 0) return NOTHING;
    return {
      drafts,
      committed: (stored) => {
        for (const key of keys) this.recent.set(key, at);
        if (this.recent.size > 10_000) this.forgetOlderThan(at - COALESCE_MS);
        for (const record of stored) this.emit('entry', record.roomId, toEntry(record));
      },
    };
  }

  list(roomId: string, beforeSeq: number | undefined, limit: number): TimelineEntry[] {
    return this.storage.listTimeline(roomId, beforeSeq, limit).map(toEntry);
  }

  private forgetOlderThan(cutoff: number): void {
    for (const [key, at] of this.recent) if (at < cutoff) this.recent.delete(key);
  }
}

function toEntry(r: TimelineRecord): TimelineEntry {
  const entry: TimelineEntry = {
    seq: r.seq,
    at: r.at,
    doc: r.doc,
    memberId: r.memberId,
    name: r.name,
    role: r.role,
    summary: r.summary,
  };
  if (r.side) entry.side = r.side;
  return entry;
}
