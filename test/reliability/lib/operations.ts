import type { Role } from '../../../shared/domain/api-key.js';
import { type CallResult, call } from '../../support/http.js';
import { offlineRecord, type TestDevice } from '../../support/offline-fixtures.js';
import type { TestApp } from '../../support/test-app.js';
import type { AccessWorld } from './access-world.js';

/**
 * What the fuzzing and access-control parts share: the operations listed by GET /openapi.json with
 * the roles each one declares, and, per operation, a request that a key of an allowed role whose
 * scope covers it would see succeed, in the world of access-world.ts.
 */

export type Reach = 'own' | 'foreign' | 'absent';

/** What decides access to an operation beyond the caller's role. */
export type Guard =
  /** Anyone, no key. */
  | 'public'
  /** The role alone (admin writes, catalogue reads, lists filtered to the key's scope). */
  | 'role'
  /** The shelter the request names must be in the key's shelter scope. */
  | 'shelter'
  /** The pickup point the request names must be in the key's pickup-point scope. */
  | 'pickup-point'
  /** A voucher of the caller's organisation, at a shelter in the key's scope. */
  | 'voucher'
  /** A transfer into a shelter in the key's scope. */
  | 'transfer-to'
  /** A transfer from or to a shelter in the key's scope. */
  | 'transfer-either-end'
  /** A record of the caller's organisation (any organisation's for an admin), whatever the shelter. */
  | 'organisation'
  /**
   * A device's own operations: only the volunteer key that registered it ("volunteer of org-a",
   * the wildcard key); every other key is told it does not exist. Managers (admin, coordinator,
   * logistics) reach it as they reach its shelter.
   */
  | 'device'
  /** A sync conflict: as its shelter, but a coordinator only for its own organisation's voucher. */
  | 'conflict'
  /**
   * A device's revocation (final): as its shelter for admins and logistics leads, whichever
   * organisation the device serves, but a coordinator only for its own organisation's devices;
   * another organisation's coordinator is refused (403: it sees the phone in the shelter's list).
   */
  | 'own-organisation-device'
  /**
   * A person (a volunteer): an admin of any organisation manages them; a coordinator only those of
   * its own organisation at its shelters (as a conflict's shelter, for its own organisation).
   */
  | 'person';

export interface Request {
  path: string;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface OperationCase {
  guard: Guard;
  /**
   * `own`: resources of org-a at shelter A (in every key's scope); `foreign`: resources at
   * shelter B (outside the scoped keys' reach); `absent`: resources that do not exist.
   */
  build(w: AccessWorld, reach: Reach): Promise<Request>;
  /** What an in-scope key gets for an absent resource (a filter on a list answers an empty 200). */
  absentStatus?: number;
  /**
   * The ids are no secret (pickup points: how volunteers and their keys name where they stand),
   * so an absent one is a 404 for every key of the role, and one out of scope a 403, not the same
   * answer: a typing mistake should not read as a missing permission.
   */
  openIds?: true;
  /** The outcome a batch reports per row, as a status. */
  outcome?: (result: CallResult) => number;
}

export interface OpenApiOperation {
  /** `METHOD /path`, as OpenAPI writes the path. */
  id: string;
  method: string;
  path: string;
  /** From "Roles: a, b." in the description; undefined for public operations. */
  roles: Role[] | undefined;
  operation: Record<string, unknown>;
}

/** Every path and method of the served OpenAPI document, with the roles each declares. */
export async function openApiOperations(t: TestApp): Promise<{
  operations: OpenApiOperation[];
  document: Record<string, unknown>;
}> {
  const result = await call(t.app, 'GET', '/openapi.json');
  if (result.status !== 200) throw new Error(`openapi.json: ${result.status}`);
  const document = result.body as { paths: Record<string, Record<string, Record<string, unknown>>> };
  const operations: OpenApiOperation[] = [];
  for (const [path, methods] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(methods)) {
      const declared = /Roles: ([a-z, ]+)\./.exec(String(operation.description ?? ''))?.[1];
      operations.push({
        id: `${method.toUpperCase()} ${path}`,
        method: method.toUpperCase(),
        path,
        roles: declared === undefined ? undefined : (declared.split(', ') as Role[]),
        operation,
      });
    }
  }
  return { operations, document };
}

