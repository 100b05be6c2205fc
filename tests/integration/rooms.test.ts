import { CloseCode, ErrorCode, roomIdSchema, type CreateRoomResponse, type Invite } from '@parley/shared';
import { describe, expect, it } from 'vitest';
import {
  api,
  closedWith,
  connectControl,
  createRoom,
  docUrl,
  emitAck,
  join,
  RawDocClient,
  reissue,
  startServer,
  syncedDoc,
  useServer,
  waitFor,
  type ControlSocket,
} from '../helpers/index.js';

const server = useServer({ env: { ROOMS_PER_HOUR_PER_ADDRESS: '10000' } });

const TOKEN = /^[A-Za-z0-9_-]+$/;

/** At least 128 bits: base64url carries 6 bits per character, so 22 characters or more. */
function expectToken(token: unknown): void {
  expect(token).toMatch(TOKEN);
  expect(Buffer.from(token as string, 'base64url').length).toBeGreaterThanOrEqual(16);
}

function expectInvite(invite: Invite | undefined, expected: Partial<Invite>): void {
  expect(invite).toMatchObject(expected);
  if (expected.role !== 'side') expect(invite).not.toHaveProperty('side');
  expectToken(invite!.token);
  const url = new URL(invite!.url);
  expect(url.pathname).toBe('/join');
  expect(url.hash).toBe(`#${invite!.token}`);
  expect(url.search).toBe('');
}

function allTokens(room: CreateRoomResponse): string[] {
  return [...Object.values(room.invites).map((i) => i.token), room.adminToken];
}

describe('POST /api/rooms', () => {
  it('creates a mediated room with one invite per role, a mediator invite and an admin token', async () => {
    const result = await api(server(), 'POST', '/api/rooms', {
      body: { title: 'Lease renewal', sides: ['Tenant', 'Landlord'], mediated: true },
    });
    expect(result.status).toBe(201);
    expect(result.contentType).toMatch(/application\/json/);
    const room = result.body as CreateRoomResponse;
    expect(roomIdSchema.safeParse(room.roomId).success).toBe(true);
    expect(Object.keys(room.invites).sort()).toEqual(['a', 'b', 'mediator', 'observer']);
    expectInvite(room.invites.mediator, { role: 'mediator' });
    expectInvite(room.invites.a, { role: 'side', side: 'a' });
    expectInvite(room.invites.b, { role: 'side', side: 'b' });
    expectInvite(room.invites.observer, { role: 'observer' });
    expectToken(room.adminToken);
    expect(new Set(allTokens(room)).size).toBe(5);
  });

  it('creates an unmediated room without a mediator invite', async () => {
    const room = await createRoom(server(), { mediated: false });
    expect(Object.keys(room.invites).sort()).toEqual(['a', 'b', 'observer']);
    expectToken(room.adminToken);
  });

  it('gives every room its own id and tokens', async () => {
    const [one, two] = await Promise.all([createRoom(server()), createRoom(server())]);
    expect(one.roomId).not.toBe(two.roomId);
    const shared = allTokens(one).filter((t) => allTokens(two).includes(t));
    expect(shared).toEqual([]);
  });

  const badBodies: Array<[string, unknown]> = [
    ['a missing title', { sides: ['Tenant', 'Landlord'], mediated: true }],
    ['an empty title', { title: '', sides: ['Tenant', 'Landlord'], mediated: true }],
    ['a blank title', { title: '   ', sides: ['Tenant', 'Landlord'], mediated: true }],
    ['a title of 201 characters', { title: 'x'.repeat(201), sides: ['Tenant', 'Landlord'], mediated: true }],
    ['one side', { title: 'Lease', sides: ['Tenant'], mediated: true }],
    ['three sides', { title: 'Lease', sides: ['Tenant', 'Landlord', 'Agent'], mediated: true }],
    ['an empty side name', { title: 'Lease', sides: ['Tenant', ''], mediated: true }],
    ['a title with half a surrogate pair', { title: 'Lease \ud800', sides: ['Tenant', 'Landlord'], mediated: true }],
    ['a title of zero-width spaces', { title: '\u200b\u200b', sides: ['Tenant', 'Landlord'], mediated: true }],
    ['a title over two lines', { title: 'Lease\nrenewal', sides: ['Tenant', 'Landlord'], mediated: true }],
    ['a side name with a control character', { title: 'Lease', sides: ['Tenant\u0007', 'Landlord'], mediated: true }],
    ['sides that are not strings', { title: 'Lease', sides: [1, 2], mediated: true }],
    ['a non-boolean mediated', { title: 'Lease', sides: ['Tenant', 'Landlord'], mediated: 'yes' }],
    ['a missing mediated', { title: 'Lease', sides: ['Tenant', 'Landlord'] }],
    ['an extra field', { title: 'Lease', sides: ['Tenant', 'Landlord'], mediated: true, admin: true }],
    ['an array', [{ title: 'Lease', sides: ['Tenant', 'Landlord'], mediated: true }]],
    ['null', null],
  ];

  it.each(badBodies)('refuses %s with 400 bad_request', async (_label, body) => {
    const result = await api(server(), 'POST', '/api/rooms', { raw: JSON.stringify(body) });
    expect(result.status).toBe(400);
    expect(result.body).toMatchObject({ error: { code: ErrorCode.BadRequest, message: expect.any(String) } });
  });

  it('refuses a body that is not JSON with 400 bad_request in the JSON error shape', async () => {
    const result = await api(server(), 'POST', '/api/rooms', { raw: '{"title": "Lease", sides: [' });
    expect(result.status).toBe(400);
    expect(result.contentType).toMatch(/application\/json/);
    expect(result.body).toMatchObject({ error: { code: ErrorCode.BadRequest, message: expect.any(String) } });
  });

  it('refuses a huge body with a JSON error and keeps serving', async () => {
    const huge = { title: 'x'.repeat(4 * 1024 * 1024), sides: ['Tenant', 'Landlord'], mediated: true };
    const result = await api(server(), 'POST', '/api/rooms', { body: huge });
    // 400 bad_request, or 413 too_large which ErrorCode also offers for REST; never a room, never an HTML page.
    expect([
      [400, ErrorCode.BadRequest],
      [413, ErrorCode.TooLarge],
    ]).toContainEqual([result.status, (result.body as { error?: { code?: string } }).error?.code]);
    expect(result.body).toMatchObject({ error: { message: expect.any(String) } });
    expect((await api(server(), 'GET', '/healthz')).status).toBe(200);
  });
});

