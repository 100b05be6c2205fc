import { CloseCode } from '@parley/shared';
import { io } from 'socket.io-client';
import { describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import {
  api,
  closedWith,
  connectControl,
  docUrl,
  installCleanup,
  join,
  RawDocClient,
  reissue,
  setupRoom,
  startServer,
  trackClient,
  updateFrame,
  updateOf,
  waitFor,
  withTimeout,
  type TestServer,
} from '../../helpers/index.js';
import { JOINT, SIDE_A } from './support.js';

/**
 * The browser-facing surface: security headers with a strict CSP, tokens kept out of
 * logs (and, through the Referrer-Policy, out of Referer headers), room creation
 * capped per address, and an allow-list of origins for WebSocket upgrades.
 */

installCleanup();

function directives(csp: string): Map<string, string[]> {
  return new Map(
    csp
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...values]) => [name!.toLowerCase(), values]),
  );
}

describe('security headers', () => {
  it('sends a strict CSP, no-referrer, nosniff and no framing on the app, the API and its errors', async () => {
    const server = await startServer();
    const room = await setupRoom(server, { mediated: false });
    const requests: Array<[string, RequestInit & { path: string }]> = [
      ['the app root', { path: '/' }],
      ['a client route', { path: '/join' }],
      ['GET /healthz', { path: '/healthz' }],
      ['an unknown API route', { path: '/api/nothing' }],
      [
        'POST /api/rooms',
        {
          path: '/api/rooms',
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ title: 'T', sides: ['A', 'B'], mediated: false }),
        },
      ],
      [
        'a refused API body',
        { path: '/api/members', method: 'POST', headers: { 'content-type': 'application/json' }, body: '{' },
      ],
      [
        'POST /api/invites/resolve',
        {
          path: '/api/invites/resolve',
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ token: room.invite('a') }),
        },
      ],
    ];
    for (const [label, { path, ...init }] of requests) {
      const response = await fetch(`${server.url}${path}`, init);
      const h = response.headers;
      const csp = h.get('content-security-policy');
      expect(csp, `${label}: Content-Security-Policy`).toBeTruthy();
      const d = directives(csp!);
      const fallback = d.get('default-src') ?? [];
      const effective = (name: string) => d.get(name) ?? fallback;
      expect(csp, `${label}: no eval`).not.toContain("'unsafe-eval'");
      expect(effective('script-src'), `${label}: scripts only from the app itself`).toSatisfy(
        (v: string[]) => v.length === 1 && (v[0] === "'self'" || v[0] === "'none'"),
      );
      expect(effective('object-src'), `${label}: object-src`).toEqual(["'none'"]);
      if (fallback[0] === "'none'" && d.size === 1) {
        // Express's own 404 page (the client is not built) sends the strictest policy
        // there is, which says nothing about framing: the frame header must.
        expect(h.get('x-frame-options'), `${label}: X-Frame-Options on a bare error page`).toMatch(
          /^(DENY|SAMEORIGIN)$/i,
        );
      } else {
        expect(fallback, `${label}: default-src`).toEqual(["'self'"]);
        expect(effective('script-src-attr'), `${label}: no inline event handlers`).toEqual(["'none'"]);
        expect(d.get('frame-ancestors'), `${label}: frame-ancestors`).toEqual(["'none'"]);
        expect(d.get('base-uri'), `${label}: base-uri`).toSatisfy(
          (v: string[] | undefined) => v?.length === 1 && (v[0] === "'self'" || v[0] === "'none'"),
        );
        expect(d.get('form-action'), `${label}: form-action`).toEqual(["'self'"]);
      }
      expect(h.get('referrer-policy'), `${label}: Referrer-Policy`).toBe('no-referrer');
      expect(h.get('x-content-type-options'), `${label}: nosniff`).toBe('nosniff');
      expect(h.get('x-powered-by'), `${label}: X-Powered-By`).toBeNull();
      await response.arrayBuffer();
    }
  });
});

