import type { Inviter } from '../domain/invitation.js';
import { AppError } from './app-errors.js';

/**
 * Why an invitation code gives no key. Each has its own problem type, so the page it lands on can
 * say which and whom to ask. A code that is not one of ours (mistyped, cut short, a wrong secret)
 * tells nothing more; one whose secret matched names who sent it (display name and organisation,
 * nothing else): whoever holds the code was meant to see that.
 */
export class InvitationRefusedError extends AppError {
  override readonly name = 'InvitationRefusedError';
}

const ask = (inviter: Inviter) =>
  `Ask ${inviter.displayName} (${inviter.organization.name}) for a new invitation.`;

export const invitationRefusals = {
  invalid: () =>
    new InvitationRefusedError(
      'invitation-invalid',
      'This invitation link is not recognised: it may be cut short or mistyped. Open the whole link again, or ask whoever invited you for a new one.',
    ),
  expired: (inviter: Inviter, expiredAt: string) =>
    new InvitationRefusedError(
      'invitation-expired',
      `This invitation expired at ${expiredAt}. ${ask(inviter)}`,
      {
        invitedBy: inviter,
        expiredAt,
      },
    ),
  used: (inviter: Inviter, usedAt: string) =>
    new InvitationRefusedError(
      'invitation-used',
      `This invitation was already used at ${usedAt}: each works once, on one phone or computer. ${ask(inviter)}`,
      { invitedBy: inviter, usedAt },
    ),
  revoked: (inviter: Inviter, revokedAt: string | undefined) =>
    new InvitationRefusedError(
      'invitation-revoked',
      `This invitation was withdrawn. If you still need access, ask ${inviter.displayName} (${inviter.organization.name}).`,
      { invitedBy: inviter, ...(revokedAt === undefined ? {} : { revokedAt }) },
    ),
};