describe('resolving and joining', () => {
  it('resolves each invite to its role and the room summary', async () => {
    const room = await createRoom(server(), { title: 'Fence line', sides: ['North', 'South'], mediated: true });
    for (const [key, expected] of [
      ['mediator', { role: 'mediator' }],
      ['a', { role: 'side', side: 'a' }],
      ['b', { role: 'side', side: 'b' }],
      ['observer', { role: 'observer' }],
    ] as const) {
      const result = await api(server(), 'POST', '/api/invites/resolve', { body: { token: room.invites[key]!.token } });
      expect(result.status, key).toBe(200);
      expect(result.body).toEqual({
        ...expected,
        room: {
          roomId: room.roomId,
          title: 'Fence line',
          sides: ['North', 'South'],
          mediated: true,
          createdAt: expect.any(Number),
        },
      });
    }
  });

  it('answers 401 unauthorized for a token it never issued', async () => {
    const result = await api(server(), 'POST', '/api/invites/resolve', { body: { token: 'A'.repeat(22) } });
    expect(result.status).toBe(401);
    expect(result.body).toMatchObject({ error: { code: ErrorCode.Unauthorized } });
  });

  it('joins with an invite and a name, and the member token works on /yjs and socket.io', async () => {
    const room = await createRoom(server(), { mediated: false });
    const result = await api(server(), 'POST', '/api/members', { body: { token: room.invites.a.token, name: 'Dana' } });
    expect(result.status).toBe(201);
    const member = result.body as Record<string, unknown>;
    expect(member).toMatchObject({ role: 'side', side: 'a', name: 'Dana', room: { roomId: room.roomId } });
    expect(member.memberId).toEqual(expect.any(String));
    expectToken(member.memberToken);
    expect(allTokens(room)).not.toContain(member.memberToken);

    await syncedDoc(server(), `${room.roomId}/side/a`, member.memberToken as string);
    const socket = await connectControl(server(), member.memberToken as string);
    const sentAt = Date.now();
    const hello = await emitAck(socket, 'room:hello', {});
    expect(hello).toMatchObject({
      ok: true,
      you: { memberId: member.memberId, name: 'Dana', role: 'side', side: 'a' },
    });
    // The server's clock, which the client times shared countdowns by (same machine here).
    const { serverTime } = hello as { serverTime: number };
    expect(serverTime).toBeGreaterThanOrEqual(sentAt);
    expect(serverTime).toBeLessThanOrEqual(Date.now());
  });

  it('keeps names in any script, accents and emoji exactly as typed', async () => {
    const title = 'Zoë’s lease — 住宅 🏠';
    const created = await api(server(), 'POST', '/api/rooms', {
      body: { title, sides: ['Ørsted 👩‍👩‍👧', 'مالك'], mediated: false },
    });
    expect(created.status).toBe(201);
    const { invites } = created.body as { invites: { a: { token: string } } };
    const joined = await api(server(), 'POST', '/api/members', { body: { token: invites.a.token, name: 'José 😀' } });
    expect(joined.status).toBe(201);
    const resolved = await api(server(), 'POST', '/api/invites/resolve', { body: { token: invites.a.token } });
    expect(resolved.body).toMatchObject({ room: { title, sides: ['Ørsted 👩‍👩‍👧', 'مالك'] } });
  });

  it('refuses to join with an empty name or an unknown token', async () => {
    const room = await createRoom(server());
    for (const name of ['  ', '\u200b', 'Dana\u0000', 'Dana \udc00']) {
      const refused = await api(server(), 'POST', '/api/members', { body: { token: room.invites.a.token, name } });
      expect(refused.status, JSON.stringify(name)).toBe(400);
      expect(refused.body).toMatchObject({ error: { code: ErrorCode.BadRequest } });
    }
    const unknown = await api(server(), 'POST', '/api/members', { body: { token: 'B'.repeat(22), name: 'Dana' } });
    expect(unknown.status).toBe(401);
    expect(unknown.body).toMatchObject({ error: { code: ErrorCode.Unauthorized } });
  });

  it('refuses a member token where an invite is asked for: it resolves nothing and mints nobody', async () => {
    const room = await createRoom(server());
    const { memberToken } = await join(server(), room.invites.a.token, 'Dana');
    const resolved = await api(server(), 'POST', '/api/invites/resolve', { body: { token: memberToken } });
    expect(resolved.status).toBe(401);
    const minted = await api(server(), 'POST', '/api/members', { body: { token: memberToken, name: 'Dana again' } });
    expect(minted.status).toBe(401);
    expect(minted.body).toMatchObject({ error: { code: ErrorCode.Unauthorized } });
    // The member token still opens the room itself.
    (await connectControl(server(), memberToken)).disconnect();
  });

  it('refuses the admin token as a way into the room', async () => {
    const room = await createRoom(server());
    const closed = await closedWith(docUrl(server(), `${room.roomId}/joint`, room.adminToken));
    expect(closed).toMatchObject({ code: CloseCode.Unauthorized });
    await expect(connectControl(server(), room.adminToken)).rejects.toMatchObject({ message: 'unauthorized' });
  });
});

