import type { CreateRoomBody, CreateRoomResponse, DocScope, JoinResponse, Principal } from '@parley/shared';
import { docName } from '@parley/shared';
import type { TestServer } from './server.js';

/** The REST API as a client sees it: status, parsed JSON body, content type. */

export interface ApiResult {
  status: number;
  body: unknown;
  contentType: string;
}

export interface RequestOptions {
  /** Sent as JSON unless `raw` is given. */
  body?: unknown;
  /** Sent verbatim (for bodies that are not JSON). */
  raw?: string;
  headers?: Record<string, string>;
}

export async function api(
  server: TestServer,
  method: string,
  path: string,
  options: RequestOptions = {},
): Promise<ApiResult> {
  const hasBody = options.raw !== undefined || options.body !== undefined;
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers: { ...(hasBody ? { 'content-type': 'application/json' } : {}), ...options.headers },
    body: options.raw ?? (options.body === undefined ? undefined : JSON.stringify(options.body)),
  });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // Left as text: the test asserting on the body reports what came back.
  }
  return { status: response.status, body, contentType: response.headers.get('content-type') ?? '' };
}

function expectStatus(result: ApiResult, status: number, what: string): void {
  if (result.status !== status) {
    throw new Error(`${what}: expected HTTP ${status}, got ${result.status} ${JSON.stringify(result.body)}`);
  }
}

export const DEFAULT_ROOM: CreateRoomBody = { title: 'Lease renewal', sides: ['Tenant', 'Landlord'], mediated: true };

/** `POST /api/rooms`; throws unless the answer is 201. */
export async function createRoom(server: TestServer, body: Partial<CreateRoomBody> = {}): Promise<CreateRoomResponse> {
  const result = await api(server, 'POST', '/api/rooms', { body: { ...DEFAULT_ROOM, ...body } });
  expectStatus(result, 201, 'POST /api/rooms');
  return result.body as CreateRoomResponse;
}

/** `POST /api/members`; throws unless the answer is 201. */
export async function join(server: TestServer, inviteToken: string, name: string): Promise<JoinResponse> {
  const result = await api(server, 'POST', '/api/members', { body: { token: inviteToken, name } });
  expectStatus(result, 201, 'POST /api/members');
  return result.body as JoinResponse;
}

/** `POST /api/rooms/:roomId/invites/reissue` with a bearer token; returns the raw result. */
export function reissue(server: TestServer, roomId: string, bearer: string, body: unknown): Promise<ApiResult> {
  return api(server, 'POST', `/api/rooms/${encodeURIComponent(roomId)}/invites/reissue`, {
    body,
    headers: { authorization: `Bearer ${bearer}` },
  });
}

/** The four seats of a room; `mediator` exists only in a mediated room. */
export type Seat = 'mediator' | 'a' | 'b' | 'observer';

export function principalOf(seat: Seat): Principal {
  if (seat === 'a' || seat === 'b') return { role: 'side', side: seat };
  return { role: seat };
}

export interface RoomFixture {
  roomId: string;
  mediated: boolean;
  created: CreateRoomResponse;
  /** The seats this room has, mediator first when there is one. */
  seats: Seat[];
  /** One joined member per seat. */
  members: Partial<Record<Seat, JoinResponse>>;
  /** The member token of a seat; throws for a seat the room does not have. */
  token(seat: Seat): string;
  /** The invite token of a seat. */
  invite(seat: Seat): string;
  doc(scope: DocScope): string;
}

const NAMES: Record<Seat, string> = { mediator: 'Morgan', a: 'Alice', b: 'Bob', observer: 'Olive' };

/** Creates a room and joins one named member per seat. */
export async function setupRoom(server: TestServer, { mediated }: { mediated: boolean }): Promise<RoomFixture> {
  const created = await createRoom(server, { mediated });
  const seats: Seat[] = mediated ? ['mediator', 'a', 'b', 'observer'] : ['a', 'b', 'observer'];
  const members: Partial<Record<Seat, JoinResponse>> = {};
  const inviteOf = (seat: Seat): string => {
    const invite = created.invites[seat];
    if (!invite) throw new Error(`this room has no ${seat} seat`);
    return invite.token;
  };
  for (const seat of seats) members[seat] = await join(server, inviteOf(seat), NAMES[seat]);
  return {
    roomId: created.roomId,
    mediated,
    created,
    seats,
    members,
    token(seat) {
      const member = members[seat];
      if (!member) throw new Error(`this room has no ${seat} seat`);
      return member.memberToken;
    },
    invite: inviteOf,
    doc: (scope) => docName(created.roomId, scope),
  };
}
