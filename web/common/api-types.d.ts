// The API as the pages see it. What the API sends and takes is typed by the generated client
// (clients/typescript/supplyline.d.ts, from the server's OpenAPI document: see api-contract.d.ts),
// so that a page reading a field the contract does not promise fails `npm run typecheck`. Error
// codes come from the server's own union (the document names problem types as text).

import type { Schema } from './api-contract.js';

export type { ErrorCode } from '../../shared/errors/app-errors.js';

export type KeyScope = Schema<'KeyScope'>;
export type Role = Schema<'Role'>;
export type RegisteredDevice = Schema<'RegisteredDevice'>;
export type DevicePack = Schema<'DevicePack'>;
export type HandBackResult = Schema<'HandBackResult'>;
export type Item = Schema<'Item'>;
export type ItemUnit = Schema<'ItemUnit'>;
export type Movement = Schema<'Movement'>;
export type MovementType = Schema<'MovementType'>;
export type OfflineRecord = Schema<'OfflineRecord'>;
export type SyncResponse = Schema<'SyncResponse'>;
export type SyncResult = Schema<'SyncResult'>;
export type PickupPoint = Schema<'PickupPoint'>;
export type Round = Schema<'Round'>;
export type HouseholdIssueResult = Schema<'HouseholdIssueResult'>;
export type HouseholdResult = Schema<'HouseholdResult'>;
export type Forecast = Schema<'RoundForecast'>;
/** A row the forecast would refuse, and why. */
export type ForecastRefusal = Forecast['refusals'][number];
export type HouseholdRefusal = Schema<'HouseholdRefusal'>;
export type RationRule = Schema<'RationRule'>;
export type Reconciliation = Schema<'RoundReconciliation'>;
export type Shelter = Schema<'Shelter'>;
export type StockView = Schema<'StockBalance'>;
export type VolunteerVoucherView = Schema<'VolunteerVoucher'>;
/** GET /v1/me: the calling key. */
export type Me = Schema<'Me'>;
/** GET /v1/reports/vouchers-today. */
export type VouchersToday = Schema<'VouchersToday'>;
/** POST /v1/redemptions. */
export type Redemption = Schema<'Redemption'>;

/** An RFC 9457 problem as the API answers it, with its extension members. */
export type Problem = Schema<'Problem'> & { [extension: string]: unknown };

/** One page of any listing. */
export interface Listing<T> {
  items: T[];
  nextCursor: string | null;
}
