import { randomBytes } from 'node:crypto';
import { ulid } from 'ulid';
import { INVITATION_CODE } from '../domain/invitation.js';
import { hashSecret } from './api-key-secret.js';

/**
 * Invitation codes look like `inv_<ULID>.<secret>`: the invitation's id (no secret: it names the
 * record to look up) and 32 random bytes (256 bits, base64url), of which only a SHA-256 is stored,
 * as for API keys. With that much entropy a fast hash is enough, and guessing is hopeless: the rate
 * limit on accepting guards the table's bill, not the secret.
 */
export interface IssuedInvitationCode {
  id: string;
  code: string;
  secretHash: string;
}

export function issueInvitationCode(now: Date): IssuedInvitationCode {
  const id = `inv_${ulid(now.getTime())}`;
  const secret = randomBytes(32).toString('base64url');
  return { id, code: `${id}.${secret}`, secretHash: hashSecret(secret) };
}

/** The id and secret of a code shaped like one of ours, or undefined. */
export function parseInvitationCode(code: string): { id: string; secret: string } | undefined {
  if (!INVITATION_CODE.test(code)) return undefined;
  const [id = '', secret = ''] = code.split('.');
  return { id, secret };
}
