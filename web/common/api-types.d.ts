// The API as the pages see it, taken from the server's own types wherever they are plain zod
// schemas (shared/domain, shared/errors), so that a page reading a field or reacting to an error
// code the server does not have fails `npm run typecheck`.

export type { KeyScope, Role } from '../../shared/domain/api-key.js';
export type { RegisteredDevice } from '../../shared/domain/device.js';
export type { DevicePack, HandBackResult } from '../../shared/domain/device-pack.js';
export type { RationRule } from '../../shared/domain/entitlement-rules.js';
export type { Item, ItemUnit } from '../../shared/domain/item.js';
export type { Movement, MovementType } from '../../shared/domain/movement.js';
export type { OfflineRecord, SyncResponse, SyncResult } from '../../shared/domain/offline-sync.js';
export type { PickupPoint } from '../../shared/domain/pickup-point.js';
export type { Round } from '../../shared/domain/round.js';
export type {
  HouseholdIssueResult,
  HouseholdRefusal,
  HouseholdResult,
} from '../../shared/domain/round-households.js';
export type { Forecast, ForecastRefusal, Reconciliation } from '../../shared/domain/round-report.js';
export type { Shelter } from '../../shared/domain/shelter.js';
export type { StockView } from '../../shared/domain/stock.js';
export type { VolunteerVoucherView } from '../../shared/domain/voucher.js';
export type { ErrorCode } from '../../shared/errors/app-errors.js';
export type { Problem } from '../../shared/errors/problem-details.js';

import type { Principal } from '../../shared/domain/api-key.js';

/** GET /v1/me: the calling key. */
export type Me = Pick<Principal, 'keyId' | 'role' | 'orgId' | 'scope'>;

/** One page of any listing. */
export interface Listing<T> {
  items: T[];
  nextCursor: string | null;
}

// The two below are declared in route and use-case files that also bring the stores' types, which
// a browser check cannot load; only the fields the pages read are named here.

/** GET /v1/reports/vouchers-today (shared/usecases/vouchers-today.ts `VouchersTodayReport`). */
export interface VouchersToday {
  shelters: Array<{ shelterId: string; issued: number; redeemed: number }>;
}

/** POST /v1/redemptions (shared/http/routes/redemptions.ts `redemptionSchema`). */
export interface Redemption {
  voucherId: string;
  redeemedAt: string;
}
