import type { Principal } from '../domain/api-key.js';
import { personField } from '../domain/attribution.js';
import type { CountSession } from '../domain/count-session.js';
import type { CountSessionView } from '../domain/count-session-view.js';
import type { Idempotent } from '../domain/idempotency.js';
import { type CountSessionDeps, loadCountSession } from './count-session-access.js';
import { requireStatus } from './count-session-state.js';
import { describeCountSession } from './describe-count-session.js';

/**
 * Sends a submitted session back to counting, with a note saying what to recount; nothing posts.
 * Its lines stay (recount only what the note names) and so do their reasons. Whoever counted has
 * now seen the differences: the recount is not blind for them, so a careful lead asks someone
 * else to recount.
 */
export async function rejectCountSession(
  input: { sessionId: string; note: string } & Idempotent,
  actor: Principal,
  deps: CountSessionDeps,
): Promise<CountSessionView> {
  const read = await loadCountSession(input.sessionId, actor, deps);
  requireStatus(read.session, ['submitted'], 'reject');
  const rejection = {
    at: deps.now().toISOString(),
    keyId: actor.keyId,
    ...personField('personId', actor),
    note: input.note,
  };
  const { submission: _submitted, ...rest } = read.session;
  const next: CountSession = {
    ...rest,
    status: 'counting',
    rejections: [...read.session.rejections, rejection],
    version: read.session.version + 1,
  };
  const view = await describeCountSession({ session: next, lines: read.lines }, deps);
  await (await deps.stores.countSessions()).replace(next, { idempotency: input.idempotency, response: view });
  return view;
}
