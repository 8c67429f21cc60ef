import { AlertStore } from './alert-store.js';
import { ApiKeyStore } from './api-key-store.js';
import { BeneficiaryCheckStore } from './beneficiary-check-store.js';
import { BeneficiaryStore } from './beneficiary-store.js';
import { ConflictStore } from './conflict-store.js';
import { DeliveryStore } from './delivery-store.js';
import { DeviceStore } from './device-store.js';
import { EventStore } from './event-store.js';
import { HealthStore } from './health-store.js';
import { IdempotencyStore } from './idempotency-store.js';
import { InTransitStore } from './in-transit-store.js';
import { ItemStore } from './item-store.js';
import { LeaseStore } from './lease-store.js';
import { MovementStore } from './movement-store.js';
import { OrganizationStore } from './organization-store.js';
import { RateLimitStore } from './rate-limit-store.js';
import { RoundStore } from './round-store.js';
import { ShelterStore } from './shelter-store.js';
import { StockStore } from './stock-store.js';
import { SyncStore } from './sync-store.js';
import type { TableContext } from './table-context.js';
import { TransferStore } from './transfer-store.js';
import { VoucherStore } from './voucher-store.js';
import { WebhookStore } from './webhook-store.js';

/**
 * A store only a route group loaded on first use needs (issue 14): its module, and the schemas it
 * parses records with, load on its first use, never at a cold start. Built once per process; a
 * failed load is tried again on the next use.
 */
function onFirstUse<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | undefined;
  return () => {
    loading ??= load().catch((err: unknown) => {
      loading = undefined;
      throw err;
    });
    return loading;
  };
}

/** Every store over one table; built once per process and passed to use cases by name. */
/** `beneficiaryRetentionSeconds`: how long beneficiary fields outlive a voucher's final state. */
export function createStores(table: TableContext, beneficiaryRetentionSeconds = 30 * 86_400) {
  const peopleStores = onFirstUse(() =>
    import('./people-stores.js').then((m) => m.createPeopleStores(table)),
  );
  const countSessions = onFirstUse(() =>
    import('./count-session-store.js').then((m) => new m.CountSessionStore(table)),
  );
  return {
    apiKeys: new ApiKeyStore(table),
    health: new HealthStore(table),
    organizations: new OrganizationStore(table),
    shelters: new ShelterStore(table),
    items: new ItemStore(table),
    stock: new StockStore(table),
    movements: new MovementStore(table),
    transfers: new TransferStore(table),
    inTransit: new InTransitStore(table),
    idempotency: new IdempotencyStore(table),
    vouchers: new VoucherStore(table),
    beneficiaries: new BeneficiaryStore(table, beneficiaryRetentionSeconds),
    events: new EventStore(table),
    webhooks: new WebhookStore(table),
    deliveries: new DeliveryStore(table),
    alerts: new AlertStore(table),
    devices: new DeviceStore(table),
    leases: new LeaseStore(table),
    syncs: new SyncStore(table),
    conflicts: new ConflictStore(table),
    rounds: new RoundStore(table),
    beneficiaryChecks: new BeneficiaryCheckStore(table),
    rateLimits: new RateLimitStore(table),
    /**
     * People and invitations: loaded on first use (a person's /v1/me, display
     * names in a listing, the administration group), never at a cold start:
     * `await stores.people()`.
     */
    people: () => peopleStores().then((loaded) => loaded.people),
    invitations: () => peopleStores().then((loaded) => loaded.invitations),
    /** Count sessions (issue 23): loaded with their route group, never at a cold start. */
    countSessions,
    /** An organisation's keys, for the admin page (loaded with the people stores). */
    apiKeyList: () => peopleStores().then((loaded) => loaded.apiKeyList),
  };
}

export type Stores = ReturnType<typeof createStores>;