describe('tokens and logs', () => {
  it('never writes an invite, member or admin token to the log, even at trace level', async () => {
    const server = await startServer({ env: { LOG_LEVEL: 'trace', ROOMS_PER_HOUR_PER_ADDRESS: '100000' } });
    const room = await setupRoom(server, { mediated: true });
    const tokens = new Map<string, string>();
    for (const seat of room.seats) {
      tokens.set(`${seat} invite`, room.invite(seat));
      tokens.set(`${seat} member token`, room.token(seat));
    }
    tokens.set('admin token', room.created.adminToken);

    // Everything a client does with a token, including the ways that fail.
    for (const seat of room.seats) {
      await api(server, 'POST', '/api/invites/resolve', { body: { token: room.invite(seat) } });
      await api(server, 'POST', '/api/members', { body: { token: room.invite(seat), name: '' } });
      await api(server, 'GET', `/api/rooms?token=${room.invite(seat)}`);
      await fetch(`${server.url}/join?token=${room.invite(seat)}#${room.invite(seat)}`).then((r) => r.arrayBuffer());
    }
    const observerDoc = await RawDocClient.open(docUrl(server, room.doc(JOINT), room.token('observer')));
    observerDoc.send(updateFrame(updateOf((doc) => doc.getMap('options').set('x', 1))));
    await observerDoc.roundTrip();
    await closedWith(docUrl(server, room.doc(JOINT), room.invite('a')), [Uint8Array.of(0, 9, 9)]);
    await closedWith(docUrl(server, `${room.roomId}/nowhere`, room.invite('b')));
    await closedWith(docUrl(server, room.doc({ kind: 'private', side: 'b' }), room.token('a')));
    const evil = new WebSocket(docUrl(server, room.doc(JOINT), room.invite('a')), { origin: 'http://evil.example' });
    evil.on('error', () => undefined);
    trackClient(() => evil.terminate());
    await waitFor(() => evil.readyState === WebSocket.CLOSED, 'the evil-origin upgrade to be refused');
    const control = await connectControl(server, room.token('a'));
    control.disconnect();
    await connectControl(server, room.invite('b')).then((s) => s.disconnect());
    // Reissue revokes an invite (closing what used it) and mints a new one.
    const connected = await RawDocClient.open(docUrl(server, room.doc(SIDE_A), room.invite('a')));
    const reissued = await reissue(server, room.roomId, room.created.adminToken, { role: 'side', side: 'a' });
    expect(reissued.status).toBe(200);
    const fresh = (reissued.body as { invite: { token: string } }).invite.token;
    tokens.set('reissued side a invite', fresh);
    await connected.waitForClose();
    await closedWith(docUrl(server, room.doc(SIDE_A), room.invite('a')));
    await connectControl(server, room.invite('a')).catch(() => undefined);
    const late = await join(server, fresh, 'Late');
    tokens.set('member token from the reissued invite', late.memberToken);
    await reissue(server, room.roomId, 'not-a-real-token-but-long-enough', { role: 'observer' });

    // The last request's log line has arrived, so everything before it has too.
    await waitFor(() => server.logs.some((l) => l.includes('"status":401')), 'the log of the last request');
    const log = server.logs.join('\n');
    const leaked = [...tokens].filter(([, token]) => log.includes(token)).map(([label]) => label);
    expect(leaked, `${server.logs.length} log lines`).toEqual([]);
  });
});

