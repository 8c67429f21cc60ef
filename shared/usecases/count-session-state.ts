import type { CountSession, CountSessionStatus } from '../domain/count-session.js';
import { CountSessionStateError } from '../errors/count-errors.js';

/** What a session in each status still allows, said so that the reader knows what to do next. */
const whereItStands: Record<CountSessionStatus, (session: CountSession) => string> = {
  counting: () => 'is still counting: submit it first',
  submitted: (s) =>
    `was submitted${s.submission === undefined ? '' : ` at ${s.submission.at}`} and awaits a second person: approve it, or reject it to recount`,
  posted: (s) =>
    `was posted${s.posting === undefined ? '' : ` at ${s.posting.at} (ledger entry ${s.posting.movementId})`}: start a new session to count again`,
  cancelled: () => 'was cancelled: start a new session to count again',
};

/** Refuses (409, naming the status) a step the session's status does not allow. */
export function requireStatus(
  session: CountSession,
  allowed: readonly CountSessionStatus[],
  action: string,
): void {
  if (allowed.includes(session.status)) return;
  throw new CountSessionStateError(
    `Cannot ${action}: count session "${session.id}" ${whereItStands[session.status](session)}.`,
    session.status,
  );
}
