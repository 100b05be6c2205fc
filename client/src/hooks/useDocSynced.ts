import { useCallback, useSyncExternalStore } from 'react';
import type { DocHandle } from './useRoomDocs';

/** Whether the doc has received the server's state at least once, so "empty" really means empty. */
export function useDocSynced(handle: DocHandle): boolean {
  const { provider, facts } = handle;
  const subscribe = useCallback(
    (notify: () => void) => {
      provider.on('sync', notify);
      return () => provider.off('sync', notify);
    },
    [provider],
  );
  return useSyncExternalStore(subscribe, () => facts.everSynced || provider.synced);
}
