import { createHash, randomBytes } from 'node:crypto';

/** 192 random bits, base64url: unguessable capability tokens (the contract asks for ≥ 128). */
export function newToken(): string {
  return randomBytes(24).toString('base64url');
}

/** Ids that are not secrets (room ids, member ids): 96 random bits. */
export function newPublicId(): string {
  return randomBytes(12).toString('base64url');
}

/** Only hashes are stored, so a leaked database does not leak working links. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
