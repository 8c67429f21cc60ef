/**
 * Single-table layout. Every record has `pk` and `sk`; records that must be listed carry `gsi1pk`
 * and `gsi1sk` (and gsi2, gsi3 where noted below); short-lived records carry `ttl` (epoch
 * seconds). No request path uses Scan.
 *
 * | record            | pk                         | sk                      | gsi1pk                    | gsi1sk               |
 * |-------------------|----------------------------|-------------------------|---------------------------|----------------------|
 * | organisation      | ORG#<orgId>                | META                    | ORGS                      | <orgId>              |
 * | API key           | KEY#<keyId>                | META                    | ORG#<orgId>#KEYS          | <keyId>              |
 * | person            | PERSON#<personId>          | META                    | PEOPLE                    | <orgId>#<personId>   |
 * | person's key      | PERSON#<personId>          | KEY#<keyId>             | -                         | -                    |
 * | person's device   | PERSON#<personId>          | DEVICE#<deviceId>       | -                         | -                    |
 * | invitation        | INVITATION#<invitationId>  | META                    | PERSON#<personId>#INVITATIONS | <invitationId>   |
 * | rate-limit count  | RATE#<purpose>#<pseudonym> | <windowStart>  (ttl)    | -                         | -                    |
 * | shelter           | SHELTER#<shelterId>        | META                    | SHELTERS                  | <shelterId>          |
 * | pickup point      | PP#<pickupPointId>         | META                    | SHELTER#<shelterId>#PPS   | <pickupPointId>      |
 * | item              | ITEM#<itemId>              | META                    | ITEMS                     | <itemId>             |
 * | barcode claim     | GTIN#<gtin14>              | META                    | -                         | -                    |
 * | stock balance     | STOCK                      | <shelterId>#<itemId>    | -                         | -                    |
 * | ledger movement   | SHELTER#<shelterId>        | MOVE#<ulid>             | -                         | -                    |
 * | transfer          | TRANSFER#<transferId>      | META                    | SHELTER#<from>#TRANSFERS  | <dispatchedAt>#<id>  |
 * | in transit        | TRANSIT                    | <toShelterId>#<transferId> | -                      | -                    |
 * | voucher           | VOUCHER#<voucherId>        | META                    | ORG#<orgId>#VOUCHERS      | <issuedAt>#<id>      |
 * | beneficiary data  | VOUCHER#<voucherId>        | BENEFICIARY  (ttl)      | -                         | -                    |
 * | voucher code      | CODE#<shortCode>           | META                    | -                         | -                    |
 * | idempotency       | IDEM#<keyId>#<key>         | META  (ttl)             | -                         | -                    |
 * | device            | DEVICE#<deviceId>          | META                    | SHELTER#<shelterId>#DEVICES | <deviceId>         |
 * | voucher lease     | VOUCHER#<voucherId>        | LEASE                   | SHELTER#<shelterId>#LEASES | <voucherId>         |
 * | device pool entry | DEVICE#<deviceId>          | POOL#<voucherId> (ttl once ended) | -               | -                    |
 * | synced record     | DEVICE#<deviceId>          | SYNC#<clientRedemptionId> | -                       | -                    |
 * | sync conflict     | CONFLICT#<conflictId>      | META                    | SHELTER#<shelterId>#CONFLICTS | <status>#<createdAt>#<id> |
 * | demo seed marker  | SEED#demo                  | META                    | -                         | -                    |
 * | event (feed)      | EVENTS                     | <seq>  (ttl)            | -                         | -                    |
 * | event marker      | EVENT#<eventId>            | META  (ttl)             | -                         | -                    |
 * | webhook           | WEBHOOK#<webhookId>        | META                    | WEBHOOKS                  | <orgId>#<webhookId>  |
 * | queued delivery   | WEBHOOK#<webhookId>        | PENDING#<seq>           | -                         | -                    |
 * | past delivery     | WEBHOOK#<webhookId>        | DONE#<seq>  (ttl)       | -                         | -                    |
 * | alert digest      | ALERTS#<shelterId>         | META                    | ALERTS                    | <shelterId>          |
 * | round             | ROUND#<roundId>            | META                    | ROUNDS                    | <createdAt>#<id>     |
 * | household claim   | ROUND#<roundId>            | HH#<beneficiaryHash>    | HH#<beneficiaryHash>      | <issuedAt>#<roundId> |
 * | frozen report     | ROUND#<roundId>            | REPORT                  | -                         | -                    |
 * | check log entry   | BCHECKS                    | <at>#<id>  (ttl 400 d)  | -                         | -                    |
 * | rate window       | RATE#<bucket>#<hourStart>  | META  (ttl)             | -                         | -                    |
 * | count session     | COUNT#<sessionId>          | META                    | SHELTER#<shelterId>#COUNTS | <createdAt>#<id>    |
 * | counted line      | COUNT#<sessionId>          | LINE#<itemId>           | -                         | -                    |
 *
 * Transfers are listed by sending shelter through gsi1 and by receiving shelter through gsi2
 * (`gsi2pk = SHELTER#<to>#INCOMING`, `gsi2sk = <dispatchedAt>#<id>`).
 *
 * Transfers still in transit are also listed once across the network, in one partition
 * (`TRANSIT`, by receiver): a copy of what each carries, put in its dispatch's transaction and
 * deleted in its receipt's. The transfer plan and the needs report read what is on the road to
 * every shelter in one paged Query, as the stock overview reads balances, never one per shelter.
 * Its writes are one per dispatch and one per receipt, far below a partition's ~1,000 writes/s.
 *
 * gsi2 is otherwise sparse: only vouchers still `issued` carry
 * `gsi2pk = SHELTER#<shelterId>#ISSUED` and `gsi2sk = <validUntil>#<id>`, and a voucher leaves
 * the index when it is redeemed, voided or expired. Read forwards, a shelter's partition is the
 * expiry sweeper's work list (the vouchers past their validity, oldest first); read whole, it is
 * the shelter's live vouchers, which hold its reserved stock (the offline pack's source, and the
 * vouchers a count below what is reserved names in its warning). One index for both: each
 * voucher write pays one index write, not two (issue 14 folded a third index, by shelter and
 * issue time, into this one). Vouchers issued before the split carry `gsi2pk = ISSUED`, one
 * partition for all shelters; each sweep moves them into their shelter's partition first.
 *
 * Beneficiary fields live in their own record so that retention is DynamoDB TTL: when a voucher
 * is redeemed, voided or expired, the event dispatcher sets that record's `ttl` to the voucher's
 * final time + the retention period and DynamoDB deletes it; reads ignore it from that time on.
 *
 * Why stock balances share one partition: the stock overview must read every balance of every
 * shelter in a few paged Query calls, never one call per shelter, and a balance update must not
 * pay for a secondary-index write (a redemption touches one balance per voucher line). A single
 * partition sustains ~1,000 writes/s, far above the distribution rate of any shelter network we
 * serve; past that, shard the partition key (`STOCK#<n>`).
 *
 * A household claim is "this household holds a voucher in this round": written in the voucher's
 * own transaction under `attribute_not_exists(pk)`, so two organisations sharing a round can never
 * both issue to one household. Its key holds only the keyed pseudonym of the reference. Through
 * gsi1 the claims of one household list its rounds newest first (the waiting period, "served
 * before?"); the round's partition lists its households (reconciliation, closing).
 * Ledger movements are keyed by ULID, so sort order is time order and time ranges are key ranges.
 *
 * "Served before?" calls are recorded in one partition in time order (admins read it newest
 * first), without the references. A key's hourly allowance of checked references is one counter
 * item per key and clock hour, updated under "room left", so every instance counts against it.
 *
 * A count session's partition holds the session and one line per item counted, so a session is
 * read whole, strongly consistent, in one Query (a draft continued on another device sees every
 * line entered). A line is written in one transaction with a change of the session (its version
 * raised, under "still counting"), so no line slips in after the session was submitted, and a
 * step (submit, approve, reject, cancel) replaces the session under "version unchanged".
 *
 * A person's partition holds the person and one link per key and device of theirs, each written
 * in the transaction that makes the key (accepting an invitation) or registers the device, under
 * "the person is not revoked". Revoking a person reads the partition strongly consistently: no key
 * or device of theirs committed before the revocation can be missed, and none can commit after it.
 */

