import type { Principal } from '../domain/api-key.js';
import { personField } from '../domain/attribution.js';
import type { CountLine } from '../domain/count-session.js';
import type { CountLineView } from '../domain/count-session-view.js';
import { ItemNotInCountError } from '../errors/count-errors.js';
import { type CountSessionDeps, loadCountSession } from './count-session-access.js';
import { requireStatus } from './count-session-state.js';
import { describeCountSession } from './describe-count-session.js';

/**
 * Says why a line differs from the books, once the session is submitted and the differences are
 * known (a blind count cannot know them before). Every line beyond tolerance needs one before a
 * second person may approve; any line may have one. Giving it again replaces it.
 */
export async function giveCountReason(
  input: { sessionId: string; itemId: string; reason: string },
  actor: Principal,
  deps: CountSessionDeps,
): Promise<CountLineView> {
  const read = await loadCountSession(input.sessionId, actor, deps);
  requireStatus(read.session, ['submitted'], 'give a reason');
  const previous = read.lines.get(input.itemId);
  if (previous === undefined) throw new ItemNotInCountError(read.session.id, input.itemId);
  const reason: NonNullable<CountLine['reason']> = {
    at: deps.now().toISOString(),
    keyId: actor.keyId,
    ...personField('personId', actor),
    text: input.reason,
  };
  await (await deps.stores.countSessions()).giveReason(read.session.id, input.itemId, reason);
  const line: CountLine = { ...previous, reason };
  const session = { ...read.session, version: read.session.version + 1 };
  const view = await describeCountSession(
    { session, lines: new Map(read.lines).set(line.itemId, line) },
    deps,
  );
  const shown = view.lines.find((entry) => entry.itemId === input.itemId);
  if (shown === undefined) throw new Error(`line ${input.itemId} missing from its session's view`);
  return shown;
}
