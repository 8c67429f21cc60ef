import { z } from '@hono/zod-openapi';

/** The events that make a shelter's stock-alert digest. */
export const STOCK_ALERT_TYPES = ['stock.low', 'stock.out', 'stock.cover-low'] as const;
export type StockAlertType = (typeof STOCK_ALERT_TYPES)[number];
export const isStockAlertType = (type: string): type is StockAlertType =>
  (STOCK_ALERT_TYPES as readonly string[]).includes(type);

/** One stock alert held for a shelter's next digest: what a logistics lead acts on. */
export const stockAlertSchema = z
  .object({
    eventId: z.string(),
    type: z.enum(STOCK_ALERT_TYPES),
    itemId: z.string(),
    available: z.number(),
    daysOfCover: z.number().nullable(),
    occurredAt: z.string(),
  })
  .strict();
export type StockAlert = z.infer<typeof stockAlertSchema>;

/** A shelter's digest state: alerts waiting, and when the last digest went. */
export const alertDigestSchema = z
  .object({
    shelterId: z.string(),
    pending: z.array(stockAlertSchema).default([]),
    eventIds: z.array(z.string()).default([]),
    lastSentAt: z.iso.datetime().optional(),
  })
  .strict();
export type AlertDigest = z.infer<typeof alertDigestSchema>;

/** At most one digest per shelter per hour: people read them, and a flood gets ignored. */
export const DIGEST_INTERVAL_MS = 60 * 60 * 1000;

export function digestDue(digest: AlertDigest, now: Date): boolean {
  if (digest.pending.length === 0) return false;
  return (
    digest.lastSentAt === undefined || now.getTime() - Date.parse(digest.lastSentAt) >= DIGEST_INTERVAL_MS
  );
}

const what: Record<StockAlert['type'], string> = {
  'stock.low': 'below its low-stock threshold',
  'stock.out': 'out of stock',
  'stock.cover-low': 'running short of days of cover',
};

/**
 * The digest as a person reads it: the shelter, then each item with what happened, the
 * quantity available and the days of cover. Names come from the catalogue; ids where unknown.
 */
export function digestText(
  shelterName: string,
  alerts: readonly StockAlert[],
  items: ReadonlyMap<string, { name: string; unit: string }>,
): { subject: string; message: string } {
  // The latest alert per item and kind: a digest says where things stand, not every step.
  const latest = new Map<string, StockAlert>();
  for (const alert of alerts) latest.set(`${alert.itemId}\n${alert.type}`, alert);
  const lines = [...latest.values()].map((alert) => {
    const item = items.get(alert.itemId);
    const name = item?.name ?? alert.itemId;
    const unit = item === undefined ? '' : ` ${item.unit}`;
    const cover = alert.daysOfCover === null ? 'days of cover unknown' : `${alert.daysOfCover} days of cover`;
    return `- ${name}: ${what[alert.type]}; ${alert.available}${unit} available, ${cover} (${alert.occurredAt})`;
  });
  return {
    subject: `Supplyline stock alert: ${shelterName}`.slice(0, 99),
    message: [`Stock alerts at ${shelterName}:`, '', ...lines, '', 'Stock levels: /dashboard'].join('\n'),
  };
}
