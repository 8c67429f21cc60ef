import type { Principal } from '../domain/api-key.js';
import type { CountSessionView } from '../domain/count-session-view.js';
import { type CountSessionDeps, loadCountSession } from './count-session-access.js';
import { describeCountSession } from './describe-count-session.js';

/** One session with every line: what a device needs to go on with a draft, or to review a count. */
export async function getCountSession(
  input: { sessionId: string },
  actor: Principal,
  deps: CountSessionDeps,
): Promise<CountSessionView> {
  return describeCountSession(await loadCountSession(input.sessionId, actor, deps), deps);
}
