import type { Principal } from '../domain/api-key.js';
import type { CountSessionView } from '../domain/count-session-view.js';
import type { Idempotent } from '../domain/idempotency.js';
import { CountIncompleteError } from '../errors/count-errors.js';
import { loadCountSession } from './count-session-access.js';
import { requireStatus } from './count-session-state.js';
import { type SettleDeps, settleCountSession } from './settle-count-session.js';

/**
 * Ends the counting: every item must have a line (0 for an empty shelf). The answer shows the
 * differences. When every line is within tolerance the session posts now (nobody gains from a
 * second look at what the tolerance calls noise, and a count nobody approves would be a count
 * nobody posts); otherwise it waits for a reason on each line beyond tolerance and a second
 * person's approval, and nothing moves until then.
 */
export async function submitCountSession(
  input: { sessionId: string } & Idempotent,
  actor: Principal,
  deps: SettleDeps,
): Promise<CountSessionView> {
  const read = await loadCountSession(input.sessionId, actor, deps);
  requireStatus(read.session, ['counting'], 'submit');
  const uncounted = read.session.itemIds.filter((itemId) => !read.lines.has(itemId));
  if (uncounted.length > 0) throw new CountIncompleteError(read.session.id, uncounted);
  return settleCountSession(read, { kind: 'submit' }, actor, deps, input.idempotency);
}
