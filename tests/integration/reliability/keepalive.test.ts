import { describe, expect, it } from 'vitest';
import { docUrl, installCleanup, RawDocClient, setupRoom, startServer, waitFor } from '../../helpers/index.js';
import { JOINT } from './support.js';

/**
 * A peer that vanished without closing (a laptop lid shut, a network gone) holds a seat
 * in its room and a place in every broadcast until the server notices: it is pinged
 * every KEEPALIVE_MS and dropped when the next ping finds the last one unanswered.
 */

installCleanup();

describe('keepalive on /yjs', () => {
  it('drops a connection that stopped answering pings and keeps the one that answers them', async () => {
    const server = await startServer({ env: { KEEPALIVE_MS: '600' } });
    const room = await setupRoom(server, { mediated: false });
    const url = docUrl(server, room.doc(JOINT), room.token('a'));
    const silent = await RawDocClient.open(url, 10_000, { answerPings: false });
    const answering = await RawDocClient.open(url);

    // No close frame: the server cuts the socket of a peer that is not listening.
    expect((await silent.waitForClose(5_000)).code).toBe(1006);
    expect(silent.pings).toBeGreaterThanOrEqual(1);

    await waitFor(() => answering.pings >= 3, 'the answering connection to be pinged in three periods');
    expect(answering.isOpen).toBe(true);
    await answering.roundTrip();
  });
});
