import { createContext, useContext } from 'react';
import type { Session } from '../lib/session';
import type { RoomDocs } from './useRoomDocs';

export interface RoomValue {
  session: Session;
  docs: RoomDocs;
}

export const RoomContext = createContext<RoomValue | null>(null);

/** The member's session and the room's open documents, for any view inside the room page. */
export function useRoom(): RoomValue {
  const value = useContext(RoomContext);
  if (!value) throw new Error('useRoom is used outside the room page');
  return value;
}
