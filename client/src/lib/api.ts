import {
  createRoomResponseSchema,
  inviteSchema,
  joinResponseSchema,
  resolveInviteResponseSchema,
  roomSummarySchema,
  type CreateRoomBody,
  type CreateRoomResponse,
  type JoinResponse,
  type ResolveInviteResponse,
  type Invite,
  type Role,
  type RoomSummary,
  type SideId,
} from '@parley/shared';
import { z } from 'zod';

/** A failed API call, carrying the server's error code so views can word it for people. */
export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** POSTs JSON and parses the answer with its shared schema: the server's reply is input too. */
function post<T>(path: string, body: unknown, schema: z.ZodType<T>, bearer?: string): Promise<T> {
  return call(path, schema, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...authorization(bearer) },
    body: JSON.stringify(body),
  });
}

function authorization(bearer: string | undefined): Record<string, string> {
  return bearer ? { Authorization: `Bearer ${bearer}` } : {};
}

async function call<T>(path: string, schema: z.ZodType<T>, init: RequestInit): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, init);
  } catch {
    throw new ApiError('network', 'Could not reach the Parley server. Check your connection and try again.', 0);
  }
  const payload: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const error = readErrorBody(payload);
    throw new ApiError(
      error?.code ?? 'internal',
      error?.message ?? `The server answered ${response.status}.`,
      response.status,
    );
  }
  const parsed = schema.safeParse(payload);
  if (!parsed.success)
    throw new ApiError('internal', 'The server sent an answer this page does not understand.', response.status);
  return parsed.data;
}

function readErrorBody(payload: unknown): { code: string; message: string } | null {
  if (typeof payload !== 'object' || payload === null || !('error' in payload)) return null;
  const error = (payload as { error: unknown }).error;
  if (typeof error !== 'object' || error === null) return null;
  const { code, message } = error as { code?: unknown; message?: unknown };
  return typeof code === 'string' && typeof message === 'string' ? { code, message } : null;
}

export function createRoom(body: CreateRoomBody): Promise<CreateRoomResponse> {
  return post('/api/rooms', body, createRoomResponseSchema);
}

export function resolveInvite(token: string): Promise<ResolveInviteResponse> {
  return post('/api/invites/resolve', { token }, resolveInviteResponseSchema);
}

export function joinRoom(token: string, name: string): Promise<JoinResponse> {
  return post('/api/members', { token, name }, joinResponseSchema);
}

const managedRoomSchema = z.object({ room: roomSummarySchema });
const reissuedSchema = z.object({ invite: inviteSchema });

/** The room as its manager (the admin token, or the mediator's) may see it. */
export async function managedRoom(roomId: string, token: string): Promise<RoomSummary> {
  const path = `/api/rooms/${encodeURIComponent(roomId)}`;
  return (await call(path, managedRoomSchema, { headers: authorization(token) })).room;
}

/** Replaces a role's invite link: the old one, and everyone who joined with it, stop working. */
export async function reissueInvite(roomId: string, token: string, role: Role, side?: SideId): Promise<Invite> {
  const path = `/api/rooms/${encodeURIComponent(roomId)}/invites/reissue`;
  return (await post(path, side ? { role, side } : { role }, reissuedSchema, token)).invite;
}

const deletedSchema = z.object({ deleted: z.literal(true) });

/** Erases the room on the server: everyone is disconnected, and its boards, notes and pulse checks are deleted. */
export async function deleteRoom(roomId: string, token: string): Promise<void> {
  const path = `/api/rooms/${encodeURIComponent(roomId)}`;
  await call(path, deletedSchema, { method: 'DELETE', headers: authorization(token) });
}

/** Words an API failure for the person in front of the screen, keeping the server's detail. */
export function describeApiError(error: unknown): string {
  if (!(error instanceof ApiError)) return 'Something went wrong. Please try again.';
  switch (error.code) {
    case 'unauthorized':
      // A link cut short when copied fails the same way as one that was replaced.
      return 'This invite link does not open a room: it may be incomplete (check it was copied whole) or replaced. Ask whoever sent it for the link again.';
    case 'rate_limited':
      return 'Too many attempts in a short time. Wait a moment and try again.';
    case 'storage_unavailable':
      return 'The server cannot save right now. Try again in a little while.';
    case 'network':
      return error.message;
    default:
      return error.message;
  }
}
