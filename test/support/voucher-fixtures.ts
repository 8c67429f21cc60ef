import jsQR from 'jsqr';
import { PNG } from 'pngjs';
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

/** Decodes a QR PNG exactly as a scanner would: pixels in, text out. */
export function decodeQrPng(png: Buffer): string | undefined {
  const image = PNG.sync.read(png);
  return jsQR.default(new Uint8ClampedArray(image.data), image.width, image.height)?.data;
}
