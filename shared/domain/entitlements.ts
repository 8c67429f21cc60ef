import type { RationRule, Rounding } from './entitlement-rules.js';
import { type ItemUnit, unitIsCountable } from './item.js';
import { roundQuantity } from './quantity.js';

const DAY_MS = 86_400_000;
const DAYS_PER_MONTH = 30;

/** The days a round lasts, counted in whole days: a round that starts and ends mid-day counts the part day. */
export function roundDays(validFrom: string, validUntil: string): number {
  return Math.max(1, Math.ceil((Date.parse(validUntil) - Date.parse(validFrom)) / DAY_MS));
}

export interface EntitlementLine {
  itemId: string;
  quantity: number;
}

/** The amount that applies to a household of this size: the first band that fits, else the rule's. */
function amountFor(rule: RationRule, householdSize: number): number {
  const band = rule.bands?.find((b) => householdSize <= b.upToHouseholdSize);
  return band?.amount ?? rule.amount;
}

function unrounded(rule: RationRule, householdSize: number, days: number): number {
  const amount = amountFor(rule, householdSize);
  switch (rule.per) {
    case 'person-day':
      return amount * householdSize * days;
    case 'person-month':
      return (amount * householdSize * days) / DAYS_PER_MONTH;
    case 'person':
      return amount * householdSize;
    case 'household':
      return amount;
    case 'people':
      return amount * Math.ceil(householdSize / (rule.people ?? 1));
    default: {
      const unhandled: never = rule.per;
      throw new Error(`unknown ration basis ${String(unhandled)}`);
    }
  }
}

/**
 * Rounds to what the unit allows: whole pieces and packs, a tenth of a kilogram or litre. The
 * small epsilon keeps float noise (0.4 * 3 * 14 = 16.800000000000004) from rounding up a step.
 */
function roundToUnit(value: number, unit: ItemUnit, rounding: Rounding | undefined): number {
  const step = unitIsCountable(unit) ? 1 : 0.1;
  const mode = rounding ?? (unitIsCountable(unit) ? 'up' : 'nearest');
  const steps = roundQuantity(value / step);
  const whole =
    mode === 'up' ? Math.ceil(steps - 1e-9) : mode === 'down' ? Math.floor(steps + 1e-9) : Math.round(steps);
  return roundQuantity(whole * step);
}

/**
 * What one household receives in a round, item by item: pure, the one place rations are computed.
 * A rule's `max` is the household's cap on that line (water for a large family over a long round
 * would otherwise be more than anyone can carry home).
 * Lines that come to nothing (a band of 0, a rounding down to 0) are left out; a voucher with no
 * line at all is the caller's to refuse.
 */
export function computeEntitlement(
  rules: readonly RationRule[],
  householdSize: number,
  days: number,
  unitOf: (itemId: string) => ItemUnit,
): EntitlementLine[] {
  return rules
    .map((rule) => {
      const unit = unitOf(rule.itemId);
      const rounded = roundToUnit(unrounded(rule, householdSize, days), unit, rule.round);
      // The bounds on the unit's steps too: a cap of 22.45 kg hands over 22.4, never more than the cap.
      const cap = rule.max === undefined ? Number.POSITIVE_INFINITY : roundToUnit(rule.max, unit, 'down');
      const floor = rule.min === undefined ? 0 : roundToUnit(rule.min, unit, 'up');
      const bounded = Math.min(cap, Math.max(floor, rounded));
      return { itemId: rule.itemId, quantity: bounded };
    })
    .filter((line) => line.quantity > 0);
}