const SHELTERS = { own: 'shelter-a', foreign: 'shelter-b', absent: 'shelter-zz' } as const;
const PICKUP_POINTS = { own: 'pp-a1', foreign: 'pp-b1', absent: 'pp-zz' } as const;
/** A well-formed voucher id (a ULID) that no voucher has. */
const ABSENT_VOUCHER = '01HZZZZZZZZZZZZZZZZZZZZZZZ';

const lines = [{ itemId: 'rice', quantity: 1 }];

async function voucherFor(
  w: AccessWorld,
  reach: Reach,
): Promise<{ id: string; token: string; code: string }> {
  if (reach === 'absent') return { id: ABSENT_VOUCHER, token: 'AAAA', code: 'ZZZZ-ZZZZ-Z' };
  return w.voucher(SHELTERS[reach]);
}

const ABSENT_WEBHOOK = 'whk_01HZZZZZZZZZZZZZZZZZZZZZZZ';
const ABSENT_ROUND = 'round-absent';

/** A fresh round of org-a at shelter A; an id nobody has for `absent`. */
async function roundFor(w: AccessWorld, reach: Reach, status: 'draft' | 'open'): Promise<string> {
  return reach === 'absent' ? ABSENT_ROUND : w.round(status);
}

const roundWindow = () => {
  const from = Date.now() - 3_600_000;
  return {
    validFrom: new Date(from).toISOString(),
    validUntil: new Date(from + 7 * 86_400_000).toISOString(),
  };
};

/** A fresh subscription of org-a with one queued delivery; an id nobody has for `absent`. */
async function webhookFor(w: AccessWorld, reach: Reach): Promise<{ id: string; deliveryId: string }> {
  if (reach === 'absent') return { id: ABSENT_WEBHOOK, deliveryId: ABSENT_VOUCHER };
  return w.webhook();
}

const ABSENT_PERSON = 'psn_01HZZZZZZZZZZZZZZZZZZZZZZZ';

/** A fresh volunteer of org-a at the reach's pickup point; an unknown id for `absent`. */
async function personFor(w: AccessWorld, reach: Reach): Promise<string> {
  return reach === 'absent' ? ABSENT_PERSON : w.person(PICKUP_POINTS[reach]);
}

const ABSENT_DEVICE = 'dev_01HZZZZZZZZZZZZZZZZZZZZZZZ';
const ABSENT_CONFLICT = 'cfl_01HZZZZZZZZZZZZZZZZZZZZZZZ';

/** A fresh device of the wildcard volunteer of org-a at the reach's pickup point; an unknown id for `absent`. */
async function deviceFor(w: AccessWorld, reach: Reach): Promise<TestDevice | undefined> {
  return reach === 'absent' ? undefined : w.device(PICKUP_POINTS[reach]);
}

async function conflictFor(w: AccessWorld, reach: Reach): Promise<string> {
  return reach === 'absent' ? ABSENT_CONFLICT : w.conflict(SHELTERS[reach]);
}

const ABSENT_COUNT_SESSION = 'cnt_01HZZZZZZZZZZZZZZZZZZZZZZZ';

/**
 * A fresh count of rice at the reach's shelter by org-a's logistics key: still counting, counted
 * (its one line entered), or submitted (rice counted 0, far off the books, with a reason given);
 * an unknown id for `absent`.
 */
async function countSessionFor(
  w: AccessWorld,
  reach: Reach,
  stage: 'counting' | 'counted' | 'submitted',
): Promise<string> {
  if (reach === 'absent') return ABSENT_COUNT_SESSION;
  const key = w.key('logistics');
  const created = await w.send('POST', `/v1/shelters/${SHELTERS[reach]}/count-sessions`, {
    key,
    body: { itemIds: ['rice'] },
  });
  const id = String(created.body.id);
  if (stage === 'counting') return id;
  await w.send('PUT', `/v1/count-sessions/${id}/lines/rice`, { key, body: { counted: 0 } });
  if (stage === 'counted') return id;
  await w.send('POST', `/v1/count-sessions/${id}/submit`, { key });
  await w.send('PUT', `/v1/count-sessions/${id}/lines/rice/reason`, {
    key,
    body: { reason: 'checked twice' },
  });
  return id;
}

/**
 * Every key of the access world is a machine key, and a machine key never approves a count (four
 * eyes need a person: count-sessions-access.test.ts). Reaching the session that far is success here.
 */
const approvalReached = (result: CallResult) =>
  result.body.type === 'urn:supplyline:problem:count-needs-second-person' ? 200 : result.status;

