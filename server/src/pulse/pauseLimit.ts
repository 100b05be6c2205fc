import { ErrorCode } from '@parley/shared';
import { ParleyError } from '../errors.js';
import { TokenBucket } from '../sync/rateLimit.js';

/** Pause requests a room passes on per minute, whoever sends them. */
const ROOM_PAUSES_PER_MINUTE = 6;

/** Senders remembered before the ones whose interval has passed are forgotten. */
const SENDERS_KEPT = 10_000;

/**
 * How often pause requests get through: one per sender per interval, and a few per
 * minute per room. Joining mints a new member, so a per-sender limit alone cannot stop a
 * flood; the room's own bucket does.
 */
export class PauseLimit {
  private readonly lastBySender = new Map<string, number>();
  private readonly rooms = new Map<string, TokenBucket>();

  constructor(private readonly intervalMs: number) {}

  /** Lets a request from `rateKey` through at `now`, taking a share of the room's, or throws rate_limited. */
  admit(roomId: string, rateKey: string, now: number): void {
    const last = this.lastBySender.get(senderKey(roomId, rateKey));
    if (last !== undefined && now - last < this.intervalMs) {
      const wait = Math.ceil((this.intervalMs - (now - last)) / 1000);
      throw new ParleyError(ErrorCode.RateLimited, `a pause request was just sent; you can send another in ${wait} s`);
    }
    let room = this.rooms.get(roomId);
    if (!room) {
      room = new TokenBucket(ROOM_PAUSES_PER_MINUTE / 60, ROOM_PAUSES_PER_MINUTE, now);
      this.rooms.set(roomId, room);
    }
    if (!room.take(now)) {
      throw new ParleyError(
        ErrorCode.RateLimited,
        'several pause requests just came in; the facilitator has been told',
      );
    }
  }

  /** The request was recorded: its sender waits out the interval from now. */
  sent(roomId: string, rateKey: string, now: number): void {
    if (this.lastBySender.size > SENDERS_KEPT) this.forgetOlderThan(now);
    this.lastBySender.set(senderKey(roomId, rateKey), now);
  }

  private forgetOlderThan(now: number): void {
    for (const [sender, at] of this.lastBySender) if (now - at >= this.intervalMs) this.lastBySender.delete(sender);
    // A bucket that has refilled is the same as a new one.
    for (const [roomId, bucket] of this.rooms) if (bucket.isFull(now)) this.rooms.delete(roomId);
  }
}

function senderKey(roomId: string, rateKey: string): string {
  return `${roomId}\0${rateKey}`;
}
