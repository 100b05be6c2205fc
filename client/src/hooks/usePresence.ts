import type { Role, SideId } from '@parley/shared';
import { useMemo } from 'react';
import { useAwarenessPeers } from './useAwarenessPeers';
import type { DocHandle } from './useRoomDocs';

export interface Present {
  key: string;
  memberId: string | null;
  name: string;
  role: Role;
  side?: SideId;
  /** How many tabs or devices this person has open. */
  connections: number;
}

/**
 * Who else is in the room, from the awareness of the joint doc (which every member
 * reads), one entry per person however many tabs they have open.
 */
export function usePresence(joint: DocHandle<'joint'>, selfMemberId: string): Present[] {
  const peers = useAwarenessPeers(joint.provider);
  return useMemo(() => {
    const byKey = new Map<string, Present>();
    for (const peer of peers) {
      if (peer.memberId === selfMemberId) continue;
      const key = peer.memberId ?? `guest-${peer.clientId}`;
      const existing = byKey.get(key);
      if (existing) existing.connections++;
      else
        byKey.set(key, {
          key,
          memberId: peer.memberId,
          name: peer.name,
          role: peer.role,
          ...(peer.side ? { side: peer.side } : {}),
          connections: 1,
        });
    }
    return [...byKey.values()].sort((x, y) => x.name.localeCompare(y.name));
  }, [peers, selfMemberId]);
}