describe('reissuing invites', () => {
  it('names the room to the admin token and the mediator, who may replace its links, and to nobody else', async () => {
    const room = await createRoom(server());
    const other = await createRoom(server());
    const mediator = await join(server(), room.invites.mediator!.token, 'Morgan');
    const summaryWith = (token?: string, roomId = room.roomId) =>
      api(server(), 'GET', `/api/rooms/${roomId}`, token ? { headers: { authorization: `Bearer ${token}` } } : {});
    for (const token of [room.adminToken, room.invites.mediator!.token, mediator.memberToken]) {
      const answer = await summaryWith(token);
      expect(answer.status).toBe(200);
      expect(answer.body).toMatchObject({
        room: { roomId: room.roomId, title: 'Lease renewal', sides: ['Tenant', 'Landlord'], mediated: true },
      });
    }
    expect((await summaryWith(room.invites.a.token)).status).toBe(403);
    expect((await summaryWith(room.invites.observer.token)).status).toBe(403);
    expect((await summaryWith()).status).toBe(401);
    expect((await summaryWith(other.adminToken)).status).toBe(401);
    expect((await summaryWith(room.adminToken, 'no-such-room-id')).status).toBe(404);
  });

  it("refuses a side or observer token with 403, a missing token with 401 and another room's mediator", async () => {
    const room = await createRoom(server());
    const member = await join(server(), room.invites.a.token, 'Alice');
    for (const bearer of [room.invites.a.token, member.memberToken, room.invites.observer.token]) {
      const result = await reissue(server(), room.roomId, bearer, { role: 'side', side: 'b' });
      expect(result.status).toBe(403);
      expect(result.body).toMatchObject({ error: { code: ErrorCode.Forbidden } });
    }
    const anonymous = await api(server(), 'POST', `/api/rooms/${room.roomId}/invites/reissue`, {
      body: { role: 'side', side: 'b' },
    });
    expect(anonymous.status).toBe(401);
    const elsewhere = await createRoom(server(), { mediated: true });
    const foreign = await reissue(server(), room.roomId, elsewhere.invites.mediator!.token, {
      role: 'side',
      side: 'b',
    });
    expect([401, 403]).toContain(foreign.status);
    const foreignAdmin = await reissue(server(), room.roomId, elsewhere.adminToken, { role: 'side', side: 'b' });
    expect([401, 403]).toContain(foreignAdmin.status);
    // The old invite of side b still works: nothing was revoked.
    expect(
      (await api(server(), 'POST', '/api/invites/resolve', { body: { token: room.invites.b.token } })).status,
    ).toBe(200);
  });

  it('revokes the old invite and every member token from it everywhere, and the new invite works', async () => {
    const room = await createRoom(server(), { mediated: true });
    const mediator = await join(server(), room.invites.mediator!.token, 'Morgan');
    const alice = await join(server(), room.invites.a.token, 'Alice');
    const bob = await join(server(), room.invites.b.token, 'Bob');
    const joint = `${room.roomId}/joint`;

    // Live connections of the member about to be revoked.
    const liveDoc = await RawDocClient.open(docUrl(server(), joint, alice.memberToken));
    const liveSocket = await connectControl(server(), alice.memberToken);
    const revokedEvents: unknown[] = [];
    liveSocket.on('session:revoked', (info) => revokedEvents.push(info));

    const result = await reissue(server(), room.roomId, mediator.memberToken, { role: 'side', side: 'a' });
    expect(result.status).toBe(200);
    const { invite } = result.body as { invite: Invite };
    expectInvite(invite, { role: 'side', side: 'a' });
    expect(invite.token).not.toBe(room.invites.a.token);

    expect(await liveDoc.waitForClose()).toMatchObject({ code: CloseCode.Unauthorized });
    await waitFor(() => revokedEvents.length > 0 && !liveSocket.connected, 'the live socket.io session to be revoked');

    for (const old of [room.invites.a.token, alice.memberToken]) {
      const resolved = await api(server(), 'POST', '/api/invites/resolve', { body: { token: old } });
      expect(resolved.status).toBe(401);
      expect(resolved.body).toMatchObject({ error: { code: ErrorCode.Unauthorized } });
      expect(await closedWith(docUrl(server(), joint, old))).toMatchObject({ code: CloseCode.Unauthorized });
      await expect(connectControl(server(), old)).rejects.toMatchObject({ message: 'unauthorized' });
    }
    const rejoin = await api(server(), 'POST', '/api/members', { body: { token: room.invites.a.token, name: 'Eve' } });
    expect(rejoin.status).toBe(401);

    const fresh = await join(server(), invite.token, 'Alice again');
    expect(fresh).toMatchObject({ role: 'side', side: 'a', room: { roomId: room.roomId } });
    await syncedDoc(server(), `${room.roomId}/side/a`, fresh.memberToken);
    await syncedDoc(server(), `${room.roomId}/side/a`, invite.token);
    await connectControl(server(), fresh.memberToken);

    // Only side a was revoked.
    await syncedDoc(server(), joint, bob.memberToken);
    await syncedDoc(server(), joint, room.invites.b.token);
  });

  it('lets the mediator invite token and the admin token reissue any role', async () => {
    const room = await createRoom(server(), { mediated: true });
    const byInvite = await reissue(server(), room.roomId, room.invites.mediator!.token, { role: 'observer' });
    expect(byInvite.status).toBe(200);
    const observer = (byInvite.body as { invite: Invite }).invite;
    expectInvite(observer, { role: 'observer' });

    const byAdmin = await reissue(server(), room.roomId, room.adminToken, { role: 'mediator' });
    expect(byAdmin.status).toBe(200);
    const mediator = (byAdmin.body as { invite: Invite }).invite;
    expectInvite(mediator, { role: 'mediator' });

    // The old mediator invite is revoked (it can no longer reissue either); the new ones work.
    expect(
      (await api(server(), 'POST', '/api/invites/resolve', { body: { token: room.invites.mediator!.token } })).status,
    ).toBe(401);
    expect((await reissue(server(), room.roomId, room.invites.mediator!.token, { role: 'observer' })).status).toBe(401);
    expect(await closedWith(docUrl(server(), `${room.roomId}/joint`, room.invites.observer.token))).toMatchObject({
      code: CloseCode.Unauthorized,
    });
    await syncedDoc(server(), `${room.roomId}/mediator`, mediator.token);
    await syncedDoc(server(), `${room.roomId}/joint`, observer.token);
  });

  it('lets the admin token reissue a side invite in a room without a mediator', async () => {
    const room = await createRoom(server(), { mediated: false });
    const bob = await join(server(), room.invites.b.token, 'Bob');
    const live: ControlSocket = await connectControl(server(), bob.memberToken);
    const result = await reissue(server(), room.roomId, room.adminToken, { role: 'side', side: 'b' });
    expect(result.status).toBe(200);
    await waitFor(() => !live.connected, 'the revoked member to be disconnected from socket.io');
    await expect(connectControl(server(), bob.memberToken)).rejects.toMatchObject({ message: 'unauthorized' });
    const invite = (result.body as { invite: Invite }).invite;
    await syncedDoc(server(), `${room.roomId}/side/b`, invite.token);
  });

  it('refuses a malformed reissue body with 400', async () => {
    const room = await createRoom(server());
    for (const body of [
      { role: 'side' },
      { role: 'observer', side: 'a' },
      { role: 'judge' },
      { role: 'side', side: 'c' },
    ]) {
      const result = await reissue(server(), room.roomId, room.adminToken, body);
      expect(result.status, JSON.stringify(body)).toBe(400);
      expect(result.body).toMatchObject({ error: { code: ErrorCode.BadRequest } });
    }
  });
});

