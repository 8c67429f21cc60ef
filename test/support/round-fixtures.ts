import { call } from './http.js';
import type { TestApp } from './test-app.js';

/** The examples as one round's rules (items rice, water, mosquito-net, sleeping-mat, soap). */
export const exampleRules = [
  { itemId: 'rice', amount: 0.4, per: 'person-day' },
  { itemId: 'water', amount: 15, per: 'person-day' },
  { itemId: 'mosquito-net', amount: 1, per: 'people', people: 2, max: 3 },
  { itemId: 'sleeping-mat', amount: 1, per: 'person', max: 6 },
  // 250 g per person per month in 125 g bars: 2 bars per person-month.
  { itemId: 'soap', amount: 2, per: 'person-month' },
];

/** Adds the round items the base world lacks (nets, mats, soap in 125 g bars). */
export async function addRoundItems(t: TestApp, admin: string): Promise<void> {
  for (const item of [
    { id: 'mosquito-net', name: 'Mosquito net', category: 'bedding', unit: 'piece' },
    { id: 'sleeping-mat', name: 'Sleeping mat', category: 'bedding', unit: 'piece' },
    { id: 'soap', name: 'Soap bar 125 g', category: 'hygiene', unit: 'piece' },
  ]) {
    const result = await call(t.app, 'POST', '/v1/items', { key: admin, body: item });
    if (result.status !== 201) throw new Error(`item ${item.id}: ${result.text}`);
  }
}

/** A window of `days` whole days starting an hour ago, so the round is live now. */
export function liveWindow(days: number, from = Date.now() - 3_600_000) {
  return {
    validFrom: new Date(from).toISOString(),
    validUntil: new Date(from + days * 86_400_000).toISOString(),
  };
}

export async function createOpenRound(
  t: TestApp,
  key: string,
  body: Record<string, unknown>,
  opener = key,
): Promise<{ id: string; rulesVersion: number }> {
  const created = await call<{ id: string; rulesVersion: number }>(t.app, 'POST', '/v1/rounds', {
    key,
    body: { name: 'Test round', shelterIds: ['shelter-a'], ...liveWindow(14), rules: exampleRules, ...body },
  });
  if (created.status !== 201) throw new Error(`round: ${created.status} ${created.text}`);
  const opened = await call(t.app, 'POST', `/v1/rounds/${created.body.id}/open`, { key: opener });
  if (opened.status !== 200) throw new Error(`open: ${opened.status} ${opened.text}`);
  return created.body;
}

/** A household CSV: header row, then one line per household. */
export function householdCsv(
  rows: Array<{ ref: string; size: number; shelterId?: string; language?: string }>,
) {
  return [
    'beneficiaryRef,householdSize,shelterId,language',
    ...rows.map((r) => `${r.ref},${r.size},${r.shelterId ?? ''},${r.language ?? ''}`),
  ].join('\r\n');
}

export interface HouseholdAnswer {
  roundId: string;
  issued: number;
  replayed: number;
  refused: number;
  results: Array<{
    row: number;
    outcome: 'issued' | 'refused';
    voucher?: {
      id: string;
      code: string;
      shelterId: string;
      lines: Array<{ itemId: string; quantity: number }>;
      rulesVersion: number;
      language?: string;
      replayed: boolean;
    };
    problem?: { reason: string; field?: string; detail: string; shortItems?: Array<{ itemId: string }> };
  }>;
}

/** Sends a CSV list: text (sent as UTF-8), or the bytes of a file saved in some encoding. */
export async function sendHouseholds(t: TestApp, key: string, roundId: string, csv: string | Uint8Array) {
  return call<HouseholdAnswer>(t.app, 'POST', `/v1/rounds/${roundId}/households`, {
    key,
    rawBody: csv,
    headers: { 'content-type': 'text/csv' },
  });
}
