import type { Principal } from '../domain/api-key.js';
import { personField } from '../domain/attribution.js';
import type { CountSession } from '../domain/count-session.js';
import type { CountSessionView } from '../domain/count-session-view.js';
import type { Idempotent } from '../domain/idempotency.js';
import { type CountSessionDeps, loadCountSession } from './count-session-access.js';
import { requireStatus } from './count-session-state.js';
import { describeCountSession } from './describe-count-session.js';

/** Abandons a session that has not posted (counting or awaiting approval): nothing ever posts from it. */
export async function cancelCountSession(
  input: { sessionId: string; note?: string | undefined } & Idempotent,
  actor: Principal,
  deps: CountSessionDeps,
): Promise<CountSessionView> {
  const read = await loadCountSession(input.sessionId, actor, deps);
  requireStatus(read.session, ['counting', 'submitted'], 'cancel');
  const cancellation = {
    at: deps.now().toISOString(),
    keyId: actor.keyId,
    ...personField('personId', actor),
    ...(input.note === undefined ? {} : { note: input.note }),
  };
  const next: CountSession = {
    ...read.session,
    status: 'cancelled',
    cancellation,
    version: read.session.version + 1,
  };
  const view = await describeCountSession({ session: next, lines: read.lines }, deps);
  await (await deps.stores.countSessions()).replace(next, { idempotency: input.idempotency, response: view });
  return view;
}
