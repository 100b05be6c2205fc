import { awarenessUserSchema, editingTargetSchema } from '@parley/shared';
import type { EditingTarget, Role, SideId } from '@parley/shared';
import { useSyncExternalStore } from 'react';
import type { WebsocketProvider } from 'y-websocket';

type Awareness = WebsocketProvider['awareness'];

export type { EditingTarget };

/** Someone connected to a doc, as the server stamped them, plus what they are editing. */
export interface Peer {
  clientId: number;
  /** The member behind the connection; a guest (bare invite token) may have none. */
  memberId: string | null;
  name: string;
  role: Role;
  side?: SideId;
  editing: EditingTarget | null;
}

// Awareness states come from other browsers; only what the server stamped is trusted, and even that is parsed.
const userSchema = awarenessUserSchema;
const editingSchema = editingTargetSchema.nullable().catch(null);

function readPeers(awareness: Awareness): Peer[] {
  const peers: Peer[] = [];
  awareness.getStates().forEach((state, clientId) => {
    if (clientId === awareness.clientID) return;
    const user = userSchema.safeParse((state as { user?: unknown }).user);
    if (!user.success) return;
    const { memberId, name, role, side } = user.data;
    peers.push({
      clientId,
      memberId: memberId ?? null,
      name,
      role,
      ...(side ? { side } : {}),
      editing: editingSchema.parse((state as { editing?: unknown }).editing ?? null),
    });
  });
  return peers;
}

interface Store {
  subscribe: (notify: () => void) => () => void;
  getSnapshot: () => Peer[];
}

const stores = new WeakMap<Awareness, Store>();

function storeFor(awareness: Awareness): Store {
  let store = stores.get(awareness);
  if (!store) {
    let snapshot = readPeers(awareness);
    const listeners = new Set<() => void>();
    // Listening for the awareness's whole life keeps the snapshot current between subscribers.
    // 'change' fires only when a state really changed, not on every keep-alive renewal.
    awareness.on('change', () => {
      snapshot = readPeers(awareness);
      for (const notify of [...listeners]) notify();
    });
    store = {
      subscribe: (notify) => {
        listeners.add(notify);
        return () => listeners.delete(notify);
      },
      getSnapshot: () => snapshot,
    };
    stores.set(awareness, store);
  }
  return store;
}

/** The other connections on a doc (never this tab's own), from its awareness. */
export function useAwarenessPeers(provider: WebsocketProvider): Peer[] {
  const store = storeFor(provider.awareness);
  return useSyncExternalStore(store.subscribe, store.getSnapshot);
}
