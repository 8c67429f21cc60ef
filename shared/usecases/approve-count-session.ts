import type { Principal } from '../domain/api-key.js';
import type { CountSessionView } from '../domain/count-session-view.js';
import type { Idempotent } from '../domain/idempotency.js';
import { loadCountSession } from './count-session-access.js';
import { requireStatus } from './count-session-state.js';
import { type SettleDeps, settleCountSession } from './settle-count-session.js';

/**
 * A second person approves a submitted session, and it posts (see settle-count-session.ts). The
 * lines are reviewed again against the books now, so a handover synced since the submit is placed
 * at its own time; four eyes are judged on that review (count-approval.ts). Two approvals racing
 * post once: the second finds the session posted.
 */
export async function approveCountSession(
  input: { sessionId: string; note?: string | undefined } & Idempotent,
  actor: Principal,
  deps: SettleDeps,
): Promise<CountSessionView> {
  const read = await loadCountSession(input.sessionId, actor, deps);
  requireStatus(read.session, ['submitted'], 'approve');
  return settleCountSession(read, { kind: 'approve', note: input.note }, actor, deps, input.idempotency);
}
