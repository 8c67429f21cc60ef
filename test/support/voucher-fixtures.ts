import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { buildWorld, type World } from './fixtures.js';
import { call } from './http.js';
import type { TestApp } from './test-app.js';

export const standardLines = [
  { itemId: 'rice', quantity: 5 },
  { itemId: 'water', quantity: 30 },
  { itemId: 'blanket', quantity: 1 },
];

export async function stockShelter(
  t: TestApp,
  key: string,
  shelterId: string,
  lines: Array<{ itemId: string; quantity: number }>,
) {
  const result = await call(t.app, 'POST', `/v1/shelters/${shelterId}/receipts`, {
    key,
    body: { source: 'test stock', lines },
  });
  if (result.status !== 201) throw new Error(`stocking ${shelterId}: ${result.text}`);
}

export async function issue(
  t: TestApp,
  key: string,
  overrides: Record<string, unknown> = {},
): Promise<{ id: string; code: string; token: string; status: string }> {
  const result = await call<{ id: string; code: string; token: string; status: string }>(
    t.app,
    'POST',
    '/v1/vouchers',
    {
      key,
      body: {
        shelterId: 'shelter-a',
        beneficiaryRef: 'HH-TEST-0001',
        householdSize: 4,
        lines: standardLines,
        ...overrides,
      },
    },
  );
  if (result.status !== 201) throw new Error(`issue: ${result.status} ${result.text}`);
  return result.body;
}

/**
 * The world of the voucher and redemption route tests: buildWorld's, shelter A stocked deep
 * enough for every voucher they issue (shelter B holds nothing), a volunteer of org-a serving
 * pickup points A1 and B1 (so both shelters), and a coordinator of org-b.
 */
export type VoucherWorld = World & { volunteerAB: string; otherOrgCoordinator: string };

export async function buildVoucherWorld(t: TestApp): Promise<VoucherWorld> {
  const world = await buildWorld(t);
  const otherOrgCoordinator = await t.createKey('coordinator', 'org-b');
  const volunteerAB = await t.createKey('volunteer', 'org-a', {
    shelterIds: ['shelter-a', 'shelter-b'],
    pickupPointIds: ['pp-a1', 'pp-b1'],
  });
  await stockShelter(t, world.logistics, 'shelter-a', [
    { itemId: 'rice', quantity: 500 },
    { itemId: 'water', quantity: 3000 },
    { itemId: 'blanket', quantity: 100 },
  ]);
  return { ...world, volunteerAB, otherOrgCoordinator };
}

/** Decodes a QR PNG exactly as a scanner would: pixels in, text out. */
export function decodeQrPng(png: Buffer): string | undefined {
  const image = PNG.sync.read(png);
  return jsQR.default(new Uint8ClampedArray(image.data), image.width, image.height)?.data;
}
