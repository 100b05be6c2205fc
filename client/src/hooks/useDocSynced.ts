import { useCallback, useSyncExternalStore } from 'react';
import type { DocHandle } from './useRoomDocs';

/**
 * Whether the doc holds the room's state: received from the server at least once, or
 * restored from this device's copy (which may be behind, and catches up on sync). Either
 * way "empty" then really means empty.
 */
export function useDocSynced(handle: DocHandle): boolean {
  const { provider, persistence, facts } = handle;
  const subscribe = useCallback(
    (notify: () => void) => {
      provider.on('sync', notify);
      persistence?.on('synced', notify);
      return () => {
        provider.off('sync', notify);
        persistence?.off('synced', notify);
      };
    },
    [provider, persistence],
  );
  return useSyncExternalStore(subscribe, () => facts.everSynced || facts.restored || provider.synced);
}