describe('the server log', () => {
  it('never contains a token, even at trace level and for one sent in a /yjs query string', async () => {
    const own = await startServer({ env: { LOG_LEVEL: 'trace' } });
    const room = await createRoom(own, { mediated: true });
    const alice = await join(own, room.invites.a.token, 'Alice');
    await syncedDoc(own, `${room.roomId}/joint`, alice.memberToken);
    await connectControl(own, room.invites.b.token);
    await closedWith(docUrl(own, `${room.roomId}/mediator`, alice.memberToken));
    const revoked = await reissue(own, room.roomId, room.adminToken, { role: 'observer' });
    expect(revoked.status).toBe(200);
    await closedWith(docUrl(own, `${room.roomId}/joint`, room.invites.observer.token));
    // Stopping flushes the log: everything it will ever say about these requests is in.
    expect(await own.stop()).toEqual({ code: 0, signal: null });
    const newInvite = (revoked.body as { invite: Invite }).invite.token;
    const secrets = [...allTokens(room), alice.memberToken, newInvite];
    const leaks = own.logs.filter((line) => secrets.some((token) => line.includes(token)));
    expect(leaks).toEqual([]);
  });
});

describe('GET /healthz', () => {
  it('answers 200 { ok: true }', async () => {
    const result = await api(server(), 'GET', '/healthz');
    expect(result.status).toBe(200);
    expect(result.body).toEqual({ ok: true });
  });
});

describe('routes the server does not serve', () => {
  it.each([
    ['GET', '/yjs/room/joint'],
    ['POST', '/join'],
    ['PUT', '/room/abc'],
    ['DELETE', '/'],
  ])('answers %s %s with a JSON 404 in the shared error shape', async (method, path) => {
    const result = await api(server(), method, path);
    expect(result.status).toBe(404);
    expect(result.contentType).toMatch(/application\/json/);
    expect(result.body).toMatchObject({ error: { code: ErrorCode.NotFound } });
  });
});
