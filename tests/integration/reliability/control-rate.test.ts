import { beforeAll, describe, expect, it } from 'vitest';
import { ErrorCode } from '@parley/shared';
import {
  connectControl,
  emitAck,
  setupRoom,
  useServer,
  type ControlSocket,
  type RoomFixture,
} from '../../helpers/index.js';

/**
 * Every socket.io event takes a token from its socket's bucket. A socket that sends
 * faster than its rate gets `rate_limited` answers, which change nothing, and keeps its
 * connection; other sockets do not notice, and the socket's own events are served again
 * once the bucket has refilled.
 */

const RATE = 5; // per second; a full bucket holds 10

const server = useServer({ env: { MAX_CONTROL_EVENTS_PER_SECOND: String(RATE) } });

let room: RoomFixture;
beforeAll(async () => {
  room = await setupRoom(server(), { mediated: true });
});

type Answer = { ok: boolean; error?: { code: string }; state?: { minAnswers: number } };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function minAnswers(socket: ControlSocket): Promise<number> {
  const answer = (await emitAck(socket, 'pulse:get', {})) as Answer;
  expect(answer.ok).toBe(true);
  return answer.state!.minAnswers;
}

describe('the rate of control-plane events', () => {
  it('answers a flood with rate_limited, acts on none of the refused events, and serves the socket again later', async () => {
    const mediator = await connectControl(server(), room.token('mediator'));
    const alice = await connectControl(server(), room.token('a'));
    const before = await minAnswers(alice);
    await sleep(2 * 1000); // the mediator's bucket is full again after its connect

    const flood = (await Promise.all(Array.from({ length: 30 }, () => emitAck(mediator, 'pulse:get', {})))) as Answer[];
    const served = flood.filter((a) => a.ok).length;
    expect(served).toBeGreaterThanOrEqual(2 * RATE);
    expect(served).toBeLessThan(2 * RATE + 3);
    for (const refused of flood.filter((a) => !a.ok)) expect(refused.error?.code).toBe(ErrorCode.RateLimited);

    // The bucket is empty: a change of settings now is refused and not made.
    const change = (await emitAck(mediator, 'pulse:settings', { minAnswers: before + 1 })) as Answer;
    expect(change).toMatchObject({ ok: false, error: { code: ErrorCode.RateLimited } });
    // Another member's socket has its own bucket.
    expect(await minAnswers(alice)).toBe(before);

    await sleep(1000);
    expect(mediator.connected).toBe(true);
    const later = (await emitAck(mediator, 'pulse:settings', { minAnswers: before + 1 })) as Answer;
    expect(later.ok).toBe(true);
    expect(await minAnswers(alice)).toBe(before + 1);
  });
});
