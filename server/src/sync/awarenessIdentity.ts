import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import type { MemberView } from '@parley/shared';
import { MalformedMessage } from './protocol.js';

/** Most awareness client ids one connection may speak for (a tab normally has one per doc). */
const MAX_CLIENTS_PER_CONNECTION = 8;

export interface StampedAwareness {
  /** The rewritten update, or null when nothing in it is new. */
  update: Uint8Array | null;
  /** Every entry was an echo or someone else's: the frame carried nothing of this connection's own. */
  echoOnly: boolean;
}

/**
 * Rewrites a connection's inbound awareness updates so nobody can pose as someone else:
 * every state's `user` field is replaced by the identity the server established from
 * the token, and entries for awareness client ids owned by another connection are
 * dropped. One per connection: it remembers which ids the connection speaks for.
 *
 * The stock provider re-sends every awareness change it receives (an echo, with the
 * clock the server already knows). Echoes are dropped, never make a connection the
 * owner of an id — else someone who reconnects would find their id taken by whoever
 * echoed their departure — and let the caller spare them from the rate limit.
 */
export class AwarenessStamper {
  /** Awareness client ids this connection speaks for. */
  readonly owned = new Set<number>();
  /**
   * Per owned id, the JSON it last sent and what that became once stamped. Clients renew
   * an unchanged state every 15 s, and in a large room those renewals are most of the
   * presence traffic: they are stamped again without being parsed or written again.
   */
  private readonly lastStamped = new Map<number, { json: string; stamped: string }>();

  constructor(private readonly user: MemberView) {}

  stamp(
    update: Uint8Array,
    ownedElsewhere: (clientId: number) => boolean,
    knownClock: (clientId: number) => number | undefined,
  ): StampedAwareness {
    const entries: Array<{ clientId: number; clock: number; state: string }> = [];
    try {
      const d = decoding.createDecoder(update);
      const count = decoding.readVarUint(d);
      for (let i = 0; i < count; i++) {
        const clientId = decoding.readVarUint(d);
        const clock = decoding.readVarUint(d);
        const json = decoding.readVarString(d);
        // Echoes are most of the traffic in a crowded room (every stock client re-sends
        // each change it hears): drop them before parsing anything.
        const known = knownClock(clientId);
        if (known !== undefined && clock <= known && !this.owned.has(clientId)) continue;
        if (ownedElsewhere(clientId)) continue;
        const isNew = !this.owned.has(clientId);
        if (isNew && this.owned.size >= MAX_CLIENTS_PER_CONNECTION) continue;
        entries.push({ clientId, clock, state: this.stampState(clientId, json) });
        if (isNew) this.owned.add(clientId);
      }
      if (decoding.hasContent(d)) throw new MalformedMessage('trailing bytes after awareness update');
    } catch (error) {
      if (error instanceof MalformedMessage) throw error;
      throw new MalformedMessage(`undecodable awareness update: ${(error as Error).message}`);
    }
    if (entries.length === 0) return { update: null, echoOnly: true };
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, entries.length);
    for (const entry of entries) {
      encoding.writeVarUint(e, entry.clientId);
      encoding.writeVarUint(e, entry.clock);
      encoding.writeVarString(e, entry.state);
    }
    return { update: encoding.toUint8Array(e), echoOnly: false };
  }

  /** One state's JSON with the connection's identity as its `user`; 'null' (a departure) as is. */
  private stampState(clientId: number, json: string): string {
    const last = this.lastStamped.get(clientId);
    if (last?.json === json) return last.stamped;
    const state: unknown = JSON.parse(json);
    if (state === null) {
      this.lastStamped.delete(clientId);
      return 'null';
    }
    if (typeof state !== 'object' || Array.isArray(state)) {
      throw new MalformedMessage('awareness state must be an object or null');
    }
    const stamped = JSON.stringify({ ...state, user: this.user });
    this.lastStamped.set(clientId, { json, stamped });
    return stamped;
  }
}
