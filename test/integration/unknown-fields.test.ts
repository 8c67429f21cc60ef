import { beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../shared/domain/api-key.js';
import { buildWorld, type World } from '../support/fixtures.js';
import { call, isProblem } from '../support/http.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

/**
 * "Unknown body fields are refused, not dropped": every operation that takes a body, sent a body
 * it would accept plus one unknown field at each level, answers 400 naming exactly that field;
 * every listing with a query answers the same for an unknown query parameter.
 */

type Operation = { description?: string; parameters?: Array<{ in: string }> };
type OpenApiDoc = { paths: Record<string, Record<string, Operation>> };

const EXTRA = 'unexpectedField';
const line = { itemId: 'rice', quantity: 1 };
const voucher = { shelterId: 'shelter-a', beneficiaryRef: 'HH-X', householdSize: 1, lines: [line] };
const VOUCHER_ID = '01HZZZZZZZZZZZZZZZZZZZZZZZ';
const PERSON_ID = 'psn_01HZZZZZZZZZZZZZZZZZZZZZZZ';
const COUNT_SESSION_ID = 'cnt_01HZZZZZZZZZZZZZZZZZZZZZZZ';

/** Per operation with a body: where the path's ids point, a body it accepts, and the objects in it. */
const bodies: Record<string, { path: string; body: Record<string, unknown>; nested: string[] }> = {
  'POST /v1/organizations': { path: '/v1/organizations', body: { id: 'org-x', name: 'X' }, nested: [] },
  'POST /v1/api-keys': {
    path: '/v1/api-keys',
    body: { role: 'volunteer', orgId: 'org-a', label: 'x', scope: { pickupPointIds: ['pp-a1'] } },
    nested: ['scope'],
  },
  'POST /v1/shelters': {
    path: '/v1/shelters',
    body: { id: 'shelter-x', name: 'X', province: 'Kandal', capacity: 1, population: 1 },
    nested: [],
  },
  'PATCH /v1/shelters/{id}': { path: '/v1/shelters/shelter-a', body: { population: 5 }, nested: [] },
  'POST /v1/shelters/{id}/pickup-points': {
    path: '/v1/shelters/shelter-a/pickup-points',
    body: { name: 'Door' },
    nested: [],
  },
  'POST /v1/items': {
    path: '/v1/items',
    body: {
      id: 'soap',
      name: 'Soap',
      category: 'hygiene',
      unit: 'pack',
      countTolerance: { percent: 2, units: 1 },
    },
    nested: ['countTolerance'],
  },
  'POST /v1/shelters/{id}/count-sessions': {
    path: '/v1/shelters/shelter-a/count-sessions',
    body: { itemIds: ['rice'], blind: true, note: 'x' },
    nested: [],
  },
  'PUT /v1/count-sessions/{id}/lines/{itemId}': {
    path: `/v1/count-sessions/${COUNT_SESSION_ID}/lines/rice`,
    body: { counted: 1, note: 'x' },
    nested: [],
  },
  'PUT /v1/count-sessions/{id}/lines/{itemId}/reason': {
    path: `/v1/count-sessions/${COUNT_SESSION_ID}/lines/rice/reason`,
    body: { reason: 'x' },
    nested: [],
  },
  'POST /v1/count-sessions/{id}/submit': {
    path: `/v1/count-sessions/${COUNT_SESSION_ID}/submit`,
    body: {},
    nested: [],
  },
  'POST /v1/count-sessions/{id}/approve': {
    path: `/v1/count-sessions/${COUNT_SESSION_ID}/approve`,
    body: { note: 'x' },
    nested: [],
  },
  'POST /v1/count-sessions/{id}/reject': {
    path: `/v1/count-sessions/${COUNT_SESSION_ID}/reject`,
    body: { note: 'x' },
    nested: [],
  },
  'POST /v1/count-sessions/{id}/cancel': {
    path: `/v1/count-sessions/${COUNT_SESSION_ID}/cancel`,
    body: {},
    nested: [],
  },
  'PATCH /v1/items/{id}': {
    path: '/v1/items/rice',
    body: { barcodes: ['9506000134352'], packSizes: [{ name: 'sack', units: 25 }] },
    nested: ['packSizes.0'],
  },
  'PUT /v1/shelters/{id}/cover-warning-days': {
    path: '/v1/shelters/shelter-a/cover-warning-days',
    body: { coverWarningDays: 4 },
    nested: [],
  },
  'PUT /v1/shelters/{id}/stock/{itemId}/threshold': {
    path: '/v1/shelters/shelter-a/stock/rice/threshold',
    body: { lowStockThreshold: 5 },
    nested: [],
  },
  'POST /v1/shelters/{id}/receipts': {
    path: '/v1/shelters/shelter-a/receipts',
    body: { source: 'WFP', lines: [line] },
    nested: ['lines.0'],
  },
  'POST /v1/shelters/{id}/adjustments': {
    path: '/v1/shelters/shelter-a/adjustments',
    body: { reason: 'other', lines: [line] },
    nested: ['lines.0'],
  },
  'POST /v1/shelters/{id}/counts': {
    path: '/v1/shelters/shelter-a/counts',
    body: { lines: [{ itemId: 'rice', counted: 1 }] },
    nested: ['lines.0'],
  },
  'POST /v1/transfers': {
    path: '/v1/transfers',
    body: { fromShelterId: 'shelter-a', toShelterId: 'shelter-b', lines: [line] },
    nested: ['lines.0'],
  },
  'POST /v1/transfers/{id}/receive': {
    path: '/v1/transfers/tr-x/receive',
    body: { lines: [line] },
    nested: ['lines.0'],
  },
  'POST /v1/vouchers': { path: '/v1/vouchers', body: voucher, nested: ['lines.0'] },
  'POST /v1/vouchers/batch': {
    path: '/v1/vouchers/batch',
    body: { vouchers: [voucher] },
    nested: ['vouchers.0', 'vouchers.0.lines.0'],
  },
  'POST /v1/vouchers/{id}/void': {
    path: `/v1/vouchers/${VOUCHER_ID}/void`,
    body: { reason: 'entered twice' },
    nested: [],
  },
  'POST /v1/vouchers/verify': {
    path: '/v1/vouchers/verify',
    body: { token: 'AAAA', pickupPointId: 'pp-a1' },
    nested: [],
  },
  'POST /v1/devices': {
    path: '/v1/devices',
    body: { pickupPointId: 'pp-a1', label: 'Desk 2 phone' },
    nested: [],
  },
  'POST /v1/devices/{id}/revoke': {
    path: '/v1/devices/dev_01JZZZZZZZZZZZZZZZZZZZZZZZ/revoke',
    body: {},
    nested: [],
  },
  'POST /v1/devices/{id}/release': {
    path: '/v1/devices/dev_01JZZZZZZZZZZZZZZZZZZZZZZZ/release',
    body: {},
    nested: [],
  },
  'POST /v1/devices/{id}/sign-off': {
    path: '/v1/devices/dev_01JZZZZZZZZZZZZZZZZZZZZZZZ/sign-off',
    body: {},
    nested: [],
  },
  'POST /v1/devices/{id}/hand-back': {
    path: '/v1/devices/dev_01JZZZZZZZZZZZZZZZZZZZZZZZ/hand-back',
    body: { voucherIds: [VOUCHER_ID] },
    nested: [],
  },
  'POST /v1/devices/{id}/sync': {
    path: '/v1/devices/dev_01JZZZZZZZZZZZZZZZZZZZZZZZ/sync',
    body: {
      records: [
        {
          clientRedemptionId: VOUCHER_ID,
          deviceId: 'dev_01JZZZZZZZZZZZZZZZZZZZZZZZ',
          voucherId: VOUCHER_ID,
          pickupPointId: 'pp-a1',
          lines: [line],
          deviceTime: '2026-12-03T08:00:00.000Z',
          sequence: 1,
          hmac: 'AAAA',
        },
      ],
    },
    nested: ['records.0', 'records.0.lines.0'],
  },
  'POST /v1/conflicts/{id}/resolve': {
    path: '/v1/conflicts/cfl_01JZZZZZZZZZZZZZZZZZZZZZZZ/resolve',
    body: { outcome: 'no-goods', note: 'checked' },
    nested: [],
  },
  'POST /v1/redemptions': {
    path: '/v1/redemptions',
    body: { code: 'ZZZZ-ZZZZ-Z', pickupPointId: 'pp-a1' },
    nested: [],
  },
  'POST /v1/webhooks': {
    path: '/v1/webhooks',
    body: { url: 'http://localhost:9/hook', eventTypes: ['voucher.issued'] },
    nested: [],
  },
  'POST /v1/rounds': {
    path: '/v1/rounds',
    body: {
      name: 'X',
      shelterIds: ['shelter-a'],
      validFrom: '2026-12-01T00:00:00Z',
      validUntil: '2026-12-15T00:00:00Z',
      rules: [{ itemId: 'rice', amount: 0.4, per: 'person-day' }],
    },
    nested: ['rules.0'],
  },
  'PATCH /v1/rounds/{id}': { path: '/v1/rounds/round-x', body: { name: 'Y' }, nested: [] },
  'POST /v1/rounds/{id}/open': { path: '/v1/rounds/round-x/open', body: {}, nested: [] },
  'POST /v1/rounds/{id}/close': { path: '/v1/rounds/round-x/close', body: {}, nested: [] },
  // A row's own unknown field refuses that row in its result (rounds-errors.test.ts), not the list.
  'POST /v1/rounds/{id}/households': {
    path: '/v1/rounds/round-x/households',
    body: { households: [{ beneficiaryRef: 'HH-X', householdSize: 1 }] },
    nested: [],
  },
  'POST /v1/rounds/{id}/forecast': {
    path: '/v1/rounds/round-x/forecast',
    body: { households: [{ beneficiaryRef: 'HH-X', householdSize: 1 }] },
    nested: [],
  },
  'POST /v1/beneficiaries/check': {
    path: '/v1/beneficiaries/check',
    body: { beneficiaryRefs: ['HH-X'] },
    nested: [],
  },
  'POST /v1/people': {
    path: '/v1/people',
    body: { displayName: 'X', role: 'volunteer', scope: { pickupPointIds: ['pp-a1'] } },
    nested: ['scope'],
  },
  'PATCH /v1/people/{id}': { path: `/v1/people/${PERSON_ID}`, body: { displayName: 'Y' }, nested: [] },
  'POST /v1/people/{id}/revoke': { path: `/v1/people/${PERSON_ID}/revoke`, body: {}, nested: [] },
  'POST /v1/people/{id}/keys/{keyId}/revoke': {
    path: `/v1/people/${PERSON_ID}/keys/zzzzzzzzzzzzzzzz/revoke`,
    body: {},
    nested: [],
  },
  'POST /v1/people/{id}/invitations': {
    path: `/v1/people/${PERSON_ID}/invitations`,
    body: { expiresInMinutes: 15 },
    nested: [],
  },
  'POST /v1/people/{id}/invitations/{invitationId}/revoke': {
    path: `/v1/people/${PERSON_ID}/invitations/inv_01HZZZZZZZZZZZZZZZZZZZZZZZ/revoke`,
    body: {},
    nested: [],
  },
  'POST /v1/invitations/accept': { path: '/v1/invitations/accept', body: { code: 'x' }, nested: [] },
  'POST /v1/webhooks/{id}/enable': { path: '/v1/webhooks/whk_x/enable', body: {}, nested: [] },
  'POST /v1/webhooks/{id}/rotate-secret': {
    path: '/v1/webhooks/whk_x/rotate-secret',
    body: { overlapHours: 24 },
    nested: [],
  },
  'POST /v1/webhooks/{id}/deliveries/{deliveryId}/redeliver': {
    path: '/v1/webhooks/whk_x/deliveries/d-x/redeliver',
    body: {},
    nested: [],
  },
};

/** Per listing with a query: a path whose ids exist. */
const queries: Record<string, string> = {
  'GET /v1/organizations': '/v1/organizations',
  'GET /v1/shelters': '/v1/shelters',
  'GET /v1/shelters/{id}/pickup-points': '/v1/shelters/shelter-a/pickup-points',
  'GET /v1/items': '/v1/items',
  'GET /v1/items/by-code': '/v1/items/by-code?code=supplyline:item:rice',
  'GET /v1/items/{id}/label.svg': '/v1/items/rice/label.svg',
  'GET /v1/stock': '/v1/stock',
  'GET /v1/shelters/{id}/movements': '/v1/shelters/shelter-a/movements',
  'GET /v1/shelters/{id}/count-sessions': '/v1/shelters/shelter-a/count-sessions?status=counting',
  'GET /v1/transfers': '/v1/transfers?shelterId=shelter-a',
  'GET /v1/reports/vouchers-today': '/v1/reports/vouchers-today',
  'GET /v1/plans/transfers': '/v1/plans/transfers?targetDays=7',
  'GET /v1/reports/needs': '/v1/reports/needs?targetDays=7',
  'GET /v1/reports/needs.csv': '/v1/reports/needs.csv?targetDays=7',
  'GET /v1/vouchers': '/v1/vouchers',
  'GET /v1/vouchers/{id}/qr.png': `/v1/vouchers/${VOUCHER_ID}/qr.png`,
  'GET /v1/devices': '/v1/devices?shelterId=shelter-a',
  'GET /v1/devices/{id}/pack': '/v1/devices/dev_01JZZZZZZZZZZZZZZZZZZZZZZZ/pack',
  'GET /v1/conflicts': '/v1/conflicts?shelterId=shelter-a',
  'GET /v1/voucher-slips': `/v1/voucher-slips?ids=${VOUCHER_ID}`,
  'GET /v1/webhooks': '/v1/webhooks',
  'GET /v1/webhooks/{id}/deliveries': '/v1/webhooks/whk_x/deliveries',
  'GET /v1/events': '/v1/events',
  'GET /v1/rounds': '/v1/rounds',
  'GET /v1/rounds/{id}/reconciliation': '/v1/rounds/round-x/reconciliation',
  'GET /v1/beneficiaries/checks': '/v1/beneficiaries/checks',
  'GET /v1/people': '/v1/people',
  'GET /v1/api-keys': '/v1/api-keys',
};

/** `body` with `{ [EXTRA]: 1 }` added to the object at `at` ('' is the body itself). */
function withExtra(body: Record<string, unknown>, at: string): Record<string, unknown> {
  const copy = structuredClone(body);
  const target =
    at === '' ? copy : (at.split('.').reduce<unknown>((o, k) => (o as never)[k], copy) as object);
  Object.assign(target, { [EXTRA]: 1 });
  return copy;
}

describe('unknown fields are refused, not dropped', () => {
  let t: TestApp;
  let world: World;
  let doc: OpenApiDoc;
  /** A key of the operation's first role; none for a public operation. */
  const keyFor = (op: Operation): { key?: string } => {
    const roles = /Roles: ([a-z, ]+)\./.exec(op.description ?? '')?.[1]?.split(', ') as Role[] | undefined;
    return roles === undefined ? {} : { key: world[roles[0] as Role] };
  };
  const operation = (id: string) => {
    const [method = '', path = ''] = id.split(' ');
    return doc.paths[path]?.[method.toLowerCase()] as Operation;
  };

  beforeAll(async () => {
    t = await createTestApp();
    world = await buildWorld(t);
    doc = (await call<OpenApiDoc>(t.app, 'GET', '/openapi.json')).body;
  });

  it('has a body for every operation that takes one, and a path for every listing with a query', () => {
    const ops = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, op]) => ({ id: `${method.toUpperCase()} ${path}`, op })),
    );
    const writes = ops.filter(({ id }) => /^(POST|PUT|PATCH) /.test(id)).map(({ id }) => id);
    const listings = ops
      .filter(({ id, op }) => id.startsWith('GET ') && (op.parameters ?? []).some((p) => p.in === 'query'))
      .map(({ id }) => id);
    expect(writes.sort()).toEqual(Object.keys(bodies).sort());
    expect(listings.sort()).toEqual(Object.keys(queries).sort());
  });

  for (const [id, { path, body, nested }] of Object.entries(bodies)) {
    it(`${id}: an unknown field anywhere in the body is a 400 naming it`, async () => {
      const method = id.split(' ')[0] as string;
      for (const at of ['', ...nested]) {
        const result = await call(t.app, method, path, {
          ...keyFor(operation(id)),
          body: withExtra(body, at),
        });

        const field = ['body', ...(at === '' ? [] : [at]), EXTRA].join('.');
        expect(result.status, `${field}: ${result.text.slice(0, 200)}`).toBe(400);
        expect(isProblem(result)).toBe(true);
        expect((result.body.errors as Array<{ field: string }>).map((e) => e.field)).toEqual([field]);
      }
    });
  }

  for (const [id, path] of Object.entries(queries)) {
    it(`${id}: an unknown query parameter is a 400 naming it`, async () => {
      const result = await call(t.app, 'GET', `${path}${path.includes('?') ? '&' : '?'}${EXTRA}=1`, {
        ...keyFor(operation(id)),
      });

      expect(result.status, result.text.slice(0, 200)).toBe(400);
      expect((result.body.errors as Array<{ field: string }>).map((e) => e.field)).toEqual([
        `query.${EXTRA}`,
      ]);
    });
  }
});
