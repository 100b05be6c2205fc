import { EventEmitter } from 'node:events';
import {
  ErrorCode,
  canFacilitate,
  type CreateRoomBody,
  type CreateRoomResponse,
  type Invite,
  type JoinResponse,
  type ResolveInviteResponse,
  type Role,
  type RoomSummary,
  type SideId,
} from '@parley/shared';
import { ParleyError } from '../errors.js';
import type { InviteRecord, RoomRecord, Storage } from '../storage/types.js';
import type { Identity } from './identity.js';
import { hashToken, newPublicId, newToken } from './tokens.js';

/**
 * Rooms, invites and members: creating a room, turning tokens into identities,
 * joining, revoking and reissuing, deleting. Emits 'revoked' (inviteId) so live
 * connections made with a revoked credential can be closed, and 'deleting' (roomId)
 * before a room is erased, so everything of it elsewhere goes first.
 */
export class RoomService extends EventEmitter<{ revoked: [inviteId: string]; deleting: [roomId: string] }> {
  constructor(
    private readonly storage: Storage,
    /** The base of invite links; a function because the port is known only once listening. */
    private readonly publicUrl: () => string,
  ) {
    super();
  }

  createRoom(body: CreateRoomBody, now = Date.now()): CreateRoomResponse {
    const room: RoomRecord = {
      roomId: newPublicId(),
      title: body.title,
      sides: body.sides,
      mediated: body.mediated,
      createdAt: now,
    };
    const roles: Array<{ key: 'mediator' | 'a' | 'b' | 'observer'; role: Role; side: SideId | null }> = [
      ...(body.mediated ? [{ key: 'mediator' as const, role: 'mediator' as const, side: null }] : []),
      { key: 'a', role: 'side', side: 'a' },
      { key: 'b', role: 'side', side: 'b' },
      { key: 'observer', role: 'observer', side: null },
    ];
    const issued = roles.map(({ key, role, side }) => ({ key, ...this.issue(room.roomId, role, side, now) }));
    const adminToken = newToken();
    this.storage.createRoom(
      room,
      hashToken(adminToken),
      issued.map(({ record, token }) => ({ invite: record, tokenHash: hashToken(token) })),
    );
    const invites = Object.fromEntries(issued.map(({ key, invite }) => [key, invite])) as CreateRoomResponse['invites'];
    return { roomId: room.roomId, invites, adminToken };
  }

  /** The identity behind an invite or member token, or null for unknown, revoked and admin tokens. */
  authenticate(token: string): Identity | null {
    const credential = this.storage.findCredential(hashToken(token));
    if (!credential || credential.kind === 'admin') return null;
    const { room, invite } = credential;
    const principal = invite.side ? { role: invite.role, side: invite.side } : { role: invite.role };
    return credential.kind === 'member'
      ? {
          room,
          principal,
          memberId: credential.member.memberId,
          name: credential.member.name,
          inviteId: invite.inviteId,
        }
      : { room, principal, memberId: null, name: 'Guest', inviteId: invite.inviteId };
  }

  /**
   * The identity behind an invite token, for resolving and joining. A member token is
   * refused there: it is one person's, and minting more people from it would let
   * whoever found it in a browser's storage add names to the room.
   */
  private invitee(token: string): Identity {
    const identity = this.authenticate(token);
    if (!identity || identity.memberId !== null) {
      throw new ParleyError(ErrorCode.Unauthorized, 'this invite link is unknown or has been revoked');
    }
    return identity;
  }

  resolve(token: string): ResolveInviteResponse {
    const identity = this.invitee(token);
    return { ...identity.principal, room: summary(identity.room) };
  }

  join(token: string, name: string, now = Date.now()): JoinResponse {
    const identity = this.invitee(token);
    const memberId = newPublicId();
    const memberToken = newToken();
    this.storage.addMember(
      { memberId, roomId: identity.room.roomId, inviteId: identity.inviteId, name, createdAt: now },
      hashToken(memberToken),
    );
    return { ...identity.principal, room: summary(identity.room), memberId, memberToken, name };
  }

  /**
   * Revokes the invite of a role and issues a new one. Allowed to the room's admin
   * token, and to whoever runs the room's facilitation when the room has a mediator.
   */
  reissue(roomId: string, bearer: string, role: Role, side: SideId | undefined, now = Date.now()): Invite {
    const room = this.manager(roomId, bearer);
    if (role === 'mediator' && !room.mediated) throw new ParleyError(ErrorCode.BadRequest, 'this room has no mediator');
    const { record, token, invite } = this.issue(roomId, role, side ?? null, now);
    const revoked = this.storage.replaceInvite(record, hashToken(token), now);
    if (revoked) this.emit('revoked', revoked);
    return invite;
  }

  /**
   * Erases a room and everything in it. Only its admin token (the creator's management
   * link) may: a mediator runs the session, but the room is the creator's to delete.
   * Listeners of 'deleting' close its connections and erase what they keep (pulse
   * checks) first, so nothing of it is written after its rows are gone.
   */
  deleteRoom(roomId: string, bearer: string): void {
    const credential = this.credentialFor(roomId, bearer);
    if (credential.kind !== 'admin') {
      throw new ParleyError(ErrorCode.Forbidden, 'only the room creator’s management link can delete the room');
    }
    this.emit('deleting', roomId);
    this.storage.deleteRoom(roomId);
  }

  /** The summary of a room, for whoever may reissue its invites. */
  managed(roomId: string, bearer: string): RoomSummary {
    return summary(this.manager(roomId, bearer));
  }

  /** The room, if `bearer` may manage its invites: its admin token, or its mediator's. */
  private manager(roomId: string, bearer: string): RoomRecord {
    const credential = this.credentialFor(roomId, bearer);
    const { room } = credential;
    const allowed =
      credential.kind === 'admin' ||
      (room.mediated && credential.invite.role === 'mediator' && canFacilitate({ role: 'mediator' }, room));
    if (!allowed)
      throw new ParleyError(ErrorCode.Forbidden, 'only the mediator or the room creator can reissue invites');
    return room;
  }

  /** The credential behind `bearer`, which must be one of this existing room's. */
  private credentialFor(roomId: string, bearer: string) {
    if (!this.storage.getRoom(roomId)) throw new ParleyError(ErrorCode.NotFound, 'no such room');
    const credential = this.storage.findCredential(hashToken(bearer));
    if (!credential || credential.room.roomId !== roomId) {
      throw new ParleyError(ErrorCode.Unauthorized, 'unknown or revoked token for this room');
    }
    return credential;
  }

  private issue(roomId: string, role: Role, side: SideId | null, now: number) {
    const token = newToken();
    const record: InviteRecord = { inviteId: newPublicId(), roomId, role, side, createdAt: now };
    const invite: Invite = { role, token, url: `${this.publicUrl()}/join#${token}` };
    if (side) invite.side = side;
    return { record, token, invite };
  }
}

function summary(room: RoomRecord): RoomSummary {
  return {
    roomId: room.roomId,
    title: room.title,
    sides: room.sides,
    mediated: room.mediated,
    createdAt: room.createdAt,
  };
}