export interface TableKey {
  pk: string;
  sk: string;
}

const META = 'META';

export const organizationKey = (orgId: string): TableKey => ({ pk: `ORG#${orgId}`, sk: META });
export const organizationListKey = () => 'ORGS';

export const apiKeyKey = (keyId: string): TableKey => ({ pk: `KEY#${keyId}`, sk: META });
export const apiKeyListKey = (orgId: string) => `ORG#${orgId}#KEYS`;

export const personKey = (personId: string): TableKey => ({ pk: `PERSON#${personId}`, sk: META });
export const peopleListKey = () => 'PEOPLE';
export const peopleListSort = (orgId: string, personId: string) => `${orgId}#${personId}`;
export const personPartition = (personId: string) => `PERSON#${personId}`;
export const PERSON_KEY_PREFIX = 'KEY#';
export const PERSON_DEVICE_PREFIX = 'DEVICE#';
export const personKeyLinkKey = (personId: string, keyId: string): TableKey => ({
  pk: `PERSON#${personId}`,
  sk: `${PERSON_KEY_PREFIX}${keyId}`,
});
export const personDeviceLinkKey = (personId: string, deviceId: string): TableKey => ({
  pk: `PERSON#${personId}`,
  sk: `${PERSON_DEVICE_PREFIX}${deviceId}`,
});
export const invitationKey = (invitationId: string): TableKey => ({
  pk: `INVITATION#${invitationId}`,
  sk: META,
});
export const personInvitationsKey = (personId: string) => `PERSON#${personId}#INVITATIONS`;
/** One fixed window of attempts by one (pseudonymised) source, for one purpose. */
export const shelterKey = (shelterId: string): TableKey => ({ pk: `SHELTER#${shelterId}`, sk: META });
export const shelterListKey = () => 'SHELTERS';