describe('METRICS_TOKEN', () => {
  const metricsToken = 'scraper-0123456789abcdef';
  const scrape = (server: TestServer, authorization?: string) =>
    api(server, 'GET', '/metrics', { headers: authorization ? { authorization } : {} });

  it('asks for the token before /metrics answers, and keeps it out of the log', async () => {
    const server = await startServer({ env: { METRICS_TOKEN: metricsToken, LOG_LEVEL: 'trace' } });
    for (const authorization of [undefined, 'Bearer wrong-token-0123456789', `Basic ${metricsToken}`]) {
      const refused = await scrape(server, authorization);
      expect(refused.status, authorization).toBe(401);
      expect(refused.body).toMatchObject({ error: { code: 'unauthorized' } });
      expect(JSON.stringify(refused.body)).not.toContain('parley_');
    }
    const scraped = await scrape(server, `Bearer ${metricsToken}`);
    expect(scraped.status).toBe(200);
    expect(String(scraped.body)).toContain('parley_rooms_loaded');
    // The rest of the server does not ask for it.
    expect((await api(server, 'GET', '/healthz')).status).toBe(200);
    await waitFor(() => server.logs.filter((l) => l.includes('"path":"/metrics"')).length === 4, 'the scrapes logged');
    expect(server.logs.join('\n')).not.toContain(metricsToken);
  });

  it('leaves /metrics open when no token is configured', async () => {
    const server = await startServer();
    const scraped = await scrape(server);
    expect(scraped.status).toBe(200);
    expect(String(scraped.body)).toContain('parley_rooms_loaded');
  });
});

describe('room creation per address', () => {
  it('answers 429 rate_limited past ROOMS_PER_HOUR_PER_ADDRESS and still serves that address otherwise', async () => {
    const server = await startServer({ env: { ROOMS_PER_HOUR_PER_ADDRESS: '2' } });
    const body = { title: 'T', sides: ['A', 'B'], mediated: false };
    expect((await api(server, 'POST', '/api/rooms', { body })).status).toBe(201);
    const second = await api(server, 'POST', '/api/rooms', { body });
    expect(second.status).toBe(201);
    const third = await api(server, 'POST', '/api/rooms', { body });
    expect(third.status).toBe(429);
    expect(third.body).toMatchObject({ error: { code: 'rate_limited' } });
    // Failed attempts do not buy more: still limited.
    expect((await api(server, 'POST', '/api/rooms', { body: { nonsense: true } })).status).toBe(429);
    const invite = (second.body as { invites: { a: { token: string } } }).invites.a.token;
    expect((await api(server, 'POST', '/api/invites/resolve', { body: { token: invite } })).status).toBe(200);
    expect((await api(server, 'POST', '/api/members', { body: { token: invite, name: 'Ann' } })).status).toBe(201);
  });
});

describe('TRUST_PROXY', () => {
  const body = { title: 'T', sides: ['A', 'B'], mediated: false };
  const createFrom = (server: TestServer, client: string) =>
    api(server, 'POST', '/api/rooms', { body, headers: { 'x-forwarded-for': client } });

  it('counts the client a trusted proxy names (by default one on the same machine)', async () => {
    const server = await startServer({ env: { ROOMS_PER_HOUR_PER_ADDRESS: '1' } });
    expect((await createFrom(server, '203.0.113.7')).status).toBe(201);
    expect((await createFrom(server, '203.0.113.8')).status).toBe(201);
    expect((await createFrom(server, '203.0.113.7')).status).toBe(429);
  });

  it.each([
    ['', 'nobody'],
    ['10.0.0.0/8, fd00::/8', 'proxies elsewhere'],
  ])('ignores X-Forwarded-For from an address it does not trust (TRUST_PROXY=%j: %s)', async (trusted) => {
    const server = await startServer({ env: { ROOMS_PER_HOUR_PER_ADDRESS: '1', TRUST_PROXY: trusted } });
    expect((await createFrom(server, '203.0.113.7')).status).toBe(201);
    // A client cannot buy more rooms by naming someone else.
    expect((await createFrom(server, '203.0.113.8')).status).toBe(429);
  });
});