/** Per operation, a request that succeeds for a key of an allowed role whose scope covers it. */
export const operationCases: Record<string, OperationCase> = {
  'GET /v1/health': { guard: 'public', build: async () => ({ path: '/v1/health' }) },
  'GET /v1/voucher-keys': { guard: 'public', build: async () => ({ path: '/v1/voucher-keys' }) },
  'GET /scan': { guard: 'public', build: async () => ({ path: '/scan' }) },
  'GET /dashboard': { guard: 'public', build: async () => ({ path: '/dashboard' }) },
  'GET /desk': { guard: 'public', build: async () => ({ path: '/desk' }) },
  'GET /coordinator': { guard: 'public', build: async () => ({ path: '/coordinator' }) },
  'GET /admin': { guard: 'public', build: async () => ({ path: '/admin' }) },
  'GET /web/{folder}/{name}': { guard: 'public', build: async () => ({ path: '/web/common/app.css' }) },
  'GET /scan-sw.js': { guard: 'public', build: async () => ({ path: '/scan-sw.js' }) },
  'GET /shared/rules/{name}': {
    guard: 'public',
    build: async () => ({ path: '/shared/rules/short-code.js' }),
  },

  'POST /v1/organizations': {
    guard: 'role',
    build: async (w) => ({
      path: '/v1/organizations',
      body: { id: w.unique('org'), name: w.watch.bodyText('org') },
    }),
  },
  'GET /v1/organizations': { guard: 'role', build: async () => ({ path: '/v1/organizations' }) },
  'POST /v1/api-keys': {
    guard: 'role',
    build: async (w) => ({
      path: '/v1/api-keys',
      body: {
        role: 'volunteer',
        orgId: 'org-a',
        label: w.watch.bodyText('label'),
        scope: { pickupPointIds: ['pp-a1'] },
      },
    }),
  },
  'GET /v1/api-keys': { guard: 'role', build: async () => ({ path: '/v1/api-keys?kind=machine' }) },
  'DELETE /v1/api-keys/{id}': {
    guard: 'role',
    build: async (w, reach) => {
      if (reach === 'absent') return { path: '/v1/api-keys/zzzzzzzzzzzzzzzz' };
      const key = await w.t.createKey('volunteer', 'org-a');
      return { path: `/v1/api-keys/${key.split('_')[1]}` };
    },
  },
  'POST /v1/shelters': {
    guard: 'role',
    build: async (w) => ({
      path: '/v1/shelters',
      body: {
        id: w.unique('shelter'),
        name: w.watch.bodyText('name'),
        province: 'Kandal',
        capacity: 10,
        population: 1,
      },
    }),
  },
  'GET /v1/shelters': { guard: 'role', build: async () => ({ path: '/v1/shelters' }) },
  'GET /v1/shelters/{id}': {
    guard: 'shelter',
    build: async (_w, reach) => ({ path: `/v1/shelters/${SHELTERS[reach]}` }),
  },
  'PATCH /v1/shelters/{id}': {
    guard: 'role',
    build: async () => ({ path: '/v1/shelters/shelter-c', body: { population: 42 } }),
  },
  'POST /v1/shelters/{id}/pickup-points': {
    guard: 'role',
    build: async (w) => ({
      path: '/v1/shelters/shelter-c/pickup-points',
      body: { id: w.unique('pp'), name: 'Door' },
    }),
  },
  'GET /v1/shelters/{id}/pickup-points': {
    guard: 'shelter',
    build: async (_w, reach) => ({ path: `/v1/shelters/${SHELTERS[reach]}/pickup-points` }),
  },
  'POST /v1/items': {
    guard: 'role',
    build: async (w) => ({
      path: '/v1/items',
      body: { id: w.unique('item'), name: w.watch.bodyText('item'), category: 'hygiene', unit: 'pack' },
    }),
  },
  'GET /v1/items': { guard: 'role', build: async () => ({ path: '/v1/items' }) },
  'GET /v1/items/{id}': { guard: 'role', build: async () => ({ path: '/v1/items/rice' }) },
  'PATCH /v1/items/{id}': {
    guard: 'role',
    build: async () => ({ path: '/v1/items/rice', body: { packSizes: [{ name: 'sack', units: 25 }] } }),
  },
  'GET /v1/items/by-code': {
    guard: 'role',
    build: async () => ({ path: '/v1/items/by-code?code=supplyline:item:rice' }),
  },
  'GET /v1/items/{id}/label.svg': {
    guard: 'role',
    build: async () => ({ path: '/v1/items/rice/label.svg' }),
  },

  'POST /v1/shelters/{id}/receipts': {
    guard: 'shelter',
    build: async (w, reach) => ({
      path: `/v1/shelters/${SHELTERS[reach]}/receipts`,
      body: { source: w.watch.bodyText('source'), lines },
    }),
  },
  'POST /v1/shelters/{id}/adjustments': {
    guard: 'shelter',
    build: async (w, reach) => ({
      path: `/v1/shelters/${SHELTERS[reach]}/adjustments`,
      body: { reason: 'other', note: w.watch.bodyText('note'), lines },
    }),
  },
  'POST /v1/shelters/{id}/counts': {
    guard: 'shelter',
    build: async (w, reach) => ({
      path: `/v1/shelters/${SHELTERS[reach]}/counts`,
      body: { note: w.watch.bodyText('note'), lines: [{ itemId: 'water', counted: 50_000 }] },
    }),
  },
  'POST /v1/transfers': {
    guard: 'shelter',
    build: async (w, reach) => ({
      path: '/v1/transfers',
      body: {
        fromShelterId: SHELTERS[reach],
        toShelterId: 'shelter-c',
        note: w.watch.bodyText('note'),
        lines,
      },
    }),
  },
  'POST /v1/transfers/{id}/receive': {
    guard: 'transfer-to',
    build: async (w, reach) => {
      const id =
        reach === 'absent'
          ? 'tr-absent'
          : await w.transfer('shelter-c', reach === 'own' ? 'shelter-a' : 'shelter-b');
      return { path: `/v1/transfers/${id}/receive`, body: { lines: [{ itemId: 'rice', quantity: 1 }] } };
    },
  },
  'GET /v1/transfers/{id}': {
    guard: 'transfer-either-end',
    build: async (w, reach) => {
      const id =
        reach === 'absent'
          ? 'tr-absent'
          : await w.transfer(reach === 'own' ? 'shelter-a' : 'shelter-b', 'shelter-c');
      return { path: `/v1/transfers/${id}` };
    },
  },
  'GET /v1/transfers/{id}/waybill.svg': {
    guard: 'transfer-either-end',
    build: async (w, reach) => {
      const id =
        reach === 'absent'
          ? 'tr-absent'
          : await w.transfer(reach === 'own' ? 'shelter-a' : 'shelter-b', 'shelter-c');
      return { path: `/v1/transfers/${id}/waybill.svg` };
    },
  },
  'POST /v1/webhooks': {
    guard: 'role',
    build: async (w) => ({
      path: '/v1/webhooks',
      body: {
        url: 'http://localhost:9/hook',
        eventTypes: ['stock.low'],
        description: w.watch.bodyText('hook'),
      },
    }),
  },
  'GET /v1/webhooks': { guard: 'role', build: async () => ({ path: '/v1/webhooks' }) },
  'GET /v1/webhooks/{id}': {
    guard: 'organisation',
    build: async (w, reach) => ({ path: `/v1/webhooks/${(await webhookFor(w, reach)).id}` }),
  },
  'DELETE /v1/webhooks/{id}': {
    guard: 'organisation',
    build: async (w, reach) => ({ path: `/v1/webhooks/${(await webhookFor(w, reach)).id}` }),
  },
  'POST /v1/webhooks/{id}/rotate-secret': {
    guard: 'organisation',
    build: async (w, reach) => ({
      path: `/v1/webhooks/${(await webhookFor(w, reach)).id}/rotate-secret`,
      body: { overlapHours: 24 },
    }),
  },
  'POST /v1/webhooks/{id}/enable': {
    guard: 'organisation',
    build: async (w, reach) => ({ path: `/v1/webhooks/${(await webhookFor(w, reach)).id}/enable` }),
  },
  'GET /v1/webhooks/{id}/deliveries': {
    guard: 'organisation',
    build: async (w, reach) => ({
      path: `/v1/webhooks/${(await webhookFor(w, reach)).id}/deliveries?state=queued`,
    }),
  },
  'POST /v1/webhooks/{id}/deliveries/{deliveryId}/redeliver': {
    guard: 'organisation',
    build: async (w, reach) => {
      const { id, deliveryId } = await webhookFor(w, reach);
      return { path: `/v1/webhooks/${id}/deliveries/${deliveryId}/redeliver` };
    },
  },
  'GET /v1/events': { guard: 'role', build: async () => ({ path: '/v1/events?types=stock.low' }) },
  'GET /v1/transfers': {
    guard: 'shelter',
    build: async (_w, reach) => ({ path: `/v1/transfers?shelterId=${SHELTERS[reach]}&status=in_transit` }),
  },
  'GET /v1/stock': {
    guard: 'shelter',
    build: async (_w, reach) => ({ path: `/v1/stock?shelterId=${SHELTERS[reach]}` }),
  },
  'PUT /v1/shelters/{id}/stock/{itemId}/threshold': {
    guard: 'shelter',
    build: async (_w, reach) => ({
      path: `/v1/shelters/${SHELTERS[reach]}/stock/rice/threshold`,
      body: { lowStockThreshold: 10 },
    }),
  },
  'PUT /v1/shelters/{id}/cover-warning-days': {
    guard: 'shelter',
    build: async (_w, reach) => ({
      path: `/v1/shelters/${SHELTERS[reach]}/cover-warning-days`,
      body: { coverWarningDays: 4 },
    }),
  },
  'GET /v1/shelters/{id}/alert-recipients': {
    guard: 'shelter',
    build: async (_w, reach) => ({ path: `/v1/shelters/${SHELTERS[reach]}/alert-recipients` }),
  },
  'GET /v1/shelters/{id}/movements': {
    guard: 'shelter',
    build: async (_w, reach) => ({ path: `/v1/shelters/${SHELTERS[reach]}/movements` }),
  },
  'GET /v1/shelters/{id}/movements/{movementId}': {
    guard: 'shelter',
    build: async (w, reach) => {
      if (reach === 'absent') return { path: `/v1/shelters/${SHELTERS.absent}/movements/${ABSENT_VOUCHER}` };
      const receipt = await w.send('POST', `/v1/shelters/${SHELTERS[reach]}/receipts`, {
        key: w.key('logistics'),
        body: { source: 'access check', lines },
      });
      return { path: `/v1/shelters/${SHELTERS[reach]}/movements/${String(receipt.body.id)}` };
    },
  },
  'POST /v1/shelters/{id}/count-sessions': {
    guard: 'shelter',
    build: async (w, reach) => ({
      path: `/v1/shelters/${SHELTERS[reach]}/count-sessions`,
      body: { itemIds: ['rice', 'water'], note: w.watch.bodyText('note') },
    }),
  },
  'GET /v1/shelters/{id}/count-sessions': {
    guard: 'shelter',
    build: async (_w, reach) => ({ path: `/v1/shelters/${SHELTERS[reach]}/count-sessions?status=counting` }),
  },
  'GET /v1/count-sessions/{id}': {
    guard: 'shelter',
    build: async (w, reach) => ({
      path: `/v1/count-sessions/${await countSessionFor(w, reach, 'counting')}`,
    }),
  },
  'PUT /v1/count-sessions/{id}/lines/{itemId}': {
    guard: 'shelter',
    build: async (w, reach) => ({
      path: `/v1/count-sessions/${await countSessionFor(w, reach, 'counting')}/lines/rice`,
      body: { counted: 12.5, note: w.watch.bodyText('note') },
    }),
  },
  'PUT /v1/count-sessions/{id}/lines/{itemId}/reason': {
    guard: 'shelter',
    build: async (w, reach) => ({
      path: `/v1/count-sessions/${await countSessionFor(w, reach, 'submitted')}/lines/rice/reason`,
      body: { reason: w.watch.bodyText('reason') },
    }),
  },
  'POST /v1/count-sessions/{id}/submit': {
    guard: 'shelter',
    build: async (w, reach) => ({
      path: `/v1/count-sessions/${await countSessionFor(w, reach, 'counted')}/submit`,
    }),
  },
  'POST /v1/count-sessions/{id}/approve': {
    guard: 'shelter',
    build: async (w, reach) => ({
      path: `/v1/count-sessions/${await countSessionFor(w, reach, 'submitted')}/approve`,
      body: { note: w.watch.bodyText('note') },
    }),
    outcome: approvalReached,
  },
  'POST /v1/count-sessions/{id}/reject': {
    guard: 'shelter',
    build: async (w, reach) => ({
      path: `/v1/count-sessions/${await countSessionFor(w, reach, 'submitted')}/reject`,
      body: { note: w.watch.bodyText('note') },
    }),
  },
  'POST /v1/count-sessions/{id}/cancel': {
    guard: 'shelter',
    build: async (w, reach) => ({
      path: `/v1/count-sessions/${await countSessionFor(w, reach, 'counting')}/cancel`,
      body: { note: w.watch.bodyText('note') },
    }),
  },
  'GET /v1/reports/stock.csv': { guard: 'role', build: async () => ({ path: '/v1/reports/stock.csv' }) },
  // Plans and needs read every shelter in the key's reach: no shelter is named, so the role decides.
  'GET /v1/plans/transfers': {
    guard: 'role',
    build: async () => ({ path: '/v1/plans/transfers?targetDays=7' }),
  },
  'GET /v1/reports/needs': { guard: 'role', build: async () => ({ path: '/v1/reports/needs?targetDays=7' }) },
  'GET /v1/reports/needs.csv': {
    guard: 'role',
    build: async () => ({ path: '/v1/reports/needs.csv?targetDays=7' }),
  },
  'GET /v1/reports/vouchers-today': {
    guard: 'shelter',
    build: async (_w, reach) => ({ path: `/v1/reports/vouchers-today?shelterId=${SHELTERS[reach]}` }),
  },
  'GET /v1/me': { guard: 'role', build: async () => ({ path: '/v1/me' }) },

  'POST /v1/vouchers/verify': {
    guard: 'pickup-point',
    openIds: true,
    build: async (w, reach) => {
      const voucher = await w.voucher(reach === 'foreign' ? 'shelter-b' : 'shelter-a');
      return {
        path: '/v1/vouchers/verify',
        body: { token: voucher.token, pickupPointId: PICKUP_POINTS[reach] },
      };
    },
  },
  'POST /v1/devices': {
    guard: 'pickup-point',
    openIds: true,
    build: async (_w, reach) => ({
      path: '/v1/devices',
      body: { pickupPointId: PICKUP_POINTS[reach], label: 'Desk phone' },
    }),
  },
  'GET /v1/devices': {
    guard: 'shelter',
    build: async (_w, reach) => ({ path: `/v1/devices?shelterId=${SHELTERS[reach]}` }),
  },
  'GET /v1/devices/{id}': {
    guard: 'device',
    build: async (w, reach) => ({ path: `/v1/devices/${(await deviceFor(w, reach))?.id ?? ABSENT_DEVICE}` }),
  },
  'POST /v1/devices/{id}/revoke': {
    guard: 'own-organisation-device',
    build: async (w, reach) => ({
      path: `/v1/devices/${(await deviceFor(w, reach))?.id ?? ABSENT_DEVICE}/revoke`,
      body: {},
    }),
  },
  'POST /v1/devices/{id}/release': {
    guard: 'own-organisation-device',
    build: async (w, reach) => ({
      path: `/v1/devices/${(await deviceFor(w, reach))?.id ?? ABSENT_DEVICE}/release`,
      body: {},
    }),
  },
  'POST /v1/devices/{id}/sign-off': {
    guard: 'device',
    build: async (w, reach) => ({
      path: `/v1/devices/${(await deviceFor(w, reach))?.id ?? ABSENT_DEVICE}/sign-off`,
      body: {},
    }),
  },
  'GET /v1/devices/{id}/pack': {
    guard: 'device',
    build: async (w, reach) => ({
      path: `/v1/devices/${(await deviceFor(w, reach))?.id ?? ABSENT_DEVICE}/pack`,
    }),
  },
  'POST /v1/devices/{id}/hand-back': {
    guard: 'device',
    build: async (w, reach) => ({
      path: `/v1/devices/${(await deviceFor(w, reach))?.id ?? ABSENT_DEVICE}/hand-back`,
      body: { voucherIds: [ABSENT_VOUCHER] },
    }),
  },
  'POST /v1/devices/{id}/sync': {
    guard: 'device',
    build: async (w, reach) => {
      const device = await deviceFor(w, reach);
      const voucher = await voucherFor(w, reach);
      const record =
        device === undefined
          ? offlineRecord(
              { id: ABSENT_DEVICE, secret: 'AAAA', key: '', pickupPointId: PICKUP_POINTS.absent, next: 1 },
              { id: voucher.id, lines },
            )
          : offlineRecord(device, { id: voucher.id, lines });
      return { path: `/v1/devices/${device?.id ?? ABSENT_DEVICE}/sync`, body: { records: [record] } };
    },
  },
  'GET /v1/conflicts': {
    guard: 'shelter',
    build: async (_w, reach) => ({ path: `/v1/conflicts?shelterId=${SHELTERS[reach]}&status=open` }),
  },
  'GET /v1/conflicts/{id}': {
    guard: 'conflict',
    build: async (w, reach) => ({ path: `/v1/conflicts/${await conflictFor(w, reach)}` }),
  },
  'POST /v1/conflicts/{id}/resolve': {
    guard: 'conflict',
    build: async (w, reach) => ({
      path: `/v1/conflicts/${await conflictFor(w, reach)}/resolve`,
      body: { outcome: 'no-goods', note: 'checked with both desks' },
    }),
  },
  'POST /v1/redemptions': {
    guard: 'pickup-point',
    openIds: true,
    build: async (w, reach) => {
      const voucher = await w.voucher(reach === 'foreign' ? 'shelter-b' : 'shelter-a');
      return { path: '/v1/redemptions', body: { token: voucher.token, pickupPointId: PICKUP_POINTS[reach] } };
    },
  },
  'POST /v1/vouchers': {
    guard: 'shelter',
    build: async (w, reach) => ({
      path: '/v1/vouchers',
      body: { shelterId: SHELTERS[reach], beneficiaryRef: w.watch.beneficiaryRef(), householdSize: 2, lines },
    }),
  },
  'POST /v1/vouchers/batch': {
    guard: 'shelter',
    build: async (w, reach) => ({
      path: '/v1/vouchers/batch',
      body: {
        vouchers: [
          { shelterId: SHELTERS[reach], beneficiaryRef: w.watch.beneficiaryRef(), householdSize: 2, lines },
        ],
      },
    }),
    // Each row has its own answer; the batch as a whole is 200.
    outcome: (result) =>
      result.status === 200
        ? Number((result.body.results as Array<{ status: number }>)[0]?.status)
        : result.status,
  },
  'GET /v1/vouchers': {
    guard: 'shelter',
    build: async (_w, reach) => ({ path: `/v1/vouchers?shelterId=${SHELTERS[reach]}` }),
    absentStatus: 200,
  },
  'GET /v1/vouchers/{id}': {
    guard: 'voucher',
    build: async (w, reach) => ({ path: `/v1/vouchers/${(await voucherFor(w, reach)).id}` }),
  },
  'POST /v1/vouchers/{id}/void': {
    guard: 'voucher',
    build: async (w, reach) => ({ path: `/v1/vouchers/${(await voucherFor(w, reach)).id}/void` }),
  },
  'GET /v1/vouchers/{id}/qr.svg': {
    guard: 'voucher',
    build: async (w, reach) => ({ path: `/v1/vouchers/${(await voucherFor(w, reach)).id}/qr.svg` }),
  },
  'GET /v1/vouchers/{id}/qr.png': {
    guard: 'voucher',
    build: async (w, reach) => ({ path: `/v1/vouchers/${(await voucherFor(w, reach)).id}/qr.png` }),
  },
  'GET /v1/vouchers/{id}/slip': {
    guard: 'voucher',
    build: async (w, reach) => ({ path: `/v1/vouchers/${(await voucherFor(w, reach)).id}/slip` }),
  },
  'POST /v1/rounds': {
    guard: 'role',
    build: async (w) => ({
      path: '/v1/rounds',
      body: {
        name: w.watch.bodyText('round'),
        shelterIds: ['shelter-a'],
        ...roundWindow(),
        rules: [{ itemId: 'rice', amount: 1, per: 'household' }],
      },
    }),
  },
  'GET /v1/rounds': { guard: 'role', build: async () => ({ path: '/v1/rounds?status=open' }) },
  'GET /v1/rounds/{id}': {
    guard: 'organisation',
    build: async (w, reach) => ({ path: `/v1/rounds/${await roundFor(w, reach, 'draft')}` }),
  },
  'PATCH /v1/rounds/{id}': {
    guard: 'organisation',
    build: async (w, reach) => ({
      path: `/v1/rounds/${await roundFor(w, reach, 'draft')}`,
      body: { name: w.watch.bodyText('renamed') },
    }),
  },
  'POST /v1/rounds/{id}/open': {
    guard: 'organisation',
    build: async (w, reach) => ({ path: `/v1/rounds/${await roundFor(w, reach, 'draft')}/open` }),
  },
  'POST /v1/rounds/{id}/close': {
    guard: 'organisation',
    // A first key's call: it records the close request (four eyes; the second key confirms).
    build: async (w, reach) => ({ path: `/v1/rounds/${await roundFor(w, reach, 'open')}/close` }),
  },
  'POST /v1/rounds/{id}/households': {
    guard: 'organisation',
    build: async (w, reach) => ({
      path: `/v1/rounds/${await roundFor(w, reach, 'open')}/households`,
      body: { households: [{ beneficiaryRef: w.watch.beneficiaryRef(), householdSize: 2 }] },
    }),
    // Each row has its own answer; the list as a whole is 200.
    outcome: (result) =>
      result.status === 200
        ? (result.body.results as Array<{ outcome: string }>)[0]?.outcome === 'issued'
          ? 200
          : 409
        : result.status,
  },
  'POST /v1/rounds/{id}/forecast': {
    guard: 'organisation',
    build: async (w, reach) => ({
      path: `/v1/rounds/${await roundFor(w, reach, 'open')}/forecast`,
      body: { households: [{ beneficiaryRef: w.watch.beneficiaryRef(), householdSize: 2 }] },
    }),
  },
  'GET /v1/rounds/{id}/reconciliation': {
    guard: 'organisation',
    build: async (w, reach) => ({ path: `/v1/rounds/${await roundFor(w, reach, 'open')}/reconciliation` }),
  },
  'POST /v1/beneficiaries/check': {
    guard: 'role',
    build: async (w) => ({
      path: '/v1/beneficiaries/check',
      body: { beneficiaryRefs: [w.watch.beneficiaryRef()] },
    }),
  },
  'GET /v1/beneficiaries/checks': {
    guard: 'role',
    build: async () => ({ path: '/v1/beneficiaries/checks?limit=5' }),
  },
  'POST /v1/people': {
    guard: 'role',
    // The caller's own organisation (none is named): a coordinator's volunteer at a point of its shelters.
    build: async (w) => ({
      path: '/v1/people',
      body: {
        displayName: w.watch.bodyText('person'),
        role: 'volunteer',
        scope: { pickupPointIds: ['pp-a1'] },
      },
    }),
  },
  'GET /v1/people': { guard: 'role', build: async () => ({ path: '/v1/people?status=invited' }) },
  'GET /v1/people/{id}': {
    guard: 'person',
    build: async (w, reach) => ({ path: `/v1/people/${await personFor(w, reach)}` }),
  },
  'PATCH /v1/people/{id}': {
    guard: 'person',
    build: async (w, reach) => ({
      path: `/v1/people/${await personFor(w, reach)}`,
      body: { displayName: w.watch.bodyText('renamed') },
    }),
  },
  'POST /v1/people/{id}/revoke': {
    guard: 'person',
    build: async (w, reach) => ({ path: `/v1/people/${await personFor(w, reach)}/revoke`, body: {} }),
  },
  'POST /v1/people/{id}/keys/{keyId}/revoke': {
    guard: 'person',
    build: async (w, reach) => {
      const personId = await personFor(w, reach);
      const keyId = reach === 'absent' ? 'zzzzzzzzzzzzzzzz' : await w.personKey(personId);
      return { path: `/v1/people/${personId}/keys/${keyId}/revoke`, body: {} };
    },
  },
  'POST /v1/people/{id}/invitations': {
    guard: 'person',
    build: async (w, reach) => ({
      path: `/v1/people/${await personFor(w, reach)}/invitations`,
      body: { expiresInMinutes: 15 },
    }),
  },
  'POST /v1/people/{id}/invitations/{invitationId}/revoke': {
    guard: 'person',
    build: async (w, reach) => {
      const personId = await personFor(w, reach);
      const invitationId =
        reach === 'absent' ? 'inv_01HZZZZZZZZZZZZZZZZZZZZZZZ' : (await w.invitation(personId)).id;
      return { path: `/v1/people/${personId}/invitations/${invitationId}/revoke`, body: {} };
    },
  },
  'POST /v1/invitations/accept': {
    guard: 'public',
    // A fresh code per call: each is exchanged once.
    build: async (w) => ({
      path: '/v1/invitations/accept',
      body: { code: (await w.invitation(await w.person('pp-a1'))).code },
    }),
  },
  'GET /v1/voucher-slips': {
    guard: 'voucher',
    build: async (w, reach) => ({ path: `/v1/voucher-slips?ids=${(await voucherFor(w, reach)).id}` }),
  },
};