export const pickupPointKey = (pickupPointId: string): TableKey => ({ pk: `PP#${pickupPointId}`, sk: META });
export const pickupPointListKey = (shelterId: string) => `SHELTER#${shelterId}#PPS`;

export const itemKey = (itemId: string): TableKey => ({ pk: `ITEM#${itemId}`, sk: META });
export const itemListKey = () => 'ITEMS';
/**
 * A GTIN belongs to one item: its claim record (`itemId`) is written in the transaction that adds
 * the barcode to the item, under "absent", and deleted in the one that takes it off. Keyed by the
 * 14-digit form, so a UPC-A and the EAN-13 of the same product are one claim. It is also the
 * lookup from a scanned barcode to its item (one GetItem).
 */
export const barcodeKey = (gtin14: string): TableKey => ({ pk: `GTIN#${gtin14}`, sk: META });

export const STOCK_PARTITION = 'STOCK';
export const stockKey = (shelterId: string, itemId: string): TableKey => ({
  pk: STOCK_PARTITION,
  sk: `${shelterId}#${itemId}`,
});
export const stockShelterPrefix = (shelterId: string) => `${shelterId}#`;

export const movementKey = (shelterId: string, movementId: string): TableKey => ({
  pk: `SHELTER#${shelterId}`,
  sk: `MOVE#${movementId}`,
});
export const movementPartition = (shelterId: string) => `SHELTER#${shelterId}`;
export const MOVEMENT_PREFIX = 'MOVE#';

