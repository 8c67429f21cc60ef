import type { Principal } from './api-key.js';
import type { Round } from './round.js';

/**
 * Four eyes on closing, as WFP SCOPE does for distribution lists: closing voids every outstanding
 * voucher, so one key asks and a different key of the same organisation confirms: a different
 * person's, when people's keys act (one person's phone and laptop are still one pair of eyes). What a close
 * call does, decided from the round and the caller alone:
 * - `request`: an open round with no request yet; the request is recorded, nothing else changes;
 * - `confirm`: a request stands and this is another key of the requesting organisation;
 * - `resume`: a close was confirmed but did not finish (status `closing`): any key that shares
 *   the round finishes it, since the decision was already taken by two;
 * - `refuse`: why not, for the caller to act on.
 */
export type CloseStep =
  | { kind: 'request' }
  | { kind: 'confirm' }
  | { kind: 'resume' }
  | { kind: 'refuse'; message: string };

export function closeStep(round: Round, caller: Pick<Principal, 'keyId' | 'orgId' | 'personId'>): CloseStep {
  switch (round.status) {
    case 'draft':
      return { kind: 'refuse', message: `Round "${round.id}" is a draft: open it before closing it.` };
    case 'closed':
      return { kind: 'refuse', message: `Round "${round.id}" is already closed.` };
    case 'closing':
      return { kind: 'resume' };
    case 'open': {
      const request = round.closeRequest;
      if (request === undefined) return { kind: 'request' };
      if (request.keyId === caller.keyId)
        return {
          kind: 'refuse',
          message: `You asked to close round "${round.id}": a second key of ${request.orgId} must confirm it.`,
        };
      if (request.personId !== undefined && request.personId === caller.personId)
        return {
          kind: 'refuse',
          message: `You asked to close round "${round.id}" from another of your keys: someone else of ${request.orgId} must confirm it.`,
        };
      if (request.orgId !== caller.orgId)
        return {
          kind: 'refuse',
          message: `Closing round "${round.id}" was asked by ${request.orgId}: a second key of ${request.orgId} must confirm it.`,
        };
      return { kind: 'confirm' };
    }
  }
}
