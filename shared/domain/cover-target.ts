import { z } from '@hono/zod-openapi';
import { roundQuantity } from './quantity.js';
import { daysOfCover } from './stock.js';

/**
 * How many days of cover a plan or a needs report aims at, for every shelter alike. A week by
 * default: twice and more the default cover warning (3 days), so a shelter brought to it is not
 * warned again the next day; at most 90 days, the longest cover warning a shelter may set.
 */
export const DEFAULT_TARGET_DAYS = 7;
export const targetDaysSchema = z.coerce.number().int().min(1).max(90).default(DEFAULT_TARGET_DAYS).openapi({
  format: 'int32',
  description: 'Days of cover to reach at every shelter (whole days, 1 to 90); 7 when left out.',
});

/** One shelter's stock of one item, as a plan or a needs report reads it. */
export interface CoverInput {
  /** People living there now (the shelter's `population`). */
  population: number;
  /** On hand minus reserved: what may be handed out or sent. Negative when vouchers are short. */
  available: number;
  /** On its way to the shelter (transfers dispatched, not yet received). */
  inbound: number;
}

/** Where one shelter stands against the target for one item. */
export interface CoverPosition {
  /** population × daily need per person. 0 where nobody lives. */
  dailyNeed: number;
  /** dailyNeed × target days. */
  target: number;
  /** available + inbound: what the shelter will have once what is on the road arrives. */
  position: number;
  /**
   * What is missing to reach the target: target − available − inbound, in whole units rounded
   * up (nobody sends 0.3 of a blanket, and a donor pledges whole kilograms), never negative.
   */
  needed: number;
  /**
   * What the shelter can send without falling below its own target, in whole units rounded down:
   * only from the shelf (available), never counting what is on the road to it (a truck can be
   * late). Never negative.
   */
  canGive: number;
  /** position / dailyNeed, floored to a tenth; null where nobody lives. */
  daysOfCover: number | null;
}

/**
 * The one computation behind GET /v1/plans/transfers and GET /v1/reports/needs: what a shelter
 * needs and what it can spare of one item for `targetDays` of cover.
 */
export function coverPosition(
  input: CoverInput,
  dailyNeedPerPerson: number,
  targetDays: number,
): CoverPosition {
  const population = Math.max(0, input.population);
  const dailyNeed = roundQuantity(population * dailyNeedPerPerson);
  const target = roundQuantity(dailyNeed * targetDays);
  const position = roundQuantity(input.available + input.inbound);
  return {
    dailyNeed,
    target,
    position,
    needed: Math.max(0, Math.ceil(roundQuantity(target - position))),
    canGive: Math.max(0, Math.floor(roundQuantity(input.available - target))),
    daysOfCover: coverDays(position, population, dailyNeedPerPerson),
  };
}

/** Days `quantity` lasts `population` people at `dailyNeedPerPerson`, as the stock views count them. */
export function coverDays(quantity: number, population: number, dailyNeedPerPerson: number): number | null {
  return daysOfCover(quantity, population, { dailyNeedPerPerson });
}

/** Person-days a quantity feeds (or waters, or warms) at the item's daily need, floored to a tenth. */
export function personDays(quantity: number, dailyNeedPerPerson: number): number {
  return Math.floor(roundQuantity((quantity / dailyNeedPerPerson) * 10)) / 10;
}
