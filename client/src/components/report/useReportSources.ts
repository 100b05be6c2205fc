import type { MemberView, TimelineEntry } from '@parley/shared';
import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import type { ControlSocket } from '../../hooks/useControl';
import type { DocHandle } from '../../hooks/useRoomDocs';

/** Whether every doc holds the room's state, so the report is not built from half-loaded docs. */
export function useAllSynced(handles: DocHandle[]): boolean {
  const store = useMemo(() => {
    const ready = () => handles.every((h) => h.facts.everSynced || h.provider.synced);
    return {
      subscribe(notify: () => void) {
        for (const h of handles) h.provider.on('sync', notify);
        return () => {
          for (const h of handles) h.provider.off('sync', notify);
        };
      },
      getSnapshot: ready,
    };
  }, [handles]);
  return useSyncExternalStore(store.subscribe, store.getSnapshot);
}

/** A number that changes whenever any of the docs changes, for recomputing what is derived from them. */
export function useDocsVersion(handles: DocHandle[]): number {
  const store = useMemo(() => {
    let version = 0;
    return {
      subscribe(notify: () => void) {
        const bump = () => {
          version++;
          notify();
        };
        for (const h of handles) h.doc.on('update', bump);
        return () => {
          for (const h of handles) h.doc.off('update', bump);
        };
      },
      getSnapshot: () => version,
    };
  }, [handles]);
  return useSyncExternalStore(store.subscribe, store.getSnapshot);
}

const PAGE = 500;
const MAX_PAGES = 20;

function page(socket: ControlSocket, beforeSeq?: number): Promise<TimelineEntry[]> {
  return new Promise((resolve, reject) => {
    socket
      .timeout(10_000)
      .emit('timeline:list', beforeSeq ? { beforeSeq, limit: PAGE } : { limit: PAGE }, (err, ack) => {
        if (err) return reject(err);
        if (!ack.ok) return reject(new Error(ack.error.message));
        resolve(ack.entries);
      });
  });
}

/**
 * Everyone who changed something in the room, from the server's timeline: people who
 * took part but are not connected now belong in the report too. Null until read.
 */
export function useTimelineAuthors(socket: ControlSocket | null, connected: boolean): MemberView[] | null {
  const [authors, setAuthors] = useState<MemberView[] | null>(null);
  useEffect(() => {
    if (!socket || !connected) return;
    let cancelled = false;
    void (async () => {
      const found = new Map<string, MemberView>();
      let before: number | undefined;
      try {
        for (let i = 0; i < MAX_PAGES; i++) {
          const entries = await page(socket, before);
          for (const e of entries) {
            const key = e.memberId ?? `${e.role}/${e.side ?? ''}/${e.name}`;
            if (!found.has(key)) {
              found.set(key, {
                memberId: e.memberId ?? key,
                name: e.name,
                role: e.role,
                ...(e.side ? { side: e.side } : {}),
              });
            }
          }
          if (entries.length < PAGE) break;
          before = entries[entries.length - 1]!.seq;
        }
      } catch {
        // The report still lists who is connected; the timeline only adds people who left.
      }
      if (!cancelled) setAuthors([...found.values()]);
    })();
    return () => {
      cancelled = true;
    };
  }, [socket, connected]);
  return authors;
}

/** Connected members first, then the timeline's authors, one entry per person. */
export function mergeParticipants(...lists: MemberView[][]): MemberView[] {
  const byId = new Map<string, MemberView>();
  for (const list of lists) for (const m of list) if (!byId.has(m.memberId)) byId.set(m.memberId, m);
  return [...byId.values()];
}