/** Opens /yjs with an Origin header; resolves 'open' once the server sent its sync step 1, or how it refused. */
async function yjsWithOrigin(server: TestServer, name: string, token: string, origin: string): Promise<string> {
  const ws = new WebSocket(docUrl(server, name, token), { origin });
  trackClient(() => ws.terminate());
  const outcome = new Promise<string>((resolve) => {
    ws.on('unexpected-response', (_req, res) => resolve(`HTTP ${res.statusCode}`));
    ws.on('message', () => resolve('open'));
    ws.on('close', (code) => resolve(`closed ${code}`));
    ws.on('error', (error) => resolve(`error ${error.message}`));
  });
  const result = await withTimeout(outcome, 10_000, `/yjs with Origin ${origin}`);
  ws.terminate();
  return result;
}

/** Connects socket.io with an Origin header over the given transport; resolves 'connected' or the error. */
async function controlWithOrigin(
  server: TestServer,
  token: string,
  origin: string,
  transport: 'websocket' | 'polling',
): Promise<string> {
  const socket = io(server.url, {
    auth: { token },
    transports: [transport],
    extraHeaders: { origin },
    reconnection: false,
    forceNew: true,
    timeout: 5000,
  });
  trackClient(() => {
    socket.disconnect();
  });
  const outcome = new Promise<string>((resolve) => {
    socket.once('connect', () => resolve('connected'));
    socket.once('connect_error', (error) => resolve(`refused: ${error.message}`));
  });
  const result = await withTimeout(outcome, 10_000, `socket.io with Origin ${origin}`);
  socket.disconnect();
  return result;
}

describe('the origin allow-list', () => {
  const ALLOWED = 'https://parley.example.org';

  it('refuses /yjs upgrades and socket.io connections from other origins, and admits the same host and ALLOWED_ORIGINS', async () => {
    const server = await startServer({ env: { ALLOWED_ORIGINS: `${ALLOWED}, https://other.example.org/` } });
    const room = await setupRoom(server, { mediated: false });
    const name = room.doc(JOINT);
    const token = room.token('a');
    const sameHost = `http://127.0.0.1:${server.port}`;
    const refusedOrigins = [
      'http://evil.example',
      'null',
      `http://127.0.0.1:${server.port + 1}`,
      `${ALLOWED}.evil.example`,
      `http://evil.example/${sameHost}`,
      'http://parley.example.org',
    ];
    for (const origin of refusedOrigins) {
      expect(await yjsWithOrigin(server, name, token, origin), `/yjs from ${origin}`).toMatch(/^(HTTP 403|closed)/);
      for (const transport of ['websocket', 'polling'] as const) {
        expect(
          await controlWithOrigin(server, token, origin, transport),
          `socket.io (${transport}) from ${origin}`,
        ).toMatch(/^refused/);
      }
    }
    for (const origin of [sameHost, ALLOWED, 'https://other.example.org']) {
      expect(await yjsWithOrigin(server, name, token, origin), `/yjs from ${origin}`).toBe('open');
      for (const transport of ['websocket', 'polling'] as const) {
        expect(
          await controlWithOrigin(server, token, origin, transport),
          `socket.io (${transport}) from ${origin}`,
        ).toBe('connected');
      }
    }
    // The refused upgrades never reached the document: a token-holding evil page learns nothing.
    const refused = await closedWith(docUrl(server, name, 'x'.repeat(32)));
    expect(refused.code).toBe(CloseCode.Unauthorized);
  });

  it("admits PUBLIC_URL's origin, where a proxy serves the app under another host name", async () => {
    const server = await startServer({ env: { PUBLIC_URL: 'https://parley.example.net/' } });
    const room = await setupRoom(server, { mediated: false });
    const token = room.token('a');
    expect(await yjsWithOrigin(server, room.doc(JOINT), token, 'https://parley.example.net')).toBe('open');
    expect(await controlWithOrigin(server, token, 'https://parley.example.net', 'websocket')).toBe('connected');
    expect(await yjsWithOrigin(server, room.doc(JOINT), token, 'http://parley.example.net')).toMatch(/^HTTP 403/);
  });
});