export const transferKey = (transferId: string): TableKey => ({ pk: `TRANSFER#${transferId}`, sk: META });
export const outgoingTransfersKey = (shelterId: string) => `SHELTER#${shelterId}#TRANSFERS`;
export const incomingTransfersKey = (shelterId: string) => `SHELTER#${shelterId}#INCOMING`;
export const IN_TRANSIT_PARTITION = 'TRANSIT';
export const inTransitKey = (toShelterId: string, transferId: string): TableKey => ({
  pk: IN_TRANSIT_PARTITION,
  sk: `${toShelterId}#${transferId}`,
});

export const voucherKey = (voucherId: string): TableKey => ({ pk: `VOUCHER#${voucherId}`, sk: META });
export const voucherListKey = (orgId: string) => `ORG#${orgId}#VOUCHERS`;
export const voucherCodeKey = (code: string): TableKey => ({ pk: `CODE#${code}`, sk: META });
export const voucherBeneficiaryKey = (voucherId: string): TableKey => ({
  pk: `VOUCHER#${voucherId}`,
  sk: 'BENEFICIARY',
});
/** The single issued-voucher partition of gsi2 before it was split by shelter (still swept). */
export const UNSPLIT_ISSUED_VOUCHERS = 'ISSUED';
export const issuedVoucherSort = (validUntil: string, voucherId: string) => `${validUntil}#${voucherId}`;
export const issuedAtShelterKey = (shelterId: string) => `SHELTER#${shelterId}#ISSUED`;

export const idempotencyKey = (apiKeyId: string, key: string): TableKey => ({
  pk: `IDEM#${apiKeyId}#${key}`,
  sk: META,
});

/**
 * Which record a key belongs to, for the table's stream: the records events are made from, and
 * `other` for the rest (the beneficiary record shares its voucher's partition, and a household
 * claim its round's, but both are `other`: their content never reaches the events code).
 */
export function streamedRecordOf(
  key: TableKey,
): 'voucher' | 'stock-balance' | 'transfer' | 'conflict' | 'round' | 'other' {
  if (key.pk === STOCK_PARTITION) return 'stock-balance';
  if (key.sk !== META) return 'other';
  if (key.pk.startsWith('VOUCHER#')) return 'voucher';
  if (key.pk.startsWith('TRANSFER#')) return 'transfer';
  if (key.pk.startsWith('CONFLICT#')) return 'conflict';
  // The round record only: its household claims (`HH#<pseudonym>`) and its report are `other`.
  if (key.pk.startsWith('ROUND#')) return 'round';
  return 'other';
}

/**
 * The event feed is one partition in dispatch order (`seq` is a ULID taken when the dispatcher
 * stores the event): events are few next to the writes that cause them, far below a partition's
 * ~1,000 writes/s. The marker keyed by the event's deterministic id makes storing idempotent.
 */
export const EVENT_FEED_PARTITION = 'EVENTS';
export const eventFeedKey = (seq: string): TableKey => ({ pk: EVENT_FEED_PARTITION, sk: seq });
export const eventMarkerKey = (eventId: string): TableKey => ({ pk: `EVENT#${eventId}`, sk: META });

export const webhookKey = (webhookId: string): TableKey => ({ pk: `WEBHOOK#${webhookId}`, sk: META });
export const webhookListKey = () => 'WEBHOOKS';
export const webhookListSort = (orgId: string, webhookId: string) => `${orgId}#${webhookId}`;
export const PENDING_DELIVERY_PREFIX = 'PENDING#';
export const DONE_DELIVERY_PREFIX = 'DONE#';
export const pendingDeliveryKey = (webhookId: string, seq: string): TableKey => ({
  pk: `WEBHOOK#${webhookId}`,
  sk: `${PENDING_DELIVERY_PREFIX}${seq}`,
});
export const doneDeliveryKey = (webhookId: string, seq: string): TableKey => ({
  pk: `WEBHOOK#${webhookId}`,
  sk: `${DONE_DELIVERY_PREFIX}${seq}`,
});

