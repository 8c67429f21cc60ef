import { beforeAll, describe, expect, it } from 'vitest';
import { buildWorld, type World } from '../support/fixtures.js';
import { call, isProblem } from '../support/http.js';
import { onHandOf } from '../support/stock-fixtures.js';
import { appWith, type TestApp } from '../support/test-app.js';

describe('receipts, adjustments and counts: access', () => {
  let t: TestApp;
  let world: World;

  beforeAll(async () => {
    ({ t, world } = await appWith(buildWorld));
  });

  const receipt = { source: 's', lines: [{ itemId: 'rice', quantity: 1 }] };

  it.each(['coordinator', 'volunteer', 'admin'] as const)(
    'forbids a %s key from moving stock',
    async (role) => {
      const before = await onHandOf(t, 'shelter-a', 'rice');
      for (const path of ['receipts', 'adjustments', 'counts']) {
        const body =
          path === 'counts' ? { lines: [{ itemId: 'rice', counted: 1 }] } : { reason: 'other', ...receipt };
        const result = await call(t.app, 'POST', `/v1/shelters/shelter-a/${path}`, {
          key: world[role],
          body,
        });
        expect(result.status).toBe(403);
        expect(isProblem(result)).toBe(true);
      }
      expect(await onHandOf(t, 'shelter-a', 'rice')).toBe(before);
    },
  );

  it('forbids a logistics key scoped to shelter A from touching shelter B', async () => {
    const result = await call(t.app, 'POST', '/v1/shelters/shelter-b/receipts', {
      key: world.logisticsA,
      body: receipt,
    });
    expect(result.status).toBe(403);
    const allowed = await call(t.app, 'POST', '/v1/shelters/shelter-a/receipts', {
      key: world.logisticsA,
      body: receipt,
    });
    expect(allowed.status).toBe(201);
  });

  it('answers 401 without a key', async () => {
    const result = await call(t.app, 'POST', '/v1/shelters/shelter-a/receipts', { body: receipt });
    expect(result.status).toBe(401);
  });
});
