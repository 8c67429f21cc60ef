import type { Principal } from '../domain/api-key.js';
import { personField } from '../domain/attribution.js';
import type { CountLine, EnterCountLineInput } from '../domain/count-session.js';
import type { CountLineView } from '../domain/count-session-view.js';
import { unitIsCountable } from '../domain/item.js';
import { ValidationError } from '../errors/app-errors.js';
import { ItemNotInCountError } from '../errors/count-errors.js';
import { type CountSessionDeps, loadCountSession } from './count-session-access.js';
import { requireStatus } from './count-session-state.js';
import { describeCountSession } from './describe-count-session.js';

/** A device clock a little ahead is taken as now; further ahead, the device is asked to check it. */
const CLOCK_AHEAD_MS = 5 * 60_000;

/**
 * Enters or changes one counted line while the session is counting, from any device (a draft
 * goes on from another phone). Idempotent by nature: the same count sent again (a retry, a
 * device replaying its draft) changes nothing and keeps its first time. Who counted and when are
 * kept, and the on-hand balance on record as the line arrived, which a blind session never shows.
 */
export async function enterCountLine(
  input: EnterCountLineInput & { sessionId: string; itemId: string },
  actor: Principal,
  deps: CountSessionDeps,
): Promise<CountLineView> {
  const read = await loadCountSession(input.sessionId, actor, deps);
  const { session } = read;
  requireStatus(session, ['counting'], 'enter a line');
  if (!session.itemIds.includes(input.itemId)) throw new ItemNotInCountError(session.id, input.itemId);
  const item = await deps.stores.items.get(input.itemId);
  if (item !== undefined && unitIsCountable(item.unit) && !Number.isInteger(input.counted)) {
    throw new ValidationError('Pieces and packs are counted whole.', [
      { field: 'counted', message: `${item.id} is counted in ${item.unit}s: use a whole number` },
    ]);
  }
  const now = deps.now();
  const previous = read.lines.get(input.itemId);
  // A note changed on a line counted before is not a recount: the line keeps its count time.
  const recount =
    previous === undefined || previous.counted !== input.counted || input.countedAt !== undefined;
  const countedAt = recount ? countTime(input.countedAt, session.createdAt, now) : previous.countedAt;
  const unchanged =
    previous !== undefined &&
    previous.counted === input.counted &&
    previous.note === input.note &&
    previous.countedAt === countedAt;
  let line = previous;
  if (!unchanged || line === undefined) {
    const store = await deps.stores.countSessions();
    line = {
      itemId: input.itemId,
      counted: input.counted,
      countedAt,
      enteredAt: now.toISOString(),
      countedBy: actor.keyId,
      ...personField('countedByPersonId', actor),
      onHandAtEntry: await store.onHand(session.shelterId, input.itemId),
      ...(input.note === undefined ? {} : { note: input.note }),
    } satisfies CountLine;
    await store.enterLine(session.id, line);
  }
  const lines = new Map(read.lines).set(line.itemId, line);
  const countedItemIds = [...new Set([...session.countedItemIds, line.itemId])];
  const view = await describeCountSession(
    { session: { ...session, countedItemIds, version: session.version + (unchanged ? 0 : 1) }, lines },
    deps,
    item === undefined ? {} : { items: new Map([[item.id, item]]) },
  );
  const shown = view.lines.find((entry) => entry.itemId === input.itemId);
  if (shown === undefined) throw new Error(`line ${input.itemId} missing from its session's view`);
  return shown;
}

/** The line's count time: the device's (normalised to UTC) within the session's time, else now. */
function countTime(sent: string | undefined, sessionStart: string, now: Date): string {
  if (sent === undefined) return now.toISOString();
  const at = Date.parse(sent);
  if (at < Date.parse(sessionStart)) {
    throw new ValidationError('A line is counted during its session.', [
      {
        field: 'countedAt',
        message: `before the session started (${sessionStart}): check the device's clock`,
      },
    ]);
  }
  if (at > now.getTime() + CLOCK_AHEAD_MS) {
    throw new ValidationError('A line cannot be counted in the future.', [
      {
        field: 'countedAt',
        message: `ahead of the server's clock (${now.toISOString()}): check the device's clock`,
      },
    ]);
  }
  return new Date(Math.min(at, now.getTime())).toISOString();
}