export const alertDigestKey = (shelterId: string): TableKey => ({ pk: `ALERTS#${shelterId}`, sk: META });
export const alertDigestListKey = () => 'ALERTS';
export const deviceKey = (deviceId: string): TableKey => ({ pk: `DEVICE#${deviceId}`, sk: META });
export const deviceListKey = (shelterId: string) => `SHELTER#${shelterId}#DEVICES`;

/**
 * Offline pools (issue 11). The lease record sits in its voucher's partition and is the one item
 * a conditional write can hold exclusively: a voucher is leased to at most one device because at
 * most one LEASE item exists per voucher, written under "absent, ended, or already mine". The
 * device's pool entries are what it was told it holds, each stamped with the cursor of its last
 * change, so a refresh's delta is the entries changed since the device's cursor; an entry that
 * ended stays a week as a tombstone (ttl) so a device offline that long still hears why.
 */
export const voucherLeaseKey = (voucherId: string): TableKey => ({ pk: `VOUCHER#${voucherId}`, sk: 'LEASE' });
export const shelterLeasesKey = (shelterId: string) => `SHELTER#${shelterId}#LEASES`;
export const POOL_PREFIX = 'POOL#';
export const poolEntryKey = (deviceId: string, voucherId: string): TableKey => ({
  pk: `DEVICE#${deviceId}`,
  sk: `${POOL_PREFIX}${voucherId}`,
});
export const devicePartition = (deviceId: string) => `DEVICE#${deviceId}`;
export const SYNC_PREFIX = 'SYNC#';
export const syncRecordKey = (deviceId: string, clientRedemptionId: string): TableKey => ({
  pk: `DEVICE#${deviceId}`,
  sk: `${SYNC_PREFIX}${clientRedemptionId}`,
});
export const conflictKey = (conflictId: string): TableKey => ({ pk: `CONFLICT#${conflictId}`, sk: META });
export const shelterConflictsKey = (shelterId: string) => `SHELTER#${shelterId}#CONFLICTS`;

export const roundKey = (roundId: string): TableKey => ({ pk: `ROUND#${roundId}`, sk: META });
export const roundListKey = () => 'ROUNDS';
export const roundPartition = (roundId: string) => `ROUND#${roundId}`;
export const HOUSEHOLD_CLAIM_PREFIX = 'HH#';
export const householdClaimKey = (roundId: string, beneficiaryHash: string): TableKey => ({
  pk: `ROUND#${roundId}`,
  sk: `${HOUSEHOLD_CLAIM_PREFIX}${beneficiaryHash}`,
});
export const householdRoundsKey = (beneficiaryHash: string) => `${HOUSEHOLD_CLAIM_PREFIX}${beneficiaryHash}`;
export const roundReportKey = (roundId: string): TableKey => ({ pk: `ROUND#${roundId}`, sk: 'REPORT' });

export const BENEFICIARY_CHECKS_PARTITION = 'BCHECKS';
export const beneficiaryCheckKey = (at: string, id: string): TableKey => ({
  pk: BENEFICIARY_CHECKS_PARTITION,
  sk: `${at}#${id}`,
});
export const rateWindowKey = (bucket: string, windowStart: string): TableKey => ({
  pk: `RATE#${bucket}#${windowStart}`,
  sk: META,
});

export const countSessionKey = (sessionId: string): TableKey => ({ pk: `COUNT#${sessionId}`, sk: META });
export const countSessionPartition = (sessionId: string) => `COUNT#${sessionId}`;
export const COUNT_LINE_PREFIX = 'LINE#';
export const countLineKey = (sessionId: string, itemId: string): TableKey => ({
  pk: `COUNT#${sessionId}`,
  sk: `${COUNT_LINE_PREFIX}${itemId}`,
});
export const shelterCountSessionsKey = (shelterId: string) => `SHELTER#${shelterId}#COUNTS`;

export const demoSeedKey = (): TableKey => ({ pk: 'SEED#demo', sk: META });
export const healthProbeKey = (): TableKey => ({ pk: 'HEALTH', sk: META });
