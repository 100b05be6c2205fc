import { EventEmitter } from 'node:events';
import type { TimelineEntry } from '@parley/shared';
import type { Identity } from '../rooms/identity.js';
import type { Storage, TimelineRecord } from '../storage/types.js';

/** Repeats of the same sentence by the same person within this window fold into one entry. */
const COALESCE_MS = 60_000;

/**
 * Who changed what and when, written only by the server from accepted updates and the
 * identity behind the connection that sent them. Emits 'entry' for each new entry.
 */
export class Timeline extends EventEmitter<{ entry: [roomId: string, entry: TimelineEntry] }> {
  private readonly recent = new Map<string, number>();

  constructor(private readonly storage: Storage) {
    super();
  }

  record(identity: Identity, doc: string, sentences: string[], at = Date.now()): void {
    for (const summary of sentences) {
      const key = `${identity.room.roomId}\n${identity.memberId ?? identity.inviteId}\n${doc}\n${summary}`;
      const last = this.recent.get(key);
      if (last !== undefined && at - last < COALESCE_MS) continue;
      this.recent.set(key, at);
      const record = this.storage.appendTimeline({
        roomId: identity.room.roomId,
        at,
        doc,
        memberId: identity.memberId,
        name: identity.name,
        role: identity.principal.role,
        side: identity.principal.side ?? null,
        summary,
      });
      this.emit('entry', record.roomId, toEntry(record));
    }
    if (this.recent.size > 10_000) this.forgetOlderThan(at - COALESCE_MS);
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
