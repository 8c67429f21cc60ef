import { z } from '@hono/zod-openapi';

/**
 * Stock on the road to a shelter: what one transfer still in transit carries to its receiver.
 * Kept in one listing across the network (the plan and the needs report read what is inbound to
 * every shelter in one Query, not one per shelter), from dispatch until the transfer is received.
 */
export const inTransitSchema = z
  .object({
    transferId: z.string(),
    fromShelterId: z.string(),
    toShelterId: z.string(),
    lines: z.array(z.object({ itemId: z.string(), quantity: z.number() })),
    dispatchedAt: z.string(),
  })
  .strict();
export type InTransit = z.infer<typeof inTransitSchema>;

/** What is on the road to each shelter, per item: `<shelterId>` -> `<itemId>` -> quantity. */
export function inboundByShelter(listed: readonly InTransit[]): Map<string, Map<string, number>> {
  const inbound = new Map<string, Map<string, number>>();
  for (const transfer of listed) {
    const items = inbound.get(transfer.toShelterId) ?? new Map<string, number>();
    for (const line of transfer.lines) items.set(line.itemId, (items.get(line.itemId) ?? 0) + line.quantity);
    inbound.set(transfer.toShelterId, items);
  }
  return inbound;
}
