import { z } from '@hono/zod-openapi';
import { discrepancyReasonSchema } from '../domain/transfer.js';

/**
 * The domain events partners hear, one schema per type. Payloads carry ids and numbers only:
 * never a beneficiary field, a void reason (free text a coordinator typed) or a short code (it
 * redeems the voucher). Every schema is strict, so a field added by mistake fails at the source.
 */

const linesSchema = z.array(z.object({ itemId: z.string(), quantity: z.number() }).strict());

/** What every event carries around its data. */
const envelope = {
  /** Deterministic from the stream record and the type: a redelivery has the same id. */
  id: z.string(),
  /** When the change happened, as the changed record says (not when it was read). */
  occurredAt: z.string(),
  shelterId: z.string(),
};

/** A voucher's event belongs to the organisation that issued it. */
function voucherEvent<T extends string, D extends z.ZodRawShape>(type: T, data: D) {
  return z
    .object({ ...envelope, type: z.literal(type), orgId: z.string(), data: z.object(data).strict() })
    .strict();
}

/** A stock or transfer event belongs to a shelter, and so to every key whose scope holds it. */
function shelterEvent<T extends string, D extends z.ZodRawShape>(type: T, data: D) {
  return z.object({ ...envelope, type: z.literal(type), data: z.object(data).strict() }).strict();
}

export const voucherIssuedEventSchema = voucherEvent('voucher.issued', {
  voucherId: z.string(),
  lines: linesSchema,
});
export const voucherRedeemedEventSchema = voucherEvent('voucher.redeemed', {
  voucherId: z.string(),
  pickupPointId: z.string(),
  lines: linesSchema,
});
export const voucherVoidedEventSchema = voucherEvent('voucher.voided', {
  voucherId: z.string(),
  lines: linesSchema,
});
export const voucherExpiredEventSchema = voucherEvent('voucher.expired', {
  voucherId: z.string(),
  lines: linesSchema,
});

/**
 * An offline handover synced as a conflict (issue 11): nothing left stock for it, and a logistics
 * lead or the voucher's coordinator must resolve it. Ids and figures only, as every event.
 */
export const redemptionConflictEventSchema = voucherEvent('redemption.conflict', {
  conflictId: z.string(),
  voucherId: z.string(),
  reason: z.string(),
  deviceId: z.string(),
  pickupPointId: z.string(),
  lines: linesSchema,
});

const balanceFigures = {
  itemId: z.string(),
  onHand: z.number(),
  reserved: z.number(),
  available: z.number(),
};
/** Available stock fell to or below the balance's threshold, from above it. */
export const stockLowEventSchema = shelterEvent('stock.low', {
  ...balanceFigures,
  lowStockThreshold: z.number(),
});
/** Available stock reached zero or below, from above zero. */
export const stockOutEventSchema = shelterEvent('stock.out', balanceFigures);
/** Days of cover (available for the shelter's population at the item's daily need) fell below the shelter's level. */
export const stockCoverLowEventSchema = shelterEvent('stock.cover-low', {
  ...balanceFigures,
  daysOfCover: z.number(),
  coverWarningDays: z.number(),
});

const transferShelters = { transferId: z.string(), fromShelterId: z.string(), toShelterId: z.string() };
/** Stock left the sending shelter (the event's shelterId) for the receiving one. */
export const transferDispatchedEventSchema = shelterEvent('transfer.dispatched', {
  ...transferShelters,
  lines: linesSchema,
});
/** What arrived at the receiving shelter (the event's shelterId), and how it differed from what was sent. */
export const transferReceivedEventSchema = shelterEvent('transfer.received', {
  ...transferShelters,
  receivedLines: linesSchema,
  discrepancies: z.array(
    z
      .object({
        itemId: z.string(),
        sent: z.number(),
        received: z.number(),
        difference: z.number(),
        /** Why, from a fixed list; the receiving lead's note is free text and stays out. */
        reason: discrepancyReasonSchema.optional(),
      })
      .strict(),
  ),
});

/**
 * A distribution round's event belongs to one organisation that shares the round: one event per
 * organisation, each with that organisation's figures only (as the reconciliation shows a
 * coordinator its own rows). A round spans shelters, so it names them all and no single one.
 */
function roundEvent<T extends string, D extends z.ZodRawShape>(type: T, data: D) {
  const { shelterId: _single, ...around } = envelope;
  return z
    .object({ ...around, type: z.literal(type), orgId: z.string(), data: z.object(data).strict() })
    .strict();
}

const roundFacts = {
  roundId: z.string(),
  shelterIds: z.array(z.string()),
  orgIds: z.array(z.string()),
  rulesVersion: z.number(),
};

/** A round opened: households can be issued vouchers from now until it closes. Never its name (typed by a person). */
export const roundOpenedEventSchema = roundEvent('round.opened', {
  ...roundFacts,
  validFrom: z.string(),
  validUntil: z.string(),
});

/** Per item, the organisation's vouchers of the round and what became of them, against the ledger. */
const roundItemTotalsSchema = z
  .object({
    itemId: z.string(),
    vouchersIssued: z.number(),
    vouchersRedeemed: z.number(),
    vouchersVoided: z.number(),
    vouchersExpired: z.number(),
    vouchersOutstanding: z.number(),
    quantityIssued: z.number(),
    quantityRedeemed: z.number(),
    quantityVoided: z.number(),
    quantityExpired: z.number(),
    quantityOutstanding: z.number(),
    ledgerOut: z.number(),
  })
  .strict();

/**
 * A round closed, four eyes: its frozen reconciliation's totals for the organisation, per item
 * over every shelter of the round, and whether all of its rows agree with the ledger. Figures
 * only: no household, reference or pseudonym.
 */
export const roundClosedEventSchema = roundEvent('round.closed', {
  ...roundFacts,
  agrees: z.boolean(),
  items: z.array(roundItemTotalsSchema),
});

export const domainEventSchema = z.discriminatedUnion('type', [
  voucherIssuedEventSchema,
  voucherRedeemedEventSchema,
  voucherVoidedEventSchema,
  voucherExpiredEventSchema,
  redemptionConflictEventSchema,
  stockLowEventSchema,
  stockOutEventSchema,
  stockCoverLowEventSchema,
  transferDispatchedEventSchema,
  transferReceivedEventSchema,
  roundOpenedEventSchema,
  roundClosedEventSchema,
]);
export type DomainEvent = z.infer<typeof domainEventSchema>;
export type EventType = DomainEvent['type'];
