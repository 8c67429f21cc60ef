// Generated from clients/openapi.json by `npm run generate:client`. Do not edit.

export interface paths {
    "/v1/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Liveness and table reachability
         * @description Answers 200 when the table answers a key read, 503 (with Retry-After) when it does not.
         */
        get: operations["getHealth"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The calling key: its role, organisation and scope, and its person
         * @description Lets a client (the /scan and /dashboard pages) check a key and learn what it may do, e.g. which pickup points a volunteer serves.
         *
         *     Roles: admin, coordinator, volunteer, logistics.
         */
        get: operations["getMe"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/shelters": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List shelters in the key’s scope
         * @description Location fields of confidential shelters are shown to admins only.
         *
         *     Roles: admin, coordinator, volunteer, logistics.
         */
        get: operations["listShelters"];
        put?: never;
        /**
         * Register a shelter
         * @description Roles: admin.
         */
        post: operations["createShelter"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/shelters/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One shelter
         * @description Roles: admin, coordinator, volunteer, logistics.
         */
        get: operations["getShelter"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Change a shelter (population, capacity, name, location, confidentiality, offline mode, window and silent-phone time)
         * @description Roles: admin.
         */
        patch: operations["updateShelter"];
        trace?: never;
    };
    "/v1/shelters/{id}/pickup-points": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Pickup points of a shelter
         * @description Roles: admin, coordinator, volunteer, logistics.
         */
        get: operations["listPickupPoints"];
        put?: never;
        /**
         * Add a pickup point to a shelter
         * @description Roles: admin.
         */
        post: operations["createPickupPoint"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/items": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The item catalogue
         * @description Roles: admin, coordinator, volunteer, logistics.
         */
        get: operations["listItems"];
        put?: never;
        /**
         * Add an item to the catalogue
         * @description With `barcodes`, each GTIN is claimed for the item in the same write: one another item has is refused with 409 (`itemId` names that item) and nothing is added.
         *
         *     Roles: admin.
         */
        post: operations["createItem"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/items/by-code": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The item a scanned barcode or item label names
         * @description For the desk: a keyboard-wedge scanner types a barcode then Enter, or a camera reads a package’s GS1 code or a printed Supplyline item label. The code travels in the query, not the path, so it is in no access log. 400 when it is no GTIN (a wrong check digit: scan again) nor a label; 404 when no item has that barcode yet (add it with PATCH /v1/items/{id}).
         *
         *     Roles: admin, coordinator, volunteer, logistics.
         */
        get: operations["findItemByCode"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/items/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One catalogue item
         * @description Roles: admin, coordinator, volunteer, logistics.
         */
        get: operations["getItem"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Change an item: names and daily need (admins), barcodes and pack sizes (admins, logistics)
         * @description A list sent replaces the stored one: send every barcode (every pack size) the item should have. A barcode another item has is refused with 409 (`itemId` names that item) and nothing changes. A logistics key sending any other field is refused with 403.
         *
         *     Roles: admin, logistics.
         */
        patch: operations["updateItem"];
        trace?: never;
    };
    "/v1/items/{id}/label.svg": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A printable QR label of an item, for goods without a barcode
         * @description The QR code holds `supplyline:item:<itemId>` and nothing else; beside it the item’s names, unit, pack sizes and id. `layout=single`: one 70 × 37 mm label; `layout=a4-sheet`: 24 of them on an A4 page (3 × 8, the common label stock). The answer names the payload in `X-Label-Payload`.
         *
         *     Roles: admin, coordinator, volunteer, logistics.
         */
        get: operations["getItemLabelSvg"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/shelters/{id}/receipts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Record stock received at a shelter
         * @description Roles: logistics.
         */
        post: operations["recordReceipt"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/shelters/{id}/adjustments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Correct stock (damaged, expired, lost, count, other), signed quantities
         * @description Refused with 409 `insufficient-stock`, naming the items, if on-hand stock would go below zero.
         *
         *     Roles: logistics.
         */
        post: operations["recordAdjustment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/shelters/{id}/counts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Record a physical count; differences become count adjustments
         * @description A count below what vouchers reserved is recorded (it is what is on the shelf) and answered with a warning per item naming the vouchers it no longer backs.
         *
         *     Roles: logistics.
         */
        post: operations["recordCount"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/transfers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A shelter’s transfers, newest first: sent (outgoing) or coming (incoming)
         * @description With `status=in_transit`: the stock on its way, which no shelter’s balance shows.
         *
         *     Roles: logistics, admin.
         */
        get: operations["listTransfers"];
        put?: never;
        /**
         * Dispatch stock to another shelter (it leaves the sender at once)
         * @description Only available stock (on hand minus reserved) can be sent; otherwise 409 `insufficient-stock`.
         *
         *     Roles: logistics.
         */
        post: operations["dispatchTransfer"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/transfers/{id}/receive": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Receive a transfer with the quantities that arrived
         * @description Differences from what was sent are recorded as discrepancies. A second receipt answers 409.
         *
         *     Roles: logistics.
         */
        post: operations["receiveTransfer"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/transfers/{id}/waybill.svg": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The transfer’s waybill to print (A4 SVG), with the QR code that opens its receive form
         * @description From, to (a confidential shelter’s location left off, admins excepted), vehicle, the driver’s note, the lines with a column to write what arrived, boxes to sign. The QR code holds the desk’s receive form of this transfer, `<origin>/desk#transfer=<id>`, also sent as `X-Waybill-Url`. For keys that reach either end.
         *
         *     Roles: logistics, admin.
         */
        get: operations["getTransferWaybillSvg"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/transfers/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One transfer
         * @description Roles: logistics, admin.
         */
        get: operations["getTransfer"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/stock": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Stock balances with available, low-stock flag and days of cover
         * @description Filter by shelter, item (one item across every shelter) or category. Keys scoped to some shelters see only those. With itemId or category filters a page can hold fewer rows than `limit` and still have a `nextCursor`.
         *
         *     Roles: logistics, coordinator, admin.
         */
        get: operations["listStock"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/shelters/{id}/stock/{itemId}/threshold": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Set (or clear, with null) the low-stock threshold and the cover warning days of an item at a shelter
         * @description Send either or both: a field left out is left as it is. The cover warning days here come before the shelter’s own (`PUT /v1/shelters/{id}/cover-warning-days`).
         *
         *     Roles: logistics.
         */
        put: operations["setLowStockThreshold"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/shelters/{id}/movements": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The ledger of a shelter, in time order
         * @description Roles: logistics, admin.
         */
        get: operations["listMovements"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/shelters/{id}/movements/{movementId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One ledger entry: a receipt to print, a transfer’s arrival
         * @description A receipt (`POST /v1/shelters/{id}/receipts`) answers its ledger entry; this reads it again by its `id`.
         *
         *     Roles: logistics, admin.
         */
        get: operations["getMovement"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/reports/stock.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Stock report as CSV with an HXL hashtag row
         * @description Roles: logistics, coordinator, admin.
         */
        get: operations["getStockReportCsv"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/shelters/{id}/cover-warning-days": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Set a shelter’s cover warning level (days of cover under which its stock warns)
         * @description An item’s own level at the shelter (`PUT /v1/shelters/{id}/stock/{itemId}/threshold`, `coverWarningDays`) comes first. A logistics lead sets it for the shelters of the key; the shelter records who and when.
         *
         *     Roles: logistics, admin.
         */
        put: operations["setCoverWarningDays"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/shelters/{id}/alert-recipients": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Who the shelter’s stock alerts reach: the digest’s addresses and the webhooks
         * @description The digest (at most one an hour per shelter) goes to every subscription of the stock-alert topic, confirmed or not yet; the webhooks are those of any organisation that subscribe to this shelter’s stock.low, stock.out or stock.cover-low (their host only).
         *
         *     Roles: logistics, admin.
         */
        get: operations["getAlertRecipients"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/reports/vouchers-today": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Vouchers issued and redeemed today, per shelter (counts only)
         * @description Today is the calendar day at `utcOffsetMinutes` (default 420: Cambodia, UTC+07:00). Counts only: no voucher or household data.
         *
         *     Roles: logistics, admin.
         */
        get: operations["getVouchersToday"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/vouchers/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Check a scanned token or typed code: status and what to hand over (no side effects)
         * @description Problem types: voucher-unreadable (422: not a token at all, scan again), voucher-forged, voucher-tampered, voucher-code-invalid (422), voucher-not-found (404), voucher-already-redeemed (409, with redeemedAt, pickupPointId, and deviceId when the handover named its device), voucher-void, voucher-expired, voucher-not-yet-valid (409), voucher-wrong-shelter (422), voucher-held-by-device (409: another device holds it offline; `holder` names it, and it is asked to hand the voucher back). An unknown pickupPointId is 404 not-found; a known one outside the key’s scope 403.
         *
         *     Roles: volunteer.
         */
        post: operations["verifyVoucher"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/redemptions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Redeem a voucher at a pickup point, exactly once
         * @description Send an Idempotency-Key so a retry on a bad network is safe. Problem types: voucher-unreadable (422: not a token at all, scan again), voucher-forged, voucher-tampered, voucher-code-invalid (422), voucher-not-found (404), voucher-already-redeemed (409, with redeemedAt, pickupPointId, and deviceId when the handover named its device), voucher-void, voucher-expired, voucher-not-yet-valid (409), voucher-wrong-shelter (422), voucher-held-by-device (409: another device holds it offline; `holder` names it, and it is asked to hand the voucher back). An unknown pickupPointId is 404 not-found; a known one outside the key’s scope 403.
         *
         *     Roles: volunteer.
         */
        post: operations["redeemVoucher"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/voucher-keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Public keys that verify voucher tokens offline (JWK set)
         * @description Token layout: version byte, key-id length and key id, 16-byte voucher ULID, 4-byte expiry (Unix s), 64-byte Ed25519 signature; base64url.
         */
        get: operations["getVoucherKeys"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/vouchers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Your organisation’s vouchers, newest first
         * @description Roles: coordinator.
         */
        get: operations["listVouchers"];
        put?: never;
        /**
         * Issue a voucher (reserves its lines at the shelter)
         * @description When available stock cannot honour it: 409 `insufficient-stock` listing each short item, and nothing is reserved.
         *
         *     Roles: coordinator.
         */
        post: operations["issueVoucher"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/vouchers/batch": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Issue up to 500 vouchers, each all-or-nothing, with a result per row
         * @description Roles: coordinator.
         */
        post: operations["issueVoucherBatch"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/vouchers/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One of your organisation’s vouchers
         * @description Roles: coordinator.
         */
        get: operations["getVoucher"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/vouchers/{id}/void": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Cancel a voucher (releases its reservation)
         * @description Roles: coordinator.
         */
        post: operations["voidVoucher"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/vouchers/{id}/qr.svg": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The voucher’s QR code as SVG (the signed token, nothing personal)
         * @description Roles: coordinator.
         */
        get: operations["getVoucherQrSvg"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/vouchers/{id}/qr.png": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The voucher’s QR code as PNG
         * @description Roles: coordinator.
         */
        get: operations["getVoucherQrPng"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/vouchers/{id}/slip": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A printable slip for one voucher (HTML, A4)
         * @description Roles: coordinator.
         */
        get: operations["getVoucherSlip"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/voucher-slips": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Printable slips for up to 48 vouchers, eight per A4 page, English and Khmer
         * @description Roles: coordinator.
         */
        get: operations["getVoucherSlips"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/organizations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List partner organisations
         * @description Roles: admin.
         */
        get: operations["listOrganizations"];
        put?: never;
        /**
         * Register a partner organisation
         * @description Roles: admin.
         */
        post: operations["createOrganization"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/api-keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * An organisation’s keys (never a secret, nor its hash)
         * @description In key-id order. `kind=machine` lists the keys made with POST /v1/api-keys (partner systems, scripts); `kind=person` the keys people made from an invitation (also listed with their person: GET /v1/people/{id}). A page may hold fewer than `limit` when filters leave some out: follow `nextCursor`.
         *
         *     Roles: admin.
         */
        get: operations["listApiKeys"];
        put?: never;
        /**
         * Issue an API key (the secret is returned once)
         * @description A volunteer key must name its `scope.pickupPointIds`, a coordinator or logistics key its `scope.shelterIds` (a list, or `"*"` for all); an admin key takes no scope. A missing scope is a 400 naming the field.
         *
         *     Roles: admin.
         */
        post: operations["createApiKey"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/api-keys/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Revoke an API key
         * @description Takes effect at once on the instance that serves this request, and everywhere within API_KEY_CACHE_SECONDS.
         *
         *     Roles: admin.
         */
        delete: operations["revokeApiKey"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/people": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The people the caller manages
         * @description By organisation, then in the order they were added. An admin manages everyone; a coordinator the volunteers of its own organisation whose pickup points are all at its shelters (anyone else answers 404). A page may hold fewer than `limit` when filters leave some out: follow `nextCursor`.
         *
         *     Roles: admin, coordinator.
         */
        get: operations["listPeople"];
        put?: never;
        /**
         * Add a person (staff: a display name, a role and a scope; no other personal data)
         * @description They hold no key yet: create an invitation for them. An admin manages everyone; a coordinator the volunteers of its own organisation whose pickup points are all at its shelters (anyone else answers 404). A coordinator adds volunteers of its own organisation at pickup points of its own shelters (anything else is 403).
         *
         *     Roles: admin, coordinator.
         */
        post: operations["createPerson"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/people/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A person, with their keys, devices and latest invitations (never a secret)
         * @description An admin manages everyone; a coordinator the volunteers of its own organisation whose pickup points are all at its shelters (anyone else answers 404).
         *
         *     Roles: admin, coordinator.
         */
        get: operations["getPerson"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Rename a person, or change their role or scope (every key of theirs follows)
         * @description A new role or scope reaches their keys at once on this instance, everywhere within API_KEY_CACHE_SECONDS. Nobody changes their own role or scope (409); a revoked person cannot change (409). An admin manages everyone; a coordinator the volunteers of its own organisation whose pickup points are all at its shelters (anyone else answers 404). A coordinator keeps a volunteer a volunteer, at its own shelters (403).
         *
         *     Roles: admin, coordinator.
         */
        patch: operations["updatePerson"];
        trace?: never;
    };
    "/v1/people/{id}/revoke": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Revoke a person and every key, device and invitation of theirs, for good
         * @description Refused at once on this instance, everywhere within API_KEY_CACHE_SECONDS. Their devices' leases end at once; offline handovers a device of theirs recorded before the revocation still sync, later ones become conflicts. Safe to send again: a revocation cut off part-way is finished, keeping the first one's time. Nobody revokes themselves (409). An admin manages everyone; a coordinator the volunteers of its own organisation whose pickup points are all at its shelters (anyone else answers 404).
         *
         *     Roles: admin, coordinator.
         */
        post: operations["revokePerson"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/people/{id}/keys/{keyId}/revoke": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Revoke one key of a person (a lost phone or laptop), and the scanning devices it registered
         * @description The person keeps their other keys; invite them again for a new device. The devices the key registered are revoked as lost: their leases end at once, every late record of theirs becomes a conflict. Refused at once on this instance, everywhere within API_KEY_CACHE_SECONDS. Safe to send again. Nobody revokes the key they are using (409). An admin manages everyone; a coordinator the volunteers of its own organisation whose pickup points are all at its shelters (anyone else answers 404).
         *
         *     Roles: admin, coordinator.
         */
        post: operations["revokePersonKey"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/people/{id}/invitations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A one-time link for the person, and its QR code (shown once)
         * @description The link opens the person's page (/scan for volunteers, /dashboard, /coordinator or /admin), which exchanges the code after `#invite=` for the person's own key (POST /v1/invitations/accept). The code is 256 random bits, stored only hashed, never logged, and cannot be read back; it works once, for `expiresInMinutes` (15 by default, for a code shown on a screen; up to 7 days for a link sent to staff). Takes no Idempotency-Key: the answer holds a secret, which is never stored; a retry makes a second invitation. A revoked person cannot be invited (409). An admin manages everyone; a coordinator the volunteers of its own organisation whose pickup points are all at its shelters (anyone else answers 404).
         *
         *     Roles: admin, coordinator.
         */
        post: operations["createInvitation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/people/{id}/invitations/{invitationId}/revoke": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Withdraw an invitation not used yet
         * @description Opening it then answers `invitation-revoked`, naming whom to ask. A used one is 409: its key is the person's now. An admin manages everyone; a coordinator the volunteers of its own organisation whose pickup points are all at its shelters (anyone else answers 404).
         *
         *     Roles: admin, coordinator.
         */
        post: operations["revokeInvitation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/invitations/accept": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Exchange an invitation code, once, for the person’s own key (public)
         * @description The page the link opens sends the code after `#invite=`. The answer holds the person’s key, shown this once: keep it on the device, never show it. Of any number of concurrent accepts of one code exactly one gets a key. Refusals say why and, when the code is ours, whom to ask (`invitedBy`: a display name and an organisation, nothing else): `invitation-invalid` (404: not a code of ours, or cut short), `invitation-used` (409), `invitation-expired` (410), `invitation-revoked` (410: withdrawn, or the person was revoked). Attempts are counted per source address (INVITATION_ACCEPTS_PER_MINUTE, 30 by default): past it, 429 `rate-limited` with Retry-After.
         */
        post: operations["acceptInvitation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhooks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The subscriptions of this organisation (every organisation’s for an admin)
         * @description Roles: admin, coordinator.
         */
        get: operations["listWebhooks"];
        put?: never;
        /**
         * Subscribe a URL to events (the signing secret is returned once)
         * @description Each event is POSTed as JSON, signed per Standard Webhooks (`webhook-id`, `webhook-timestamp`, `webhook-signature: v1,<base64 HMAC-SHA256>`), at least once and in order per subscription; failures are retried with exponential backoff for 24 hours, after which the subscription is disabled with the reason. The subscription hears its organisation’s voucher and round events and the stock and transfer events of the shelters the creating key reaches (narrowed by `shelterIds`). On AWS the URL must be https and resolve to public addresses only. A retry with the same Idempotency-Key answers the first subscription, secret included; the secret is kept encrypted and never shown again.
         *
         *     Roles: admin, coordinator.
         */
        post: operations["createWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhooks/{id}/rotate-secret": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A new signing secret (returned once), the current one signing beside it for an overlap
         * @description From now on deliveries are signed with the new secret, and, until the overlap ends (`overlapHours`, 24 by default), with the secrets it replaces as well: `webhook-signature` carries one `v1,…` signature per secret, space-separated, and a receiver accepts the delivery if any one verifies. Switch the receiver to the new secret within the overlap. `overlapHours: 0` retires every other secret at once (one leaked). At most three secrets sign at a time: a rotation that would make a fourth is refused (409). A retry with the same Idempotency-Key answers the first rotation, new secret included.
         *
         *     Roles: admin, coordinator.
         */
        post: operations["rotateWebhookSecret"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhooks/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One subscription: its status, and why it failed or was disabled
         * @description Roles: admin, coordinator.
         */
        get: operations["getWebhook"];
        put?: never;
        post?: never;
        /**
         * End a subscription (its queue and delivery history go with it)
         * @description Roles: admin, coordinator.
         */
        delete: operations["deleteWebhook"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhooks/{id}/enable": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Turn a disabled subscription back on
         * @description Events from now on are queued; what was abandoned can be redelivered one by one.
         *
         *     Roles: admin, coordinator.
         */
        post: operations["enableWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhooks/{id}/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A subscription’s deliveries: attempts, response codes, latency, next retry
         * @description Roles: admin, coordinator.
         */
        get: operations["listWebhookDeliveries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhooks/{id}/deliveries/{deliveryId}/redeliver": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send one delivery again now
         * @description The attempt is recorded on the delivery; the answer is the delivery afterwards (`status: delivered` if the receiver answered 2xx).
         *
         *     Roles: admin, coordinator.
         */
        post: operations["redeliverWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The event feed, for partners who cannot receive webhooks
         * @description The same events webhooks carry, oldest first, kept 7 days: this organisation’s voucher events and the stock and transfer events of the shelters this key reaches. Poll with the last `nextCursor` as `after`; an event appears about 2 seconds after its change.
         *
         *     Roles: admin, coordinator, logistics.
         */
        get: operations["readEvents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/devices": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Devices of a shelter
         * @description Roles: admin, coordinator, logistics.
         */
        get: operations["listDevices"];
        put?: never;
        /**
         * Register this phone at a pickup point of the key (the secret is shown once)
         * @description A retry with the same Idempotency-Key answers the first registration, secret included, and registers no second device; the secret is kept encrypted and never shown again.
         *
         *     Roles: volunteer.
         */
        post: operations["createDevice"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/devices/{id}/revoke": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Revoke a lost or stolen device, for good
         * @description Its leases end at once and its late records become conflicts. An admin revokes any device; a logistics lead any device at a shelter of its scope, whichever organisation it serves; a coordinator only its own organisation’s devices (another organisation’s phone at a shared shelter: 403, ask an admin or a logistics lead of the shelter).
         *
         *     Roles: admin, coordinator, logistics.
         */
        post: operations["revokeDevice"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/devices/{id}/release": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Hand a phone’s vouchers back to the shelter’s pool, signing it off for its volunteer
         * @description For a phone left silent (forgotten, its battery flat, its volunteer gone home without signing out), sooner than its shelter’s silentPhoneMinutes would: its leases end at once, so other desks can hand its vouchers over, online and, after their next refresh, offline. It is the phone’s own sign-off, done for it: its next pack, if it comes back, makes it active again. Not a revocation: what it hands over offline afterwards is booked when no other desk holds or redeemed the voucher, and becomes a conflict otherwise (a lost or stolen phone: revoke it). `released` is how many vouchers it held. Who may: as for a revocation (a coordinator only its own organisation’s phones). A revoked device is 409.
         *
         *     Roles: admin, coordinator, logistics.
         */
        post: operations["releaseDevice"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/devices/{id}/sign-off": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * End the day on this device
         * @description Roles: volunteer.
         */
        post: operations["signOffDevice"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/devices/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A device (no secret): to its own volunteer key, or those who manage its shelter
         * @description Roles: volunteer, admin, coordinator, logistics.
         */
        get: operations["getDevice"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/devices/{id}/pack": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The offline pack: keys, catalogue, and the vouchers this device may hand over offline
         * @description Also (re)assigns the shelter’s pools: under offlineMode "pools" a voucher is leased to at most one device until min(validUntil, lease + offlineWindowHours); a device silent (no pack, no sync) for longer than the shelter’s silentPhoneMinutes loses its leases at another device’s refresh, and its next pack lists them under `removed` (`lease-ended`). `pool` says how many vouchers this device holds, how many other devices hold and which. Without `since` (or with a cursor older than 6 days) the answer is full: replace the local list. With `since`, a delta: upsert `vouchers`, drop `removed`. Never holds a beneficiary field. A revoked device is 409.
         *
         *     Roles: volunteer.
         */
        get: operations["getDevicePack"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/devices/{id}/hand-back": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Give back vouchers this device holds and has not handed over
         * @description Safe to send again: a voucher already given back is listed under notHeld.
         *
         *     Roles: volunteer.
         */
        post: operations["handBackVouchers"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/devices/{id}/sync": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Commit offline handovers (up to 500), each at most once
         * @description No Idempotency-Key: every record is idempotent by its clientRedemptionId, and a replay answers what the first sync stored. Outcomes: redeemed (a redemption dated by deviceTime), conflict (nothing left stock; a logistics lead resolves it), rejected (not signed by this device; nothing stored). The device’s own key syncs it; a revoked device’s records may also be carried by a volunteer key serving its pickup point (their HMAC proves where they come from). A device revoked with its person: records dated before the revocation are booked, later ones are conflicts; a device revoked as lost or stolen: every late record is a conflict.
         *
         *     Roles: volunteer.
         */
        post: operations["syncDevice"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/conflicts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Offline handovers that could not become redemptions, by shelter and status
         * @description Coordinators see the conflicts of their organisation’s vouchers; logistics leads every one of their shelters.
         *
         *     Roles: admin, coordinator, logistics.
         */
        get: operations["listConflicts"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/conflicts/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A conflict: the voucher, both handovers, devices and times
         * @description Roles: admin, coordinator, logistics.
         */
        get: operations["getConflict"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/conflicts/{id}/resolve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Resolve a conflict with who and why
         * @description "goods-handed-out": the goods left twice; stock goes down by the offline lines as an adjustment with reason duplicate-handover. "no-goods": nothing moves. Resolved once (409 after).
         *
         *     Roles: admin, coordinator, logistics.
         */
        post: operations["resolveConflict"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/shelters/{id}/count-sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A shelter’s count sessions, newest first
         * @description status=counting lists the drafts a device can go on with.
         *
         *     Roles: logistics, admin.
         */
        get: operations["listCountSessions"];
        put?: never;
        /**
         * Start a count session at a shelter: every item, a category, or a list
         * @description Blind by default: while a session is counting, no read of it shows what the books say (`figuresShown` false), so counters count what is there, not what they expect. At most 90 items a session (one transaction posts it): count a larger catalogue by category. Lines are then entered from any device (PUT .../lines/{itemId}), the session submitted, and, where a line differs beyond its item's tolerance, approved by a second person.
         *
         *     Roles: logistics.
         */
        post: operations["createCountSession"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/count-sessions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A count session with every line (names in English and Khmer, units, who counted and when)
         * @description Blind by default: while a session is counting, no read of it shows what the books say (`figuresShown` false), so counters count what is there, not what they expect. Submitted sessions show each line reviewed against the books now (what an approval would post), posted ones what they posted. A session of a shelter outside the key's scope answers 404.
         *
         *     Roles: logistics, admin.
         */
        get: operations["getCountSession"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/count-sessions/{id}/lines/{itemId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Enter or change one counted line while the session is counting
         * @description Idempotent by nature (no Idempotency-Key): the same count sent again changes nothing and keeps its first time. Any device may enter any line, so a draft goes on from another phone. Send `countedAt` (the device clock) for a line counted offline and sent later: the line is compared with the books at that time. Who counted and when are kept. While the session is blind the answer holds no figure from the books.
         *
         *     Roles: logistics.
         */
        put: operations["enterCountLine"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/count-sessions/{id}/lines/{itemId}/reason": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Say why a line differs from the books (once submitted)
         * @description Every line beyond tolerance needs a reason before the session can be approved; giving one again replaces it. Idempotent by nature.
         *
         *     Roles: logistics.
         */
        put: operations["giveCountReason"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/count-sessions/{id}/submit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Submit a count: the differences, and the posting if every line is within tolerance
         * @description Every item needs a line first (409 `count-incomplete` names the rest). Each line is compared with the books at its count time; when every difference is within its item’s tolerance (default 2% or 1 unit, whichever is larger) the session posts now, one adjustment per item in one ledger entry. Otherwise it waits (`submitted`) for a reason on each line beyond tolerance and a second person’s approval; nothing moves until then.
         *
         *     Roles: logistics.
         */
        post: operations["submitCountSession"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/count-sessions/{id}/approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Approve a submitted count (a second person): it posts
         * @description Four eyes, per person: nobody approves a line they counted beyond tolerance (from any of their keys), and a machine key never approves (403 `count-needs-second-person`). Every line beyond tolerance needs a reason (409 `count-reasons-missing`). Posts in one transaction: each line adds counted − recorded at its count time to the balance now, so what moved since (a redemption) is kept. Of two approvals at once, one posts; the other is 409.
         *
         *     Roles: logistics.
         */
        post: operations["approveCountSession"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/count-sessions/{id}/reject": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send a submitted count back to counting, saying what to recount
         * @description Nothing posts. The lines stay, to be counted again where the note says.
         *
         *     Roles: logistics.
         */
        post: operations["rejectCountSession"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/count-sessions/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Cancel a count that has not posted; nothing ever posts from it
         * @description Roles: logistics.
         */
        post: operations["cancelCountSession"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/rounds": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Rounds your organisation shares, newest first
         * @description Roles: coordinator, admin.
         */
        get: operations["listRounds"];
        put?: never;
        /**
         * Create a distribution round (a draft) with its ration rules
         * @description A coordinator’s round is its own organisation’s, at shelters of its key’s scope; an admin may share a round across organisations (`organizationIds`). Bad rules are refused field by field (`body.rules.2.people`).
         *
         *     Roles: coordinator, admin.
         */
        post: operations["createRound"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/rounds/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One round
         * @description Roles: coordinator, admin.
         */
        get: operations["getRound"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Change a draft round (new rules raise rulesVersion)
         * @description Roles: coordinator, admin.
         */
        patch: operations["updateRound"];
        trace?: never;
    };
    "/v1/rounds/{id}/open": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Open a draft round: households can be issued from now on
         * @description Roles: coordinator, admin.
         */
        post: operations["openRound"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/rounds/{id}/close": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Close a round, four eyes: one key asks, a second key of the same organisation confirms
         * @description The first call records `closeRequest` (the round stays `open`). The same call by a different key of the requesting organisation closes it: every outstanding voucher is voided (past its validity: expired), its reservation released, and the reconciliation frozen. The same key twice, or a key of another organisation, is 409; a key whose scope leaves out a shelter of the round is 403 (it could not void those vouchers one by one either).
         *
         *     Roles: coordinator, admin.
         */
        post: operations["closeRound"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/rounds/{id}/households": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Issue vouchers to a household list (up to 5000, JSON or CSV), a result per row
         * @description Each household gets a voucher computed from the round’s rules, or a problem naming its row and field: `invalid`, `duplicate-in-list`, `already-in-round` (another organisation may hold it: nothing more is said), `waiting-period`, `insufficient-stock` (with the short items). Rows are idempotent without an Idempotency-Key: a household that already holds your voucher in this round answers with it (`replayed: true`), so sending the same list again issues nothing twice.
         *
         *     Roles: coordinator.
         */
        post: operations["issueRoundHouseholds"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/rounds/{id}/forecast": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * What a household list would need, per shelter and item, against available stock (stores nothing)
         * @description Roles: coordinator, admin.
         */
        post: operations["forecastRound"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/rounds/{id}/reconciliation": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Vouchers issued, redeemed, voided, expired and outstanding against stock that left the ledger
         * @description Per organisation, shelter and item. `?format=csv` answers CSV with an HXL hashtag row. A closed round answers the report frozen when it closed. A coordinator sees its own organisation’s rows.
         *
         *     Roles: coordinator, admin.
         */
        get: operations["getRoundReconciliation"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/beneficiaries/check": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Served before? For each reference: holds a voucher in an open round, and when it was last redeemed
         * @description Across every organisation, and nothing else: never which organisation, round or shelter. Changes nothing, so no Idempotency-Key. The references are pseudonymised at once and are never logged, stored or sent back: results come in request order. Every call is recorded for admins (who, when, how many references, how many matched; `GET /v1/beneficiaries/checks`), and a key may check at most 2,000 references an hour (the deployment may set another figure): past that, 429 with `Retry-After`.
         *
         *     Roles: coordinator.
         */
        post: operations["checkBeneficiaries"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/beneficiaries/checks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Who asked "served before?", when, about how many references, and how many matched
         * @description Newest first, kept 400 days. Never the references: the record is about the asking. Calls refused for the hourly limit are listed too (`refused-over-limit`).
         *
         *     Roles: admin.
         */
        get: operations["listBeneficiaryChecks"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/plans/transfers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Suggested transfers that even days of cover across shelters (what to move where)
         * @description Per item, each shelter needs population x daily need per person x `targetDays` - available - stock in transit to it, and can spare what is on its shelf beyond its own target. Spare stock goes to the lowest days of cover first, in whole units, with as few trips as the plan finds: no source is taken below its target, stock is conserved, and the lowest days of cover in the network is never lowered. A key scoped to some shelters plans among those only. Nothing is written: `POST /v1/transfers` with a trip’s `fromShelterId`, `toShelterId` and `lines` dispatches it.
         *
         *     Roles: logistics, admin.
         */
        get: operations["planTransfers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/reports/needs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * What each shelter is missing to reach N days of cover (for donors)
         * @description Per shelter and item, what is missing to reach `targetDays` of cover: population x daily need per person x days, less what is available (on hand minus reserved) and what is on its way. Only rows missing something; keys scoped to some shelters see those only, and confidential shelters’ locations reach admins only.
         *
         *     Roles: logistics, coordinator, admin.
         */
        get: operations["getNeedsReport"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/reports/needs.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The needs report as CSV with an HXL hashtag row
         * @description Per shelter and item, what is missing to reach `targetDays` of cover: population x daily need per person x days, less what is available (on hand minus reserved) and what is on its way. Only rows missing something; keys scoped to some shelters see those only, and confidential shelters’ locations reach admins only.
         *
         *     Roles: logistics, coordinator, admin.
         */
        get: operations["getNeedsReportCsv"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/scan": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Volunteer scanner page (HTML)
         * @description Scan or type a voucher, see what to hand over, confirm the handover. Signs in with a volunteer key.
         */
        get: operations["getScanPage"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/dashboard": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Logistics dashboard page (HTML)
         * @description Stock per shelter and item, stock over time, recent movements, vouchers today. Signs in with a logistics key.
         */
        get: operations["getDashboardPage"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/desk": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Logistics desk page: the logistics lead’s working page (HTML)
         * @description Beside the read-only /dashboard, the page where a logistics lead works: the offline conflicts at their shelter, each with what the phone recorded and what the server had, resolved as goods handed out or not. Sections are addressed by fragment (/desk#conflicts). Signs in with a logistics or admin key.
         */
        get: operations["getDeskPage"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/coordinator": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Coordinator page for distribution rounds (HTML)
         * @description Create a round from rule templates, upload a household CSV, see the forecast, issue, print the slips (A4, eight a sheet) and follow the reconciliation. Signs in with a coordinator key.
         */
        get: operations["getCoordinatorPage"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Admin page: organisations, people, partner keys, shelters, items, devices, webhooks (HTML)
         * @description One page for the platform’s set-up, on a phone or a laptop, in English and Khmer. An admin key sees every section; a coordinator key sees its own volunteers, devices and webhooks.
         */
        get: operations["getAdminPage"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/web/{folder}/{name}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A file of the pages or the docs: script, style sheet, icon, the jsQR decoder */
        get: operations["getWebFile"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/shared/rules/{name}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A rule the pages share with the server (short codes, the token layout...): its own module */
        get: operations["getSharedRule"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/scan-sw.js": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The scanner’s service worker: precaches /scan and its files so the page loads offline
         * @description Served at the origin’s root so that its scope covers /scan. It caches the page’s own files only; API calls always go to the network.
         */
        get: operations["getScanServiceWorker"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        Problem: {
            /** @example urn:supplyline:problem:validation */
            type: string;
            title: string;
            status: number;
            detail: string;
            requestId: string;
            errors?: {
                field: string;
                message: string;
            }[];
        } & {
            [key: string]: unknown;
        };
        Health: {
            /** @enum {string} */
            status: "ok";
            /** @enum {string} */
            table: "reachable";
        };
        Me: {
            keyId: string;
            /** @description A person’s key: whose it is (absent for a machine key). */
            personId?: string;
            /** @description A person’s key: what colleagues call them. */
            displayName?: string;
            role: components["schemas"]["Role"];
            orgId: string;
            scope: components["schemas"]["KeyScope"];
        };
        /** @enum {string} */
        Role: "admin" | "coordinator" | "volunteer" | "logistics";
        KeyScope: {
            shelterIds: "*" | string[];
            pickupPointIds: "*" | string[];
        };
        /** @description Location fields of a confidential shelter, and `createdBy`/`updatedBy` (key ids), are shown to admins only. */
        Shelter: {
            id: string;
            name: string;
            nameKm?: string;
            province?: string;
            provinceCode?: string;
            address?: string;
            latitude?: number;
            longitude?: number;
            capacity: number;
            population: number;
            confidential: boolean;
            coverWarningDays?: number;
            offlineMode?: components["schemas"]["OfflineMode"];
            /**
             * Format: int32
             * @default 12
             */
            offlineWindowHours: number;
            /** @default 120 */
            silentPhoneMinutes: number;
            /** Format: date-time */
            createdAt: string;
            createdBy?: string;
            /** Format: date-time */
            updatedAt: string;
            updatedBy?: string;
        };
        /**
         * @default pools
         * @enum {string}
         */
        OfflineMode: "pools" | "detect" | "online";
        CreateShelter: {
            /** @description Chosen id; generated from the name when absent. */
            id?: string;
            name: string;
            /** @description Name in Khmer, shown wherever Khmer is chosen (pages, slips). */
            nameKm?: string;
            /**
             * @description ADM1 name
             * @example Phnom Penh
             */
            province: string;
            /**
             * @description ISO 3166-2 code of the province
             * @example KH-12
             */
            provinceCode?: string;
            address?: string;
            latitude?: number;
            longitude?: number;
            /** Format: int32 */
            capacity: number;
            /** Format: int32 */
            population: number;
            /** @default false */
            confidential: boolean;
            /** @description Days of cover below which a balance raises `stock.cover-low` (webhooks, feed, alert digest); 3 when unset. */
            coverWarningDays?: number;
            offlineMode?: components["schemas"]["OfflineMode"] & unknown;
            /**
             * Format: int32
             * @description The longest a phone holds a voucher offline without a refresh; 12 when unset.
             */
            offlineWindowHours?: number;
            /** @description A phone silent (no pack refresh, no sync) for longer than this loses its vouchers to the other phones at their next refresh; 120 when unset. */
            silentPhoneMinutes?: number;
        };
        UpdateShelter: {
            name?: string;
            /** @description Name in Khmer, shown wherever Khmer is chosen (pages, slips). */
            nameKm?: string;
            /**
             * @description ADM1 name
             * @example Phnom Penh
             */
            province?: string;
            /**
             * @description ISO 3166-2 code of the province
             * @example KH-12
             */
            provinceCode?: string;
            address?: string;
            latitude?: number;
            longitude?: number;
            /** Format: int32 */
            capacity?: number;
            /** Format: int32 */
            population?: number;
            confidential?: boolean;
            /** @description Days of cover below which a balance raises `stock.cover-low` (webhooks, feed, alert digest); 3 when unset. */
            coverWarningDays?: number;
            offlineMode?: components["schemas"]["OfflineMode"];
            /** Format: int32 */
            offlineWindowHours?: number;
            /** @description A phone silent (no pack refresh, no sync) for longer than this loses its vouchers to the other phones at their next refresh; 120 when unset. */
            silentPhoneMinutes?: number;
        };
        PickupPoint: {
            id: string;
            shelterId: string;
            name: string;
            nameKm?: string;
            /** Format: date-time */
            createdAt: string;
            createdBy?: string;
        };
        CreatePickupPoint: {
            /** @description Chosen id; generated when absent. */
            id?: string;
            name: string;
            /** @description Name in Khmer, shown to volunteers who read Khmer. */
            nameKm?: string;
        };
        Item: {
            id: string;
            name: string;
            /** @description Name in Khmer, printed on voucher slips and shown to volunteers. */
            nameKm?: string;
            category: components["schemas"]["ItemCategory"];
            unit: components["schemas"]["ItemUnit"];
            /** @description Units one person needs per day (Sphere: water 15 L); enables days of cover. */
            dailyNeedPerPerson?: number;
            /** @description GTINs on the item’s packages (8, 12, 13 or 14 digits, check digit checked). Each belongs to one item of the catalogue; a GTIN another item has is refused with 409 naming that item. */
            barcodes?: string[];
            /** @description Packs the item comes in; receipts may count in them (`packs` of a `pack`). */
            packSizes?: components["schemas"]["PackSize"][];
            countTolerance?: components["schemas"]["CountTolerance"];
            /** Format: date-time */
            createdAt: string;
            createdBy?: string;
            /** Format: date-time */
            updatedAt?: string;
            updatedBy?: string;
        };
        /** @enum {string} */
        ItemCategory: "food" | "water" | "bedding" | "hygiene" | "other";
        /** @enum {string} */
        ItemUnit: "kg" | "L" | "piece" | "pack";
        PackSize: {
            /**
             * @description What the pack is called where it is counted.
             * @example case
             */
            name: string;
            /**
             * @description How many of the item’s unit one pack holds (whole numbers for pieces and packs).
             * @example 24
             */
            units: number;
        };
        /** @description How far a count session may find this item off the books without a second person’s approval. Default: 2% or 1 unit, whichever is larger. */
        CountTolerance: {
            /**
             * @description Share of the balance on record, in percent.
             * @example 2
             */
            percent: number;
            /**
             * @description At least this many units (kg, L, pieces, packs), however small the balance.
             * @example 1
             */
            units: number;
        };
        CreateItem: {
            /** @example rice */
            id: string;
            name: string;
            /** @description Name in Khmer, printed on voucher slips and shown to volunteers. */
            nameKm?: string;
            category: components["schemas"]["ItemCategory"];
            unit: components["schemas"]["ItemUnit"];
            /** @description Units one person needs per day (Sphere: water 15 L); enables days of cover. */
            dailyNeedPerPerson?: number;
            /** @description GTINs on the item’s packages (8, 12, 13 or 14 digits, check digit checked). Each belongs to one item of the catalogue; a GTIN another item has is refused with 409 naming that item. */
            barcodes?: string[];
            /** @description Packs the item comes in; receipts may count in them (`packs` of a `pack`). */
            packSizes?: components["schemas"]["PackSize"][];
            countTolerance?: components["schemas"]["CountTolerance"];
        };
        FoundItem: {
            item: components["schemas"]["Item"];
            /** @enum {string} */
            matchedBy: "barcode" | "item-label";
            /** @description The barcode that matched, as 14 digits. */
            gtin14?: string;
        };
        /** @description Admins may change every field; logistics leads the barcodes and pack sizes only (what they meet receiving a truck). The id, unit and category never change. */
        UpdateItem: {
            name?: string;
            /** @description Name in Khmer, printed on voucher slips and shown to volunteers. */
            nameKm?: string | null;
            /** @description Units one person needs per day (Sphere: water 15 L); enables days of cover. */
            dailyNeedPerPerson?: number | null;
            /** @description GTINs on the item’s packages (8, 12, 13 or 14 digits, check digit checked). Each belongs to one item of the catalogue; a GTIN another item has is refused with 409 naming that item. */
            barcodes?: string[];
            /** @description Packs the item comes in; receipts may count in them (`packs` of a `pack`). */
            packSizes?: components["schemas"]["PackSize"][];
        };
        Movement: {
            /** @description ULID: sorts in time order. */
            id: string;
            shelterId: string;
            type: components["schemas"]["MovementType"];
            reason?: components["schemas"]["AdjustmentReason"];
            note?: string;
            /** @description Receipts: where the stock came from (donor, supplier). */
            source?: string;
            /**
             * @description Receipts: given by a donor, or bought.
             * @enum {string}
             */
            sourceType?: "donor" | "purchase";
            /** @description Donor reference, delivery note, etc. */
            reference?: string;
            transferId?: string;
            voucherId?: string;
            pickupPointId?: string;
            /** @description Offline handovers: the device that handed over. */
            deviceId?: string;
            /** @description Offline handovers: the device's record number. */
            sequence?: number;
            clientRedemptionId?: string;
            /** @description Offline handovers: when the sync recorded it (`at` is the device time). */
            recordedAt?: string;
            conflictId?: string;
            /** @description Counts posted by a count session: the session (`GET /v1/count-sessions/{id}`). */
            countSessionId?: string;
            lines: {
                itemId: string;
                quantity: number;
                balanceAfter?: number;
                counted?: number;
                countedAt?: string;
                packs?: number;
                pack?: string;
                unitsPerPack?: number;
            }[];
            actorKeyId: string;
            /** @description The person whose key recorded it (absent for a machine key). */
            actorPersonId?: string;
            /** @description Listings: the display name of `actorPersonId` now. Never stored with the entry. */
            actorName?: string;
            orgId: string;
            at: string;
        };
        /** @enum {string} */
        MovementType: "receipt" | "adjustment" | "transfer_out" | "transfer_in" | "distribution";
        /** @enum {string} */
        AdjustmentReason: "damaged" | "expired" | "lost" | "count" | "duplicate-handover" | "transfer-discrepancy" | "other";
        Receipt: {
            /**
             * @description Who the stock came from: the donor or the supplier.
             * @example WFP Cambodia
             */
            source: string;
            /**
             * @description Given by a donor, or bought from the supplier named in `source`.
             * @enum {string}
             */
            sourceType?: "donor" | "purchase";
            /** @description The waybill or delivery note number, or the donor’s reference. */
            reference?: string;
            note?: string;
            lines: {
                itemId: string;
                /** @description In the item’s unit. */
                quantity?: number;
                /**
                 * Format: int32
                 * @description How many packs arrived; with `pack`, instead of `quantity`.
                 */
                packs?: number;
                /** @description The name of one of the item’s `packSizes` (`case`). */
                pack?: string;
            }[];
        };
        Adjustment: {
            /** @enum {string} */
            reason: "damaged" | "expired" | "lost" | "count" | "duplicate-handover" | "other";
            note?: string;
            lines: {
                itemId: string;
                quantity: number;
            }[];
        };
        CountResult: components["schemas"]["Movement"] & {
            warnings: components["schemas"]["CountWarning"][];
        };
        CountWarning: {
            itemId: string;
            reserved: number;
            counted: number;
            shortfall: number;
            /** @description Issued vouchers holding this item at this shelter, newest first, until their quantities cover the shortfall. */
            unbackedVoucherIds: string[];
        };
        Count: {
            note?: string;
            lines: {
                itemId: string;
                counted: number;
            }[];
        };
        Transfer: {
            id: string;
            fromShelterId: string;
            toShelterId: string;
            lines: {
                itemId: string;
                quantity: number;
            }[];
            note?: string;
            vehicle?: string;
            driverNote?: string;
            dispatchedAt: string;
            dispatchedBy: string;
            dispatchedByPersonId?: string;
            dispatchMovementId: string;
            /** @enum {string} */
            status: "in_transit";
        } | {
            id: string;
            fromShelterId: string;
            toShelterId: string;
            lines: {
                itemId: string;
                quantity: number;
            }[];
            note?: string;
            vehicle?: string;
            driverNote?: string;
            dispatchedAt: string;
            dispatchedBy: string;
            dispatchedByPersonId?: string;
            dispatchMovementId: string;
            /** @enum {string} */
            status: "received";
            receivedAt: string;
            receivedBy: string;
            receivedByPersonId?: string;
            receiveMovementId: string;
            discrepancyMovementId?: string;
            receivedLines: {
                itemId: string;
                quantity: number;
            }[];
            discrepancies: {
                itemId: string;
                sent: number;
                received: number;
                difference: number;
                reason?: components["schemas"]["DiscrepancyReason"];
                note?: string;
            }[];
        };
        /**
         * @description `damaged`: arrived unusable and not taken into stock; `lost` or `stolen` in transit; `miscounted-at-dispatch`: the sender counted wrong (more or less came); `other`, with a note saying what.
         * @enum {string}
         */
        DiscrepancyReason: "damaged" | "lost" | "stolen" | "miscounted-at-dispatch" | "other";
        DispatchTransfer: {
            fromShelterId: string;
            toShelterId: string;
            lines: {
                itemId: string;
                quantity: number;
            }[];
            note?: string;
            /**
             * @description The vehicle (plate, or which truck). Free text for staff (the driver, the logistics leads at both ends), printed on the waybill; never shown to the people served and never sent in events or webhooks. Write nothing about a person.
             * @example Truck 2C-4417
             */
            vehicle?: string;
            /**
             * @description What the driver needs to know on the way. Free text for staff (the driver, the logistics leads at both ends), printed on the waybill; never shown to the people served and never sent in events or webhooks. Write nothing about a person.
             * @example Gate code at the back entrance; call the lead on arrival.
             */
            driverNote?: string;
        };
        ReceiveTransfer: {
            lines: {
                itemId: string;
                /** @description What arrived, counted on arrival (0 if none). */
                quantity: number;
                reason?: components["schemas"]["DiscrepancyReason"] & unknown;
                /** @description What happened to this line; required with reason `other`. Free text for staff (the driver, the logistics leads at both ends), printed on the waybill; never shown to the people served and never sent in events or webhooks. Write nothing about a person. */
                note?: string;
            }[];
            note?: string;
        };
        /** @enum {string} */
        TransferStatus: "in_transit" | "received";
        StockBalance: {
            shelterId: string;
            itemId: string;
            category: string;
            unit?: string;
            onHand: number;
            reserved: number;
            /** @description onHand - reserved; negative means a shortfall. */
            available: number;
            /** @description How much reserved stock is not on hand (reserved - onHand, at least 0). */
            shortfall: number;
            lowStockThreshold: number | null;
            lowStock: boolean;
            /** @description available / (population × daily need per person); null when no need is known. */
            daysOfCover: number | null;
            /** @description Days of cover under which this balance raises `stock.cover-low`. */
            coverWarningDays: number;
            /**
             * @description Where that level is set: for this item at this shelter, for the shelter, or the default (3 days).
             * @enum {string}
             */
            coverWarningDaysFrom: "item" | "shelter" | "default";
            /** @description Days of cover are known and under the warning level. */
            coverLow: boolean;
            updatedAt: string;
        };
        LowStockThreshold: {
            /** @description Available stock at or under this is low (`stock.low`); null clears it. */
            lowStockThreshold?: number | null;
            /** @description Days of cover under which this item here raises `stock.cover-low`, instead of the shelter’s level; null follows the shelter’s again. */
            coverWarningDays?: number | null;
        };
        CoverWarningDays: {
            /** @description Days of cover under which a balance here raises `stock.cover-low`; null: the default, 3. */
            coverWarningDays: number | null;
        };
        AlertRecipients: {
            shelterId: string;
            digest: {
                /**
                 * @description `email`: the stock-alert topic’s subscriptions below get it; `log`: no topic is configured (a local run), the digest is written to the server log and reaches nobody.
                 * @enum {string}
                 */
                channel: "email" | "log";
                /**
                 * Format: int32
                 * @description At most one digest per shelter in this many minutes.
                 */
                everyMinutes: number;
                /** @description One list for every shelter: each recipient gets every shelter’s digest. */
                recipients: {
                    /** @example email */
                    protocol: string;
                    /** @example logistics@partner.example.org */
                    endpoint: string;
                    /** @description An address that has not confirmed its subscription gets nothing until it does. */
                    confirmed: boolean;
                }[];
                /**
                 * Format: int32
                 * @description Alerts waiting for this shelter’s next digest.
                 */
                pendingAlerts: number;
                lastSentAt: string | null;
            };
            /** @description Subscriptions of any organisation that hear this shelter’s stock.low, stock.out or stock.cover-low events. */
            webhooks: {
                id: string;
                orgId: string;
                description?: string;
                /** @description Where events are sent (the host only: a path may hold a token). */
                host: string;
                /** @description The stock alerts it subscribes to. */
                eventTypes: components["schemas"]["EventType"][];
                /** @enum {string} */
                status: "active" | "disabled";
            }[];
        };
        /** @enum {string} */
        EventType: "voucher.issued" | "voucher.redeemed" | "voucher.voided" | "voucher.expired" | "redemption.conflict" | "stock.low" | "stock.out" | "stock.cover-low" | "transfer.dispatched" | "transfer.received" | "round.opened" | "round.closed";
        VouchersToday: {
            /** @example 2026-11-27 */
            day: string;
            from: string;
            to: string;
            utcOffsetMinutes: number;
            /** @description Whose vouchers `issued` counts: the calling key’s organisation. */
            orgId: string;
            shelters: {
                shelterId: string;
                /** @description Vouchers of your organisation issued today. */
                issued: number;
                /** @description Vouchers redeemed today at the shelter, whichever organisation issued them. */
                redeemed: number;
            }[];
        };
        VolunteerVoucher: {
            voucherId: string;
            code: string;
            status: components["schemas"]["VoucherStatus"];
            shelterId: string;
            validUntil: string;
            lines: {
                itemId: string;
                name: string;
                unit: string;
                quantity: number;
            }[];
            redeemedAt?: string;
            pickupPointId?: string;
            /** @description Redeemed: the registered device that handed it over (offline, or online naming its device). A phone knows its own device ids, so it can tell its own handover from another desk’s. */
            deviceId?: string;
            /** @description Given a pickupPointId: issued, valid and at its shelter. */
            canRedeemHere?: boolean;
            /** @description Present when canRedeemHere is false: the problem type and detail a redemption at this pickup point would answer (for another shelter, `voucher-wrong-shelter`, naming the voucher’s shelter). */
            cannotRedeemHereBecause?: {
                /** @example urn:supplyline:problem:voucher-wrong-shelter */
                type: string;
                /** @example This voucher is for another shelter (shelter-a): send the person there. */
                detail: string;
            };
        };
        /** @enum {string} */
        VoucherStatus: "issued" | "redeemed" | "void" | "expired";
        VerifyVoucher: {
            token: string;
            pickupPointId?: string;
        } | {
            code: string;
            pickupPointId?: string;
        };
        Redemption: {
            voucherId: string;
            code: string;
            /** @enum {string} */
            status: "redeemed";
            shelterId: string;
            pickupPointId: string;
            lines: {
                itemId: string;
                quantity: number;
            }[];
            redeemedAt: string;
            movementId: string;
        };
        Redeem: {
            token: string;
            pickupPointId: string;
            /** @description The registered device (POST /v1/devices) of this key at this pickup point that hands over. Recorded on the voucher and answered back (verify, voucher-already-redeemed), so that phone recognises its own handover. */
            deviceId?: string;
        } | {
            code: string;
            pickupPointId: string;
            /** @description The registered device (POST /v1/devices) of this key at this pickup point that hands over. Recorded on the voucher and answered back (verify, voucher-already-redeemed), so that phone recognises its own handover. */
            deviceId?: string;
        };
        VoucherKeys: {
            activeKeyId: string;
            keys: {
                /** @enum {string} */
                kty: "OKP";
                /** @enum {string} */
                crv: "Ed25519";
                kid: string;
                x: string;
                /** @enum {string} */
                use: "sig";
                /** @enum {string} */
                alg: "EdDSA";
            }[];
        };
        Voucher: {
            id: string;
            /**
             * @description Short code to type when a camera fails.
             * @example K7QD-2M9X-4
             */
            code: string;
            /** @description Signed token, the QR payload. Holds no personal data. */
            token: string;
            orgId: string;
            shelterId: string;
            lines: {
                itemId: string;
                quantity: number;
            }[];
            /** @description null once retention has removed beneficiary fields. */
            householdSize: number | null;
            status: components["schemas"]["VoucherStatus"];
            validFrom: string;
            validUntil: string;
            issuedAt: string;
            /** @description The distribution round it was issued in. */
            roundId?: string;
            /** @description The version of the round’s rules its lines were computed from. */
            rulesVersion?: number;
            language?: components["schemas"]["SlipLanguage"];
            redeemedAt?: string;
            pickupPointId?: string;
            voidedAt?: string;
            /** @description Why the issuing organisation cancelled it. */
            voidReason?: string;
        };
        /**
         * @description Round vouchers: the language the household list named for its slips, besides English and Khmer.
         * @enum {string}
         */
        SlipLanguage: "en" | "km" | "vi" | "zh" | "th" | "id";
        IssueVoucher: {
            shelterId: string;
            /** @description Your own reference for the household. Pseudonymised before storage; never stored or logged raw. */
            beneficiaryRef: string;
            /** Format: int32 */
            householdSize: number;
            lines: {
                itemId: string;
                quantity: number;
            }[];
            /**
             * Format: date-time
             * @description Default: now.
             */
            validFrom?: string;
            /**
             * Format: date-time
             * @description Default: 14 days after validFrom.
             */
            validUntil?: string;
        };
        IssueVoucherBatchResult: {
            issued: number;
            failed: number;
            results: {
                index: number;
                status: number;
                voucher?: components["schemas"]["Voucher"];
                problem?: components["schemas"]["Problem"];
            }[];
        };
        IssueVoucherBatch: {
            vouchers: components["schemas"]["IssueVoucher"][];
        };
        VoidVoucher: {
            /** @description Why the voucher is cancelled, shown to coordinators. Never write personal data here. */
            reason?: string;
        };
        Organization: {
            id: string;
            name: string;
            /** Format: date-time */
            createdAt: string;
            createdBy: string;
        };
        CreateOrganization: {
            id: string;
            name: string;
        };
        CreatedApiKey: {
            id: string;
            kind?: components["schemas"]["KeyKind"];
            personId?: string;
            invitationId?: string;
            role: components["schemas"]["Role"];
            orgId: string;
            scope: components["schemas"]["KeyScope"];
            label: string;
            /** Format: date-time */
            createdAt: string;
            createdBy: string;
            /** Format: date-time */
            lastSeenAt?: string;
            /** Format: date-time */
            revokedAt?: string;
            revokedBy?: string;
            /** @description The secret. Shown once; store it now. */
            apiKey: string;
        };
        /**
         * @default machine
         * @enum {string}
         */
        KeyKind: "person" | "machine";
        CreateApiKey: {
            role: components["schemas"]["Role"];
            orgId: string;
            /** @description Required for every role but admin: a volunteer key names its `pickupPointIds`, a coordinator or logistics key its `shelterIds`, each a list or `"*"` (all). There is no default. */
            scope?: {
                shelterIds?: "*" | string[];
                pickupPointIds?: "*" | string[];
            };
            /** @example Kandal pickup volunteers */
            label: string;
        };
        ApiKey: {
            id: string;
            kind?: components["schemas"]["KeyKind"];
            personId?: string;
            invitationId?: string;
            role: components["schemas"]["Role"];
            orgId: string;
            scope: components["schemas"]["KeyScope"];
            label: string;
            /** Format: date-time */
            createdAt: string;
            createdBy: string;
            /** Format: date-time */
            lastSeenAt?: string;
            /** Format: date-time */
            revokedAt?: string;
            revokedBy?: string;
        };
        /** @description `createdBy`, `updatedBy` and `revokedBy` are key ids; the `...PersonId` beside each names the person behind the key, when a person’s key acted. `lastSeenAt`: when one of their keys was last used (to within 10 minutes). */
        Person: {
            /** @example psn_01JE4S9M2R7Q8V6T5W3X1Y0Z9A */
            id: string;
            orgId: string;
            displayName: string;
            role: components["schemas"]["Role"];
            scope: components["schemas"]["KeyScope"];
            status: components["schemas"]["PersonStatus"];
            version: number;
            /** Format: date-time */
            createdAt: string;
            createdBy: string;
            createdByPersonId?: string;
            /** Format: date-time */
            updatedAt?: string;
            updatedBy?: string;
            updatedByPersonId?: string;
            /** Format: date-time */
            activatedAt?: string;
            /** Format: date-time */
            lastSeenAt?: string;
            /** Format: date-time */
            revokedAt?: string;
            revokedBy?: string;
            revokedByPersonId?: string;
            /** @description The display name of the person who added them (absent when a machine key did). */
            createdByName?: string;
        };
        /** @enum {string} */
        PersonStatus: "invited" | "active" | "revoked";
        CreatePerson: {
            /**
             * @description What colleagues call this person, as shown on pages and in exports. Staff only: no other personal data (no phone number, no e-mail, no surname needed).
             * @example Sokha (gate desk)
             */
            displayName: string;
            role: components["schemas"]["Role"];
            /** @description Default: the caller’s organisation. */
            orgId?: string;
            /** @description As for API keys: a volunteer names its `pickupPointIds`, a coordinator or logistics lead its `shelterIds` (a list, or `"*"`); an admin takes none. There is no default. */
            scope?: {
                shelterIds?: "*" | string[];
                pickupPointIds?: "*" | string[];
            };
        };
        PersonDetail: {
            /** @example psn_01JE4S9M2R7Q8V6T5W3X1Y0Z9A */
            id: string;
            orgId: string;
            displayName: string;
            role: components["schemas"]["Role"];
            scope: components["schemas"]["KeyScope"];
            status: components["schemas"]["PersonStatus"];
            version: number;
            /** Format: date-time */
            createdAt: string;
            createdBy: string;
            createdByPersonId?: string;
            /** Format: date-time */
            updatedAt?: string;
            updatedBy?: string;
            updatedByPersonId?: string;
            /** Format: date-time */
            activatedAt?: string;
            /** Format: date-time */
            lastSeenAt?: string;
            /** Format: date-time */
            revokedAt?: string;
            revokedBy?: string;
            revokedByPersonId?: string;
            /** @description The display name of the person who added them (absent when a machine key did). */
            createdByName?: string;
            keys: components["schemas"]["PersonKey"][];
            devices: components["schemas"]["PersonDevice"][];
            /** @description The latest 20, newest first. */
            invitations: components["schemas"]["Invitation"][];
        };
        PersonKey: {
            id: string;
            label: string;
            /** Format: date-time */
            createdAt: string;
            invitationId?: string;
            /** Format: date-time */
            lastSeenAt?: string;
            /** Format: date-time */
            revokedAt?: string;
        };
        PersonDevice: {
            id: string;
            label: string;
            pickupPointId: string;
            shelterId: string;
            status: components["schemas"]["DeviceStatus"];
            /** Format: date-time */
            lastSeenAt?: string;
            /** Format: date-time */
            lastSyncAt?: string;
            /** Format: date-time */
            revokedAt?: string;
        };
        /** @enum {string} */
        DeviceStatus: "active" | "signed-off" | "revoked";
        Invitation: {
            id: string;
            /** @example psn_01JE4S9M2R7Q8V6T5W3X1Y0Z9A */
            personId: string;
            orgId: string;
            page: components["schemas"]["LandingPage"];
            invitedBy: components["schemas"]["Inviter"];
            /** Format: date-time */
            createdAt: string;
            createdBy: string;
            createdByPersonId?: string;
            /** Format: date-time */
            expiresAt: string;
            /** Format: date-time */
            usedAt?: string;
            keyId?: string;
            /** Format: date-time */
            reissuedAt?: string;
            /** Format: date-time */
            revokedAt?: string;
            revokedBy?: string;
            revokedByPersonId?: string;
            status: components["schemas"]["InvitationStatus"];
        };
        /** @enum {string} */
        LandingPage: "/scan" | "/desk" | "/coordinator" | "/admin";
        Inviter: {
            /**
             * @description The inviter’s display name (for a machine key, its label).
             * @example Dara (Phnom Penh office)
             */
            displayName: string;
            organization: {
                id: string;
                name: string;
            };
        };
        /** @enum {string} */
        InvitationStatus: "pending" | "used" | "expired" | "revoked";
        UpdatePerson: {
            /**
             * @description What colleagues call this person, as shown on pages and in exports. Staff only: no other personal data (no phone number, no e-mail, no surname needed).
             * @example Sokha (gate desk)
             */
            displayName?: string;
            role?: components["schemas"]["Role"];
            /** @description As for API keys: a volunteer names its `pickupPointIds`, a coordinator or logistics lead its `shelterIds` (a list, or `"*"`); an admin takes none. There is no default. */
            scope?: {
                shelterIds?: "*" | string[];
                pickupPointIds?: "*" | string[];
            };
        };
        CreatedInvitation: {
            id: string;
            /** @example psn_01JE4S9M2R7Q8V6T5W3X1Y0Z9A */
            personId: string;
            page: components["schemas"]["LandingPage"];
            /** Format: date-time */
            expiresAt: string;
            /**
             * @description Open on the person’s phone (its camera app opens the QR code) or send to them. The code is after `#`, so it never reaches a server log. Shown this once: it cannot be read back.
             * @example https://supplyline.example.org/scan#invite=inv_01JE4S9M2R7Q8V6T5W3X1Y0Z9A.q9…
             */
            link: string;
            qr: {
                /** @description The link as a QR code, SVG (role="img", with a <title>). */
                svg: string;
                /** @description The same QR code as a PNG, base64. */
                pngBase64: string;
            };
        };
        CreateInvitation: {
            /**
             * @description How long the code works. 15 minutes by default, for a code shown on a screen and scanned at once; up to 10080 (7 days) for a link sent to a member of staff.
             * @default 15
             */
            expiresInMinutes: number;
        };
        AcceptedInvitation: {
            /** @description The person’s own key: shown once, never stored. Keep it on the device (never show it), send it as `Authorization: Bearer <key>`. */
            apiKey: string;
            keyId: string;
            person: {
                /** @example psn_01JE4S9M2R7Q8V6T5W3X1Y0Z9A */
                id: string;
                displayName: string;
                role: components["schemas"]["Role"];
                orgId: string;
                scope: components["schemas"]["KeyScope"];
            };
            page: components["schemas"]["LandingPage"];
        };
        AcceptInvitation: {
            /** @description What follows `#invite=` in the link. */
            code: string;
            /**
             * @description What to call the new key in the person’s list of keys, e.g. "Android phone". Default: "Phone or laptop".
             * @example Android phone
             */
            label?: string;
            /**
             * @description Recommended: a random string (a UUID) the page makes once for this link and sends again, unchanged, when it retries. If the answer to the exchange was lost on the way, a retry with the same attemptId within 10 minutes gets the key after all (a fresh one: the lost one is revoked) instead of `invitation-used`. Another phone, without it, still gets `invitation-used`.
             * @example 2f6c1d0e-5b7a-4e8f-9c3d-1a2b3c4d5e6f
             */
            attemptId?: string;
        };
        CreatedWebhook: {
            id: string;
            orgId: string;
            url: string;
            eventTypes: components["schemas"]["EventType"][];
            shelterIds: "*" | string[];
            description?: string;
            /** @enum {string} */
            status: "active" | "disabled";
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            failingSince?: string;
            lastError?: string;
            /** Format: date-time */
            disabledAt?: string;
            disabledReason?: string;
            createdBy?: string;
            /** @description The secrets deliveries are signed with now, newest first (when each was made, and until when one being rotated out still signs). The secrets themselves are shown only once, when made. */
            signingSecrets: {
                /** Format: date-time */
                createdAt: string;
                /**
                 * Format: date-time
                 * @description Being rotated out: deliveries carry its signature beside the newest one until then.
                 */
                retiresAt?: string;
            }[];
            /** @description The signing secret (`whsec_…`), shown this once and never again: verify `webhook-signature` with it (Standard Webhooks). */
            secret: string;
        };
        CreateWebhook: {
            /**
             * @description Where events are POSTed. On AWS: https to a public address only; locally, http://localhost too.
             * @example https://partner.example.org/supplyline/events
             */
            url: string;
            eventTypes: components["schemas"]["EventType"][];
            /** @description Only events of these shelters; all shelters in the key’s scope when absent. */
            shelterIds?: string[];
            description?: string;
        };
        WebhookWithNewSecret: {
            id: string;
            orgId: string;
            url: string;
            eventTypes: components["schemas"]["EventType"][];
            shelterIds: "*" | string[];
            description?: string;
            /** @enum {string} */
            status: "active" | "disabled";
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            failingSince?: string;
            lastError?: string;
            /** Format: date-time */
            disabledAt?: string;
            disabledReason?: string;
            createdBy?: string;
            /** @description The secrets deliveries are signed with now, newest first (when each was made, and until when one being rotated out still signs). The secrets themselves are shown only once, when made. */
            signingSecrets: {
                /** Format: date-time */
                createdAt: string;
                /**
                 * Format: date-time
                 * @description Being rotated out: deliveries carry its signature beside the newest one until then.
                 */
                retiresAt?: string;
            }[];
            /** @description The signing secret (`whsec_…`), shown this once and never again: verify `webhook-signature` with it (Standard Webhooks). */
            secret: string;
        };
        RotateWebhookSecret: {
            /**
             * Format: int32
             * @description Hours during which deliveries carry signatures under both the new and the current secret, so the receiver can switch over; 0 retires the current secret at once (it leaked). 24 when absent.
             * @default 24
             */
            overlapHours: number;
        };
        Webhook: {
            id: string;
            orgId: string;
            url: string;
            eventTypes: components["schemas"]["EventType"][];
            shelterIds: "*" | string[];
            description?: string;
            /** @enum {string} */
            status: "active" | "disabled";
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            failingSince?: string;
            lastError?: string;
            /** Format: date-time */
            disabledAt?: string;
            disabledReason?: string;
            createdBy?: string;
            /** @description The secrets deliveries are signed with now, newest first (when each was made, and until when one being rotated out still signs). The secrets themselves are shown only once, when made. */
            signingSecrets: {
                /** Format: date-time */
                createdAt: string;
                /**
                 * Format: date-time
                 * @description Being rotated out: deliveries carry its signature beside the newest one until then.
                 */
                retiresAt?: string;
            }[];
        };
        NoBody: Record<string, never>;
        WebhookDelivery: {
            id: string;
            webhookId: string;
            eventId: string;
            eventType: components["schemas"]["EventType"];
            /** @enum {string} */
            status: "pending" | "delivered" | "abandoned";
            /** Format: date-time */
            createdAt: string;
            attempts: number;
            /** Format: date-time */
            nextAttemptAt?: string;
            /** Format: date-time */
            deliveredAt?: string;
            attemptLog: components["schemas"]["DeliveryAttempt"][];
        };
        DeliveryAttempt: {
            /** Format: date-time */
            at: string;
            responseStatus?: number;
            error?: string;
            latencyMs: number;
            manual?: boolean;
        };
        EventPage: {
            items: components["schemas"]["FeedEvent"][];
            /** @description Pass as `after` for what comes next; the same as `after` when nothing new has come yet. */
            nextCursor: string | null;
        };
        FeedEvent: {
            id: string;
            occurredAt: string;
            shelterId: string;
            /** @enum {string} */
            type: "voucher.issued";
            orgId: string;
            data: {
                voucherId: string;
                lines: {
                    itemId: string;
                    quantity: number;
                }[];
            };
            /** @description This event’s position: pass it as `after` to read on from it. */
            cursor: string;
        } | {
            id: string;
            occurredAt: string;
            shelterId: string;
            /** @enum {string} */
            type: "voucher.redeemed";
            orgId: string;
            data: {
                voucherId: string;
                pickupPointId: string;
                lines: {
                    itemId: string;
                    quantity: number;
                }[];
            };
            /** @description This event’s position: pass it as `after` to read on from it. */
            cursor: string;
        } | {
            id: string;
            occurredAt: string;
            shelterId: string;
            /** @enum {string} */
            type: "voucher.voided";
            orgId: string;
            data: {
                voucherId: string;
                lines: {
                    itemId: string;
                    quantity: number;
                }[];
            };
            /** @description This event’s position: pass it as `after` to read on from it. */
            cursor: string;
        } | {
            id: string;
            occurredAt: string;
            shelterId: string;
            /** @enum {string} */
            type: "voucher.expired";
            orgId: string;
            data: {
                voucherId: string;
                lines: {
                    itemId: string;
                    quantity: number;
                }[];
            };
            /** @description This event’s position: pass it as `after` to read on from it. */
            cursor: string;
        } | {
            id: string;
            occurredAt: string;
            shelterId: string;
            /** @enum {string} */
            type: "redemption.conflict";
            orgId: string;
            data: {
                conflictId: string;
                voucherId: string;
                reason: string;
                deviceId: string;
                pickupPointId: string;
                lines: {
                    itemId: string;
                    quantity: number;
                }[];
            };
            /** @description This event’s position: pass it as `after` to read on from it. */
            cursor: string;
        } | {
            id: string;
            occurredAt: string;
            shelterId: string;
            /** @enum {string} */
            type: "stock.low";
            data: {
                itemId: string;
                onHand: number;
                reserved: number;
                available: number;
                lowStockThreshold: number;
            };
            /** @description This event’s position: pass it as `after` to read on from it. */
            cursor: string;
        } | {
            id: string;
            occurredAt: string;
            shelterId: string;
            /** @enum {string} */
            type: "stock.out";
            data: {
                itemId: string;
                onHand: number;
                reserved: number;
                available: number;
            };
            /** @description This event’s position: pass it as `after` to read on from it. */
            cursor: string;
        } | {
            id: string;
            occurredAt: string;
            shelterId: string;
            /** @enum {string} */
            type: "stock.cover-low";
            data: {
                itemId: string;
                onHand: number;
                reserved: number;
                available: number;
                daysOfCover: number;
                coverWarningDays: number;
            };
            /** @description This event’s position: pass it as `after` to read on from it. */
            cursor: string;
        } | {
            id: string;
            occurredAt: string;
            shelterId: string;
            /** @enum {string} */
            type: "transfer.dispatched";
            data: {
                transferId: string;
                fromShelterId: string;
                toShelterId: string;
                lines: {
                    itemId: string;
                    quantity: number;
                }[];
            };
            /** @description This event’s position: pass it as `after` to read on from it. */
            cursor: string;
        } | {
            id: string;
            occurredAt: string;
            shelterId: string;
            /** @enum {string} */
            type: "transfer.received";
            data: {
                transferId: string;
                fromShelterId: string;
                toShelterId: string;
                receivedLines: {
                    itemId: string;
                    quantity: number;
                }[];
                discrepancies: {
                    itemId: string;
                    sent: number;
                    received: number;
                    difference: number;
                    reason?: components["schemas"]["DiscrepancyReason"];
                }[];
            };
            /** @description This event’s position: pass it as `after` to read on from it. */
            cursor: string;
        } | {
            id: string;
            occurredAt: string;
            /** @enum {string} */
            type: "round.opened";
            orgId: string;
            data: {
                roundId: string;
                shelterIds: string[];
                orgIds: string[];
                rulesVersion: number;
                validFrom: string;
                validUntil: string;
            };
            /** @description This event’s position: pass it as `after` to read on from it. */
            cursor: string;
        } | {
            id: string;
            occurredAt: string;
            /** @enum {string} */
            type: "round.closed";
            orgId: string;
            data: {
                roundId: string;
                shelterIds: string[];
                orgIds: string[];
                rulesVersion: number;
                agrees: boolean;
                items: {
                    itemId: string;
                    vouchersIssued: number;
                    vouchersRedeemed: number;
                    vouchersVoided: number;
                    vouchersExpired: number;
                    vouchersOutstanding: number;
                    quantityIssued: number;
                    quantityRedeemed: number;
                    quantityVoided: number;
                    quantityExpired: number;
                    quantityOutstanding: number;
                    ledgerOut: number;
                }[];
            };
            /** @description This event’s position: pass it as `after` to read on from it. */
            cursor: string;
        };
        RegisteredDevice: components["schemas"]["Device"] & {
            /** @description base64url of 32 random bytes. Shown only in this response: store it on the device. */
            secret: string;
        };
        /** @enum {string} */
        DeviceRevocationReason: "lost-or-stolen" | "person-revoked";
        Device: {
            id: string;
            label: string;
            pickupPointId: string;
            shelterId: string;
            keyId: string;
            /** @description The person whose key registered it (absent for a machine key). */
            personId?: string;
            orgId: string;
            status: components["schemas"]["DeviceStatus"];
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            lastSeenAt?: string;
            /** Format: date-time */
            lastSyncAt?: string;
            /** @description Vouchers in its last pack. */
            poolSize: number;
            /** Format: date-time */
            signedOffAt?: string;
            /** @description The key that signed it off for its volunteer (an admin, coordinator or logistics lead handing its vouchers back); absent when the phone signed itself off. */
            signedOffBy?: string;
            signedOffByPersonId?: string;
            /** Format: date-time */
            revokedAt?: string;
            revokedBy?: string;
            revocationReason?: components["schemas"]["DeviceRevocationReason"];
        };
        RegisterDevice: {
            pickupPointId: string;
            /** @example Desk 2 phone */
            label: string;
        };
        ReleasedDevice: {
            device: components["schemas"]["Device"];
            /** @description How many vouchers it held: other desks can hand them over now. */
            released: number;
        };
        DevicePack: {
            deviceId: string;
            /** @description Send as ?since= on the next refresh. */
            cursor: string;
            /** @description True: replace the local list; false: apply as a delta. */
            full: boolean;
            generatedAt: string;
            offlineMode: components["schemas"]["OfflineMode"];
            offlineWindowHours: number;
            shelter: {
                id: string;
                name: string;
                timeZone: string;
            };
            pickupPoint: {
                id: string;
                name: string;
            };
            keys: {
                kid: string;
                /** @enum {string} */
                kty: "OKP";
                /** @enum {string} */
                crv: "Ed25519";
                x: string;
            }[];
            catalogue: {
                itemId: string;
                name: string;
                nameKm?: string;
                unit: string;
            }[];
            /** @description Upserts: vouchers this device may hand over offline now. */
            vouchers: components["schemas"]["PackVoucher"][];
            removed: {
                id: string;
                reason: components["schemas"]["PackRemovalReason"];
            }[];
            /** @description Another desk asked for these: if not handed over here, drop them and POST .../hand-back. */
            handBackRequested: string[];
            pool: components["schemas"]["PackPool"];
        };
        PackVoucher: {
            id: string;
            /** @description As printed on the slip, e.g. ABCD-EFGH-J. */
            shortCode: string;
            lines: {
                itemId: string;
                quantity: number;
            }[];
            validFrom: string;
            validUntil: string;
            /** @enum {string} */
            status: "issued";
            /** @description Hand over offline only before this time (device clock): min(validUntil, lease + window). */
            leaseUntil: string;
        };
        /** @enum {string} */
        PackRemovalReason: "redeemed" | "voided" | "expired" | "moved" | "released" | "lease-ended";
        PackPool: {
            /** @description Vouchers this phone holds for offline handover (its list, once this pack is applied). */
            heldHere: number;
            /** @description Vouchers other phones of the shelter hold now: this phone cannot hand them over offline. */
            heldByOtherPhones: number;
            /** @description Vouchers no phone holds: handed over online only, until a phone whose share they are takes them at its refresh. */
            inPool: number;
            /** @description The shelter’s setting: a phone silent longer than this loses its vouchers to the others. */
            silentPhoneMinutes: number;
            /** @description The phones behind heldByOtherPhones, most vouchers first (at most 10). */
            otherPhones: components["schemas"]["PackOtherPhone"][];
        };
        PackOtherPhone: {
            deviceId: string;
            /** @description As registered, e.g. "Main gate · 7F3K"; the same name a 409 voucher-held-by-device gives. */
            label: string;
            pickupPointId: string;
            pickupPointName: string;
            /** @description Issued vouchers of the shelter it holds now. */
            held: number;
            /** @description Its last pack, sync or registration (server time). */
            lastContactAt: string;
            /** @description lastContactAt + silentPhoneMinutes: if it stays silent past this, the next refresh of another phone takes its vouchers back into the pool. */
            silentFrom: string;
        };
        HandBackResult: {
            handedBack: string[];
            notHeld: string[];
        };
        HandBack: {
            voucherIds: string[];
        };
        SyncResponse: {
            syncedAt: string;
            results: components["schemas"]["SyncResult"][];
            /** @description Sequence numbers of this device never synced so far. */
            gaps: {
                from: number;
                to: number;
            }[];
        };
        SyncResult: {
            clientRedemptionId: string;
            sequence: number;
            outcome: components["schemas"]["SyncOutcome"];
            /** @description The ledger entry of the handover. */
            redemptionId?: string;
            conflictId?: string;
            reason?: string;
            message?: string;
        };
        /** @enum {string} */
        SyncOutcome: "redeemed" | "conflict" | "rejected";
        SyncRecords: {
            records: components["schemas"]["OfflineRecord"][];
        };
        OfflineRecord: {
            /** @description A ULID the device draws: the record is committed at most once under it. */
            clientRedemptionId: string;
            deviceId: string;
            voucherId: string;
            pickupPointId: string;
            lines: {
                itemId: string;
                quantity: number;
            }[];
            /** Format: date-time */
            deviceTime: string;
            /** Format: int32 */
            sequence: number;
            /** @description base64url (no padding) HMAC-SHA256 under the device secret of JSON.stringify([deviceId, clientRedemptionId, sequence, voucherId, pickupPointId, deviceTime, lines.map(l => [l.itemId, l.quantity])]). */
            hmac: string;
        };
        Conflict: {
            id: string;
            /** @description Where the goods left: the shelter of the device’s pickup point. Its logistics leads see and resolve the conflict, and a resolution as goods handed out moves its stock. */
            shelterId: string;
            /** @description The voucher’s own shelter, when it is another (reason `wrong-shelter`). Its stock is not touched. */
            voucherShelterId?: string;
            /** @description The voucher's organisation. */
            orgId: string;
            voucherId: string;
            status: components["schemas"]["ConflictStatus"];
            reason: components["schemas"]["ConflictReason"];
            message: string;
            offline: {
                deviceId: string;
                deviceLabel: string;
                clientRedemptionId: string;
                sequence: number;
                pickupPointId: string;
                deviceTime: string;
                syncedAt: string;
                lines: {
                    itemId: string;
                    quantity: number;
                }[];
            };
            first?: {
                redeemedAt: string;
                pickupPointId: string;
                deviceId?: string;
                movementId?: string;
            };
            holder?: {
                deviceId: string;
                label: string;
            };
            createdAt: string;
            resolution?: {
                outcome: components["schemas"]["ConflictOutcome"];
                note: string;
                resolvedBy: string;
                /** @description The person whose key resolved it (absent for a machine key). */
                resolvedByPersonId?: string;
                /** @description Listings and reads: the display name of `resolvedByPersonId` now, for the desk to say who resolved it. Never stored with the conflict. */
                resolvedByName?: string;
                resolvedAt: string;
                /** @description The duplicate-handover adjustment, if goods left. */
                movementId?: string;
            };
        };
        /** @enum {string} */
        ConflictStatus: "open" | "resolved";
        /** @enum {string} */
        ConflictReason: "already-redeemed" | "voided" | "expired" | "not-yet-valid" | "held-by-other-device" | "device-revoked" | "wrong-shelter" | "insufficient-stock" | "unknown-voucher";
        /** @enum {string} */
        ConflictOutcome: "goods-handed-out" | "no-goods";
        ResolveConflict: {
            outcome: components["schemas"]["ConflictOutcome"];
            /** @description Why: what the desks found. No personal data. */
            note: string;
        };
        CountSession: {
            id: string;
            shelterId: string;
            orgId: string;
            status: components["schemas"]["CountSessionStatus"];
            blind: boolean;
            /** @description False while a blind session is counting: no line carries a figure from the books. */
            figuresShown: boolean;
            note?: string;
            /** @description At most 90. */
            itemCount: number;
            countedCount: number;
            /** @description Raised by every change: a device can tell its copy is behind. */
            version: number;
            created: {
                at: string;
                keyId: string;
                personId?: string;
                /** @description The display name of `personId` now. */
                name?: string;
            };
            submission?: {
                at: string;
                keyId: string;
                personId?: string;
                /** @description The display name of `personId` now. */
                name?: string;
            };
            /** @description Submitted sessions: what a second person approves. */
            approval?: {
                /** @description The lines beyond tolerance, each needing a reason. */
                itemIds: string[];
                reasonsMissing: string[];
                /** @description Who may not approve: the people who counted those lines. */
                notBy: {
                    personId: string;
                    name?: string;
                }[];
            };
            rejections: {
                at: string;
                keyId: string;
                personId?: string;
                /** @description The display name of `personId` now. */
                name?: string;
                note: string;
            }[];
            posting?: {
                at: string;
                keyId: string;
                personId?: string;
                /** @description The display name of `personId` now. */
                name?: string;
                movementId: string;
                /** @description False when every line was within tolerance and it posted at submit. */
                approved: boolean;
                note?: string;
                warnings: components["schemas"]["CountWarning"][];
            };
            cancellation?: {
                at: string;
                keyId: string;
                personId?: string;
                /** @description The display name of `personId` now. */
                name?: string;
                note?: string;
            };
            lines: components["schemas"]["CountLine"][];
        };
        /** @enum {string} */
        CountSessionStatus: "counting" | "submitted" | "posted" | "cancelled";
        CountLine: {
            itemId: string;
            name: string;
            nameKm?: string;
            unit: components["schemas"]["ItemUnit"];
            category: components["schemas"]["ItemCategory"];
            /** @description Pieces and packs are counted in whole numbers. */
            wholeNumbers: boolean;
            /** @description What was counted; null until a line is entered. */
            counted: number | null;
            countedAt?: string;
            countedBy?: {
                keyId: string;
                personId?: string;
                /** @description The display name of `personId` now. */
                name?: string;
            };
            note?: string;
            /** @description On-hand stock on record at the line’s count time (not yet counted, in a session that is not blind: now). Absent while a blind session is counting. */
            recorded?: number;
            /** @description counted − recorded. */
            difference?: number;
            /** @description The largest difference allowed without approval. */
            allowed?: number;
            needsApproval?: boolean;
            /** @description A later correction of this item’s books (a count after this line was counted): this line posts nothing. */
            supersededBy?: {
                movementId: string;
                at: string;
            };
            reason?: {
                at: string;
                keyId: string;
                personId?: string;
                /** @description The display name of `personId` now. */
                name?: string;
                text: string;
            };
            /** @description Posted sessions: the adjustment this line made and the balance it left. */
            posted?: {
                quantity: number;
                balanceAfter?: number;
            };
        };
        CreateCountSession: {
            /** @description The items to count, in sheet order. Leave out for every item (or every item of `category`). */
            itemIds?: string[];
            category?: components["schemas"]["ItemCategory"] & unknown;
            /**
             * @description Blind (the default): no read of the session shows what the books say until it is submitted. `false` for a lead who wants the figures while counting.
             * @default true
             */
            blind: boolean;
            /** @example Monthly count, store room */
            note?: string;
        };
        CountSessionSummary: {
            id: string;
            shelterId: string;
            status: components["schemas"]["CountSessionStatus"];
            blind: boolean;
            note?: string;
            /** @description At most 90. */
            itemCount: number;
            countedCount: number;
            /** @description Raised by every change: a device can tell its copy is behind. */
            version: number;
            created: {
                at: string;
                keyId: string;
                personId?: string;
                /** @description The display name of `personId` now. */
                name?: string;
            };
            submission?: {
                at: string;
                keyId: string;
                personId?: string;
                /** @description The display name of `personId` now. */
                name?: string;
            };
            cancellation?: {
                at: string;
                keyId: string;
                personId?: string;
                /** @description The display name of `personId` now. */
                name?: string;
                note?: string;
            };
            postedAt?: string;
        };
        EnterCountLine: {
            /**
             * @description What is on the shelf, in the item’s unit.
             * @example 38
             */
            counted: number;
            /**
             * Format: date-time
             * @description When it was counted, by the device’s clock (a draft counted offline and sent later). Between the session’s start and now; the arrival time when left out.
             */
            countedAt?: string;
            /** @example two sacks torn */
            note?: string;
        };
        CountReason: {
            /**
             * @description Why the shelf and the books differ (no personal data).
             * @example Rats got into two sacks; thrown away on 3 March
             */
            reason: string;
        };
        ApproveCountSession: {
            note?: string;
        };
        RejectCountSession: {
            /**
             * @description What to recount and why.
             * @example Recount rice: the store room at the back was not counted
             */
            note: string;
        };
        CancelCountSession: {
            note?: string;
        };
        Round: {
            id: string;
            name: string;
            orgIds: string[];
            shelterIds: string[];
            validFrom: string;
            validUntil: string;
            rules: components["schemas"]["RationRule"][];
            /** @description Goes up by one whenever the rules change; every voucher records the version it used. */
            rulesVersion: number;
            minDaysSinceLastRound?: number;
            status: components["schemas"]["RoundStatus"];
            version: number;
            /** Format: date-time */
            createdAt: string;
            createdBy: string;
            updatedAt?: string;
            updatedBy?: string;
            openedAt?: string;
            openedBy?: string;
            /** @description Set by the first close request; a second key of the same organisation confirms it. */
            closeRequest?: {
                keyId: string;
                /** @description The person whose key asked (absent for a machine key). */
                personId?: string;
                orgId: string;
                at: string;
            };
            closedAt?: string;
            /** @description The key that confirmed the close. */
            closedBy?: string;
            /** @description The person whose key confirmed it. */
            closedByPersonId?: string;
        };
        RationRule: {
            itemId: string;
            amount: number;
            per: components["schemas"]["RationBasis"];
            /** Format: int32 */
            people?: number;
            /** @description The least one household receives of this item, in its unit. */
            min?: number;
            /** @description The most one household receives of this item, in its unit: a cap per household (water at most 300 L, whatever the family size and the round’s length). */
            max?: number;
            bands?: {
                /** Format: int32 */
                upToHouseholdSize: number;
                amount: number;
            }[];
            round?: components["schemas"]["RationRounding"];
        };
        /** @enum {string} */
        RationBasis: "person-day" | "person-month" | "person" | "household" | "people";
        /** @enum {string} */
        RationRounding: "up" | "down" | "nearest";
        /** @enum {string} */
        RoundStatus: "draft" | "open" | "closing" | "closed";
        CreateRound: {
            /** @description Chosen id; generated when absent. */
            id?: string;
            /** @example December round, Phnom Penh */
            name: string;
            shelterIds: string[];
            /**
             * Format: date-time
             * @description Start of the round; its vouchers are valid from here.
             */
            validFrom: string;
            /**
             * Format: date-time
             * @description End of the round; its vouchers expire here. At most 180 days after validFrom.
             */
            validUntil: string;
            /** @description Ration rules, one per item: what one household receives, computed from its size and the round’s days. */
            rules: components["schemas"]["RationRule"][];
            /**
             * Format: int32
             * @description Waiting period: a household that received a voucher in another round less than this many days before this round’s start is refused.
             */
            minDaysSinceLastRound?: number;
            /** @description Admins only: the organisations that share the round (and its deduplication). A coordinator’s round is its own organisation’s. */
            organizationIds?: string[];
        };
        UpdateRound: {
            /** @example December round, Phnom Penh */
            name?: string;
            shelterIds?: string[];
            /**
             * Format: date-time
             * @description Start of the round; its vouchers are valid from here.
             */
            validFrom?: string;
            /**
             * Format: date-time
             * @description End of the round; its vouchers expire here. At most 180 days after validFrom.
             */
            validUntil?: string;
            /** @description Ration rules, one per item: what one household receives, computed from its size and the round’s days. */
            rules?: components["schemas"]["RationRule"][];
            /**
             * Format: int32
             * @description Waiting period: a household that received a voucher in another round less than this many days before this round’s start is refused.
             */
            minDaysSinceLastRound?: number;
        };
        HouseholdIssueResult: {
            roundId: string;
            issued: number;
            replayed: number;
            refused: number;
            results: components["schemas"]["HouseholdResult"][];
        };
        HouseholdResult: {
            /** @description Row number: 1 for the first household (CSV: the line after the header). */
            row: number;
            /** @enum {string} */
            outcome: "issued" | "refused";
            voucher?: {
                id: string;
                code: string;
                shelterId: string;
                lines: {
                    itemId: string;
                    quantity: number;
                }[];
                rulesVersion: number;
                language?: components["schemas"]["SlipLanguage"] & unknown;
                /** @description True when this household already held this voucher (the list was sent before). */
                replayed: boolean;
            };
            problem?: {
                reason: components["schemas"]["HouseholdRefusal"];
                field?: string;
                detail: string;
                shortItems?: {
                    itemId: string;
                    requested: number;
                    available: number;
                }[];
            };
        };
        /** @enum {string} */
        HouseholdRefusal: "invalid" | "duplicate-in-list" | "already-in-round" | "waiting-period" | "insufficient-stock" | "no-entitlement";
        /** @description Rows of `{beneficiaryRef, householdSize, shelterId?, language?}`; each row is checked on its own, so one bad row refuses only itself. */
        HouseholdList: {
            households: unknown[];
        };
        RoundForecast: {
            roundId: string;
            rulesVersion: number;
            /** @description Rows that would be issued. */
            households: number;
            /** @description Rows left out: invalid, duplicate in the list, or already holding a voucher in the round. */
            skipped: number;
            /** @description Of the skipped rows, households that already hold your voucher in this round: issuing answers with it again. */
            alreadyIssued: number;
            /** @description Every other skipped row, in row order, with the reason the issue would give it (never the reference). */
            refusals: {
                row: number;
                reason: components["schemas"]["HouseholdRefusal"];
                field?: string;
                detail: string;
            }[];
            /** @description True when the stock available now covers every household that would be issued: no row has a shortfall. When false, issuing the list refuses some households for lack of stock (insufficient-stock). */
            coversEveryHousehold: boolean;
            /** @description Of `households`, how many the stock available now covers when they are served in list order, each taking its whole voucher: what issuing refuses no one of for lack of stock. 0 means every one of them would be refused. */
            householdsCovered: number;
            rows: {
                shelterId: string;
                itemId: string;
                unit: string;
                households: number;
                needed: number;
                available: number;
                shortfall: number;
                /** @description Days the stock left after the round lasts the shelter’s population at the item’s daily need; null where unknown. */
                daysOfCoverAfter: number | null;
            }[];
        };
        RoundReconciliation: {
            roundId: string;
            status: string;
            /** @description True once the round is closed: the figures no longer change. */
            frozen: boolean;
            generatedAt: string;
            agrees: boolean;
            rows: components["schemas"]["RoundReconciliationRow"][];
            closeRequestedBy?: components["schemas"]["RoundActor"];
            closedBy?: components["schemas"]["RoundActor"] & unknown;
        };
        RoundReconciliationRow: {
            orgId: string;
            shelterId: string;
            itemId: string;
            /** @description Households whose voucher has this item. */
            households: number;
            vouchersIssued: number;
            vouchersRedeemed: number;
            vouchersVoided: number;
            vouchersExpired: number;
            vouchersOutstanding: number;
            quantityIssued: number;
            quantityRedeemed: number;
            quantityVoided: number;
            quantityExpired: number;
            quantityOutstanding: number;
            /** @description Outstanding vouchers leased to a scanning phone now: they may have been handed over offline and not yet synced. */
            vouchersHeldOffline: number;
            /** @description Offline sync conflicts on these vouchers, open and resolved (GET /v1/conflicts). */
            conflicts: number;
            /** @description Of those, the ones not resolved yet. */
            conflictsOpen: number;
            /** @description What the stock ledger shows leaving the shelter for these vouchers (distributions). */
            ledgerOut: number;
            /** @description quantityRedeemed equals ledgerOut, and issued equals redeemed + voided + expired + outstanding. */
            agrees: boolean;
            /** @description Who handed over the row’s redeemed vouchers, once per person (empty in a report frozen before this was kept). */
            redeemedBy: components["schemas"]["HandoverActor"][];
        };
        HandoverActor: {
            /** @description The person, whichever of their keys. */
            personId?: string;
            /** @description A machine key (no person) that handed over. */
            keyId?: string;
            /** @description The person’s display name now (absent for a machine key). */
            displayName?: string;
        };
        /** @description Who asked to close the round (four eyes). */
        RoundActor: {
            keyId: string;
            personId?: string;
            /** @description The person’s display name now (absent for a machine key). */
            displayName?: string;
            at?: string;
        };
        BeneficiaryCheckResult: {
            results: {
                /** @description Position of the reference in the request. */
                index: number;
                holdsVoucherInOpenRound: boolean;
                /** @description When a voucher of this household issued in a round was last redeemed, by any organisation. */
                lastRedeemedAt: string | null;
            }[];
        };
        BeneficiaryCheck: {
            /** @description Your references; pseudonymised at once, never stored, logged or echoed. */
            beneficiaryRefs: string[];
        };
        BeneficiaryCheckLogEntry: {
            id: string;
            /** Format: date-time */
            at: string;
            keyId: string;
            orgId: string;
            /** @description How many references the call asked about. */
            references: number;
            /** @description How many of them had been served: holding a voucher in an open round, or redeemed one of a round before. */
            matched: number;
            outcome: components["schemas"]["BeneficiaryCheckOutcome"];
        };
        /** @enum {string} */
        BeneficiaryCheckOutcome: "answered" | "refused-over-limit";
        TransferPlan: {
            targetDays: number;
            generatedAt: string;
            /** @description Most urgent first: the receiver with the fewest days of cover now. */
            suggestions: components["schemas"]["TransferSuggestion"][];
            /** @description Suggestions in the whole plan (`limit` lists the first). */
            suggestionsTotal: number;
            trips: components["schemas"]["TransferTrip"][];
            items: components["schemas"]["ItemPlanSummary"][];
            /** @description Catalogue items with no daily need per person: they have no days of cover, so no plan. */
            itemsWithoutDailyNeed: string[];
            /** @description The shelters the listed suggestions name. */
            shelters: components["schemas"]["PlanShelter"][];
        };
        /** @description One move. `{fromShelterId, toShelterId, lines: [{itemId, quantity}]}` is the body of `POST /v1/transfers` that makes it. */
        TransferSuggestion: {
            fromShelterId: string;
            toShelterId: string;
            itemId: string;
            /** @description Whole units, in the item’s unit. */
            quantity: number;
            unit: string;
            /** @description quantity / daily need per person, floored to a tenth. */
            personDays: number;
            from: {
                /** @description As things stand (stock on its way there counted); null where nobody lives. */
                daysOfCoverBefore: number | null;
                /** @description Once this move alone is made. */
                daysOfCoverAfter: number | null;
            };
            to: {
                /** @description As things stand (stock on its way there counted); null where nobody lives. */
                daysOfCoverBefore: number | null;
                /** @description Once this move alone is made. */
                daysOfCoverAfter: number | null;
            };
        };
        /** @description Every listed suggestion between two shelters, as one truck. `fromShelterId`, `toShelterId` and `lines` are the body of `POST /v1/transfers` that dispatches it. */
        TransferTrip: {
            fromShelterId: string;
            toShelterId: string;
            lines: {
                itemId: string;
                quantity: number;
            }[];
            personDays: number;
        };
        ItemPlanSummary: {
            itemId: string;
            unit: string;
            dailyNeedPerPerson: number;
            shelters: number;
            sheltersBelowTargetBefore: number;
            sheltersBelowTargetAfter: number;
            /** @description What the shelters below the target miss, in whole units. */
            needed: number;
            /** @description What the shelters above their target can send, in whole units. */
            spare: number;
            /** @description What the whole plan moves: the smaller of needed and spare. */
            moved: number;
            personDays: number;
            /** @description needed - moved: what must come from outside (a donor, a purchase). */
            unmet: number;
            lowestDaysOfCoverBefore: number | null;
            /** @description Once every suggestion of the plan is made; never lower than before. */
            lowestDaysOfCoverAfter: number | null;
        };
        /** @description Location fields of a confidential shelter are shown to admins only, as everywhere. */
        PlanShelter: {
            id: string;
            name: string;
            nameKm?: string;
            province?: string;
            provinceCode?: string;
            confidential: boolean;
            population: number;
        };
        NeedsReport: {
            /** @example 2026-12-04 */
            date: string;
            targetDays: number;
            /** @description Every shelter and item missing something, by shelter then item. */
            rows: components["schemas"]["NeedRow"][];
            itemsWithoutDailyNeed: string[];
            /** @description The shelters the rows name. */
            shelters: components["schemas"]["PlanShelter"][];
        };
        NeedRow: {
            shelterId: string;
            itemId: string;
            unit: string;
            population: number;
            dailyNeedPerPerson: number;
            /** @description On hand minus reserved; negative when vouchers are short. */
            available: number;
            /** @description Dispatched to the shelter, not yet received. */
            inTransit: number;
            /** @description (available + inTransit) / (population x daily need per person). */
            daysOfCover: number | null;
            /** @description population x daily need x targetDays - available - inTransit, in whole units rounded up. */
            needed: number;
            /** @description needed / daily need per person. */
            personDays: number;
        };
    };
    responses: {
        /** @description Malformed JSON, a field that fails validation (each bad field is named in `errors`), or a list `cursor` this key was not given for this list and filters (`invalid-cursor`). */
        BadRequest: {
            headers: {
                /** @description Names this request in the logs; quote it when reporting a problem. */
                "X-Request-Id": string;
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description Missing, unknown or revoked API key. */
        Unauthenticated: {
            headers: {
                /** @description Names this request in the logs; quote it when reporting a problem. */
                "X-Request-Id": string;
                /** @description The scheme to authenticate with: a bearer API key. */
                "WWW-Authenticate": string;
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description The key may not do this: wrong role or outside its scope. */
        Forbidden: {
            headers: {
                /** @description Names this request in the logs; quote it when reporting a problem. */
                "X-Request-Id": string;
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description Not found, or not visible to this key. */
        NotFound: {
            headers: {
                /** @description Names this request in the logs; quote it when reporting a problem. */
                "X-Request-Id": string;
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description Conflicts with the current state (duplicate id, state change, insufficient stock). */
        Conflict: {
            headers: {
                /** @description Names this request in the logs; quote it when reporting a problem. */
                "X-Request-Id": string;
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description Conflicts with the current state (e.g. insufficient stock), or the same Idempotency-Key is still in flight. */
        IdempotencyConflict: {
            headers: {
                /** @description Names this request in the logs; quote it when reporting a problem. */
                "X-Request-Id": string;
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description Request body larger than the limit. */
        PayloadTooLarge: {
            headers: {
                /** @description Names this request in the logs; quote it when reporting a problem. */
                "X-Request-Id": string;
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description Request body is not JSON. */
        UnsupportedMediaType: {
            headers: {
                /** @description Names this request in the logs; quote it when reporting a problem. */
                "X-Request-Id": string;
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description Idempotency-Key reused with a different request, or a request that cannot be processed. */
        Unprocessable: {
            headers: {
                /** @description Names this request in the logs; quote it when reporting a problem. */
                "X-Request-Id": string;
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description Idempotency-Key reused with a different request. */
        IdempotencyKeyReused: {
            headers: {
                /** @description Names this request in the logs; quote it when reporting a problem. */
                "X-Request-Id": string;
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description No longer usable: expired, or withdrawn (the problem type says which). */
        Gone: {
            headers: {
                /** @description Names this request in the logs; quote it when reporting a problem. */
                "X-Request-Id": string;
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description Too many attempts from this network (`rate-limited`, problem+json, with `Retry-After`), or the API gateway’s own throttle (`{message}`, neither header). */
        TooManyAttempts: {
            headers: {
                /** @description Seconds to wait before trying again. */
                "Retry-After"?: number;
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
                "application/json": {
                    /** @example Too Many Requests */
                    message: string;
                };
            };
        };
        /** @description Throttled by the API gateway in front of the app (the stage’s rate and burst limits). Sent without `Retry-After` or a request id: back off with jitter and retry. */
        Throttled: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": {
                    /** @example Too Many Requests */
                    message: string;
                };
            };
        };
        /** @description Too many requests. This key used its allowance for the hour (problem+json, `rate-limited`, with `Retry-After` seconds until the next hour and the request id); or the API gateway in front throttled the request (JSON `{ message }`, with neither). */
        RateLimited: {
            headers: {
                /** @description Seconds to wait before trying again. */
                "Retry-After"?: number;
                /** @description Names this request in the logs; quote it when reporting a problem. */
                "X-Request-Id"?: string;
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
                "application/json": {
                    /** @example Too Many Requests */
                    message: string;
                };
            };
        };
        /** @description Unexpected failure; the cause is logged under the request id. */
        InternalError: {
            headers: {
                /** @description Names this request in the logs; quote it when reporting a problem. */
                "X-Request-Id": string;
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description Database unreachable or throttled; retry after the `Retry-After` seconds. */
        Unavailable: {
            headers: {
                /** @description Names this request in the logs; quote it when reporting a problem. */
                "X-Request-Id": string;
                /** @description Seconds to wait before trying again. */
                "Retry-After": number;
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
    };
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    getHealth: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The API and its table answer. */
            200: {
                headers: {
                    /** @description Names this request in the logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Health"];
                };
            };
            400: components["responses"]["BadRequest"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["Throttled"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    getMe: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The calling key. */
            200: {
                headers: {
                    /** @description Names this request in the logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Me"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["Throttled"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    listShelters: {
        parameters: {
            query?: {
                limit?: number;
                /** @description The `nextCursor` of the previous page, sent back unchanged by the same key with the same filters (`limit` may change). Any other cursor is refused with 400 `invalid-cursor`. */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page. */
            200: {
                headers: {
                    /** @description Names this request in the logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Shelter"][];
                        nextCursor: string | null;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["Throttled"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    createShelter: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateShelter"];
            };
        };
        responses: {
            /** @description Created. */
            201: {
                headers: {
                    /** @description Names this request in the logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    /** @description The path of the created resource. */
                    Location: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Shelter"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["Throttled"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    getShelter: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The shelter. */
            200: {
                headers: {
                    /** @description Names this request in the logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Shelter"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["Throttled"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    updateShelter: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateShelter"];
            };
        };
        responses: {
            /** @description Updated. */
            200: {
                headers: {
                    /** @description Names this request in the logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Shelter"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["Throttled"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    listPickupPoints: {
        parameters: {
            query?: {
                limit?: number;
                /** @description The `nextCursor` of the previous page, sent back unchanged by the same key with the same filters (`limit` may change). Any other cursor is refused with 400 `invalid-cursor`. */
                cursor?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page. */
            200: {
                headers: {
                    /** @description Names this request in the logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["PickupPoint"][];
                        nextCursor: string | null;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["Throttled"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    createPickupPoint: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreatePickupPoint"];
            };
        };
        responses: {
            /** @description Created. */
            201: {
                headers: {
                    /** @description Names this request in the logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PickupPoint"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["Throttled"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    listItems: {
        parameters: {
            query?: {
                limit?: number;
                /** @description The `nextCursor` of the previous page, sent back unchanged by the same key with the same filters (`limit` may change). Any other cursor is refused with 400 `invalid-cursor`. */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page. */
            200: {
                headers: {
                    /** @description Names this request in the logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Item"][];
                        nextCursor: string | null;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["Throttled"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    createItem: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateItem"];
            };
        };
        responses: {
            /** @description Created. */
            201: {
                headers: {
                    /** @description Names this request in the logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    /** @description The path of the created resource. */
                    Location: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Item"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["Throttled"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    findItemByCode: {
        parameters: {
            query: {
                /** @description What the scanner typed or the camera read: a GTIN (8, 12, 13 or 14 digits), a GS1 code holding one (element string with (01), GS1 Digital Link URL), or a Supplyline item label (`supplyline:item:<itemId>`). */
                code: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The item, and what matched. */
            200: {
                headers: {
                    /** @description Names this request in the logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FoundItem"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["Throttled"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    getItem: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The item. */
            200: {
                headers: {
                    /** @description Names this request in the logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Item"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["Throttled"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    updateItem: {
        parameters: {
            query?: never;
            header: {
                /** @description Required: a unique string per intended change (a UUID), sent again unchanged on retry. A replay returns the first response (kept 48 h); without it the write is refused with 400 idempotency-key-required. */
                "idempotency-key": string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateItem"];
            };
        };
        responses: {
            /** @description The item as changed. */
            200: {
                headers: {
                    /** @description Names this request in the logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    /** @description Present, as `true`, when this is the stored answer to an earlier request with the same Idempotency-Key: nothing changed this time. */
                    "Idempotent-Replayed"?: "true";
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Item"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["IdempotencyConflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["IdempotencyKeyReused"];
            429: components["responses"]["Throttled"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    getItemLabelSvg: {
        parameters: {
            query?: {
                layout?: "single" | "a4-sheet";
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description SVG, in millimetres. */
            200: {
                headers: {
                    /** @description Names this request in the logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    /** @description What the QR code holds: `supplyline:item:<itemId>`. */
                    "X-Label-Payload"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "image/svg+xml": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["Throttled"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    recordReceipt: {
        parameters: {
            query?: never;
            header: {
                /** @description Required: a unique string per intended change (a UUID), sent again unchanged on retry. A replay returns the first response (kept 48 h); without it the write is refused with 400 idempotency-key-required. */
                "idempotency-key": string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Receipt"];
            };
        };
        responses: {
            /** @description Recorded: the ledger entry, with each line’s balance after. */
            201: {
                headers: {
                    /** @description Names this request in the logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    /** @description Present, as `true`, when this is the stored answer to an earlier request with the same Idempotency-Key: nothing changed this time. */
                    "Idempotent-Replayed"?: "true";
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Movement"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["IdempotencyConflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["IdempotencyKeyReused"];
            429: components["responses"]["Throttled"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    recordAdjustment: {
        parameters: {
            query?: never;
            header: {
                /** @description Required: a unique string per intended change (a UUID), sent again unchanged on retry. A replay returns the first response (kept 48 h); without it the write is refused with 400 idempotency-key-required. */
                "idempotency-key": string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Adjustment"];
            };
        };
        responses: {
            /** @description Recorded: the ledger entry, with each line’s balance after. */
            201: {
                headers: {
                    /** @description Names this request in the logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    /** @description Present, as `true`, when this is the stored answer to an earlier request with the same Idempotency-Key: nothing changed this time. */
                    "Idempotent-Replayed"?: "true";
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Movement"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["IdempotencyConflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["IdempotencyKeyReused"];
            429: components["responses"]["Throttled"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    recordCount: {
        parameters: {
            query?: never;
            header: {
                /** @description Required: a unique string per intended change (a UUID), sent again unchanged on retry. A replay returns the first response (kept 48 h); without it the write is refused with 400 idempotency-key-required. */
                "idempotency-key": string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Count"];
            };
        };
        responses: {
            /** @description Recorded: the ledger entry, with each line’s balance after, and any warnings. */
            201: {
                headers: {
                    /** @description Names this request in the logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    /** @description Present, as `true`, when this is the stored answer to an earlier request with the same Idempotency-Key: nothing changed this time. */
                    "Idempotent-Replayed"?: "true";
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CountResult"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["IdempotencyConflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["IdempotencyKeyReused"];
            429: components["responses"]["Throttled"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    listTransfers: {
        parameters: {
            query: {
                limit?: number;
                /** @description The `nextCursor` of the previous page, sent back unchanged by the same key with the same filters (`limit` may change). Any other cursor is refused with 400 `invalid-cursor`. */
                cursor?: string;
                shelterId: string;
                direction?: "outgoing" | "incoming";
                status?: components["schemas"]["TransferStatus"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page. */
            200: {
                headers: {
                    /** @description Names this request in the logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Transfer"][];
                        nextCursor: string | null;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["Throttled"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    dispatchTransfer: {
        parameters: {
            query?: never;
            header: {
                /** @description Required: a unique string per intended change (a UUID), sent again unchanged on retry. A replay returns the first response (kept 48 h); without it the write is refused with 400 idempotency-key-required. */
                "idempotency-key": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DispatchTransfer"];
            };
        };
        responses: {
            /** @description In transit. */
            201: {
                headers: {
                    /** @description Names this request in the logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    /** @description Present, as `true`, when this is the stored answer to an earlier request with the same Idempotency-Key: nothing changed this time. */
                    "Idempotent-Replayed"?: "true";
                    /** @description The path of the created resource. */
                    Location: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Transfer"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["IdempotencyConflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["IdempotencyKeyReused"];
            429: components["responses"]["Throttled"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    receiveTransfer: {
        parameters: {
            query?: never;
            header: {
                /** @description Required: a unique string per intended change (a UUID), sent again unchanged on retry. A replay returns the first response (kept 48 h); without it the write is refused with 400 idempotency-key-required. */
                "idempotency-key": string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReceiveTransfer"];
            };
        };
        responses: {
            /** @description Received. */
            200: {
                headers: {
                    /** @description Names this request in the logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    /** @description Present, as `true`, when this is the stored answer to an earlier request with the same Idempotency-Key: nothing changed this time. */
                    "Idempotent-Replayed"?: "true";
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Transfer"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["IdempotencyConflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["IdempotencyKeyReused"];
            429: components["responses"]["Throttled"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    getTransferWaybillSvg: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description SVG, A4, in millimetres. */
            200: {
                headers: {
                    /** @description Names this request in the logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    /** @description What the QR code holds: the receive form of this transfer on the desk. */
                    "X-Waybill-Url"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "image/svg+xml": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["Throttled"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    getTransfer: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The transfer. */
            200: {
                headers: {
                    /** @description Names this request in the logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Transfer"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["Throttled"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    listStock: {
        parameters: {
            query?: {
                limit?: number;
                /** @description The `nextCursor` of the previous page, sent back unchanged by the same key with the same filters (`limit` may change). Any other cursor is refused with 400 `invalid-cursor`. */
                cursor?: string;
                shelterId?: string;
                itemId?: string;
                category?: components["schemas"]["ItemCategory"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of balances. */
            200: {
                headers: {
                    /** @description Names this request in the logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["StockBalance"][];
                        nextCursor: string | null;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["Throttled"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    setLowStockThreshold: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                itemId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LowStockThreshold"];
            };
        };
        responses: {
            /** @description The balance with its new threshold. */
            200: {
                headers: {
                    /** @description Names this request in the logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StockBalance"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["Throttled"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    listMovements: {
        parameters: {
            query?: {
                limit?: number;
                /** @description The `nextCursor` of the previous page, sent back unchanged by the same key with the same filters (`limit` may change). Any other cursor is refused with 400 `invalid-cursor`. */
                cursor?: string;
                /** @description Earliest movement, inclusive. A date (YYYY-MM-DD) means from 00:00 that day in Cambodia (UTC+07:00); or send a date-time with offset. */
                from?: string;
                /** @description Latest movement, inclusive. A date (YYYY-MM-DD) means through the end of that day (23:59:59.999) in Cambodia (UTC+07:00); or send a date-time with offset. */
                to?: string;
                order?: "asc" | "desc";
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of movements. */
            200: {
                headers: {
                    /** @description Names this request in the logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Movement"][];
                        nextCursor: string | null;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["Throttled"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    getMovement: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                movementId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The ledger entry. */
            200: {
                headers: {
                    /** @description Names this request in the logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Movement"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["Throttled"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    getStockReportCsv: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description CSV: header row, HXL hashtag row, one row per balance. */
            200: {
                headers: {
                    /** @description Names this request in the logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["Throttled"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    setCoverWarningDays: {
        parameters: {
            query?: never;
            header: {
                /** @description Required: a unique string per intended change (a UUID), sent again unchanged on retry. A replay returns the first response (kept 48 h); without it the write is refused with 400 idempotency-key-required. */
                "idempotency-key": string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CoverWarningDays"];
            };
        };
        responses: {
            /** @description The shelter with its level. */
            200: {
                headers: {
                    /** @description Names this request in the logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    /** @description Present, as `true`, when this is the stored answer to an earlier request with the same Idempotency-Key: nothing changed this time. */
                    "Idempotent-Replayed"?: "true";
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Shelter"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["IdempotencyConflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["IdempotencyKeyReused"];
            429: components["responses"]["Throttled"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    getAlertRecipients: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Who hears the alerts. */
            200: {
                headers: {
                    /** @description Names this request in the logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AlertRecipients"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["Throttled"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    getVouchersToday: {
        parameters: {
            query?: {
                shelterId?: string;
                utcOffsetMinutes?: number | null;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Counts per shelter in the key’s scope. */
            200: {
                headers: {
                    /** @description Names this request in the logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VouchersToday"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["Throttled"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    verifyVoucher: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["VerifyVoucher"];
            };
        };
        responses: {
            /** @description The voucher as a volunteer sees it. */
            200: {
                headers: {
                    /** @description Names this request in the logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VolunteerVoucher"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["Throttled"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    redeemVoucher: {
        parameters: {
            query?: never;
            header: {
                /** @description Required: a unique string per intended change (a UUID), sent again unchanged on retry. A replay returns the first response (kept 48 h); without it the write is refused with 400 idempotency-key-required. */
                "idempotency-key": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Redeem"];
            };
        };
        responses: {
            /** @description Redeemed: hand over the lines. */
            200: {
                headers: {
                    /** @description Names this request in the logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    /** @description Present, as `true`, when this is the stored answer to an earlier request with the same Idempotency-Key: nothing changed this time. */
                    "Idempotent-Replayed"?: "true";
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Redemption"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["IdempotencyConflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["IdempotencyKeyReused"];
            429: components["responses"]["Throttled"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    getVoucherKeys: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Every key a live voucher may be signed with. */
            200: {
                headers: {
                    /** @description Names this request in the logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VoucherKeys"];
                };
            };
            400: components["responses"]["BadRequest"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["Throttled"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    listVouchers: {
        parameters: {
            query?: {
                limit?: number;
                /** @description The `nextCursor` of the previous page, sent back unchanged by the same key with the same filters (`limit` may change). Any other cursor is refused with 400 `invalid-cursor`. */
                cursor?: string;
                status?: components["schemas"]["VoucherStatus"];
                shelterId?: string;
                /** @description Issued at or after, inclusive. A date (YYYY-MM-DD) means from 00:00 UTC that day; or send a date-time with offset. */
                issuedFrom?: string;
                /** @description Issued at or before, inclusive. A date (YYYY-MM-DD) means through the end of that day (23:59:59.999) UTC; or send a date-time with offset. */
                issuedTo?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page. */
            200: {
                headers: {
                    /** @description Names this request in the logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Voucher"][];
                        nextCursor: string | null;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["Throttled"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    issueVoucher: {
        parameters: {
            query?: never;
            header: {
                /** @description Required: a unique string per intended change (a UUID), sent again unchanged on retry. A replay returns the first response (kept 48 h); without it the write is refused with 400 idempotency-key-required. */
                "idempotency-key": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["IssueVoucher"];
            };
        };
        responses: {
            /** @description Issued. */
            201: {
                headers: {
                    /** @description Names this request in the logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    /** @description Present, as `true`, when this is the stored answer to an earlier request with the same Idempotency-Key: nothing changed this time. */
                    "Idempotent-Replayed"?: "true";
                    /** @description The path of the created resource. */
                    Location: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Voucher"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["IdempotencyConflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["IdempotencyKeyReused"];
            429: components["responses"]["Throttled"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    issueVoucherBatch: {
        parameters: {
            query?: never;
            header: {
                /** @description Required: a unique string per intended change (a UUID), sent again unchanged on retry. A replay returns the first response (kept 48 h); without it the write is refused with 400 idempotency-key-required. */
                "idempotency-key": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["IssueVoucherBatch"];
            };
        };
        responses: {
            /** @description A result per row. */
            200: {
                headers: {
                    /** @description Names this request in the logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    /** @description Present, as `true`, when this is the stored answer to an earlier request with the same Idempotency-Key: nothing changed this time. */
                    "Idempotent-Replayed"?: "true";
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IssueVoucherBatchResult"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["IdempotencyConflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["IdempotencyKeyReused"];
            429: components["responses"]["Throttled"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    getVoucher: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The voucher. */
            200: {
                headers: {
                    /** @description Names this request in the logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Voucher"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["Throttled"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    voidVoucher: {
        parameters: {
            query?: never;
            header: {
                /** @description Required: a unique string per intended change (a UUID), sent again unchanged on retry. A replay returns the first response (kept 48 h); without it the write is refused with 400 idempotency-key-required. */
                "idempotency-key": string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["VoidVoucher"];
            };
        };
        responses: {
            /** @description Void. */
            200: {
                headers: {
                    /** @description Names this request in the logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    /** @description Present, as `true`, when this is the stored answer to an earlier request with the same Idempotency-Key: nothing changed this time. */
                    "Idempotent-Replayed"?: "true";
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Voucher"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["IdempotencyConflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["IdempotencyKeyReused"];
            429: components["responses"]["Throttled"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    getVoucherQrSvg: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description SVG. */
            200: {
                headers: {
                    /** @description Names this request in the logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "image/svg+xml": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["Throttled"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    getVoucherQrPng: {
        parameters: {
            query?: {
                size?: number;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description PNG. */
            200: {
                headers: {
                    /** @description Names this request in the logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "image/png": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["Throttled"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    getVoucherSlip: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description HTML. */
            200: {
                headers: {
                    /** @description Names this request in the logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["Throttled"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    getVoucherSlips: {
        parameters: {
            query: {
                /** @description Comma-separated voucher ids. */
                ids: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description HTML. */
            200: {
                headers: {
                    /** @description Names this request in the logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["Throttled"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    listOrganizations: {
        parameters: {
            query?: {
                limit?: number;
                /** @description The `nextCursor` of the previous page, sent back unchanged by the same key with the same filters (`limit` may change). Any other cursor is refused with 400 `invalid-cursor`. */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page. */
            200: {
                headers: {
                    /** @description Names this request in the logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Organization"][];
                        nextCursor: string | null;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["Throttled"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    createOrganization: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateOrganization"];
            };
        };
        responses: {
            /** @description Created. */
            201: {
                headers: {
                    /** @description Names this request in the logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Organization"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["Throttled"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    listApiKeys: {
        parameters: {
            query?: {
                limit?: number;
                /** @description The `nextCursor` of the previous page, sent back unchanged by the same key with the same filters (`limit` may change). Any other cursor is refused with 400 `invalid-cursor`. */
                cursor?: string;
                /** @description Whose keys. Default: the caller’s organisation. */
                orgId?: string;
                /** @description `machine`: partner systems’ and scripts’ keys; `person`: keys people made from an invitation. Both when left out. */
                kind?: components["schemas"]["KeyKind"] & unknown;
                /** @description Both when left out. */
                status?: "active" | "revoked";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page. */
            200: {
                headers: {
                    /** @description Names this request in the logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["ApiKey"][];
                        nextCursor: string | null;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["Throttled"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    createApiKey: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateApiKey"];
            };
        };
        responses: {
            /** @description Created. */
            201: {
                headers: {
                    /** @description Names this request in the logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreatedApiKey"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["Throttled"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    revokeApiKey: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Revoked. */
            200: {
                headers: {
                    /** @description Names this request in the logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiKey"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["Throttled"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    listPeople: {
        parameters: {
            query?: {
                limit?: number;
                /** @description The `nextCursor` of the previous page, sent back unchanged by the same key with the same filters (`limit` may change). Any other cursor is refused with 400 `invalid-cursor`. */
                cursor?: string;
                /** @description Admins: one organisation’s people. */
                orgId?: string;
                role?: components["schemas"]["Role"];
                status?: components["schemas"]["PersonStatus"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page. */
            200: {
                headers: {
                    /** @description Names this request in the logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Person"][];
                        nextCursor: string | null;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["Throttled"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    createPerson: {
        parameters: {
            query?: never;
            header: {
                /** @description Required: a unique string per intended change (a UUID), sent again unchanged on retry. A replay returns the first response (kept 48 h); without it the write is refused with 400 idempotency-key-required. */
                "idempotency-key": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreatePerson"];
            };
        };
        responses: {
            /** @description Added, status `invited`. */
            201: {
                headers: {
                    /** @description Names this request in the logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    /** @description Present, as `true`, when this is the stored answer to an earlier request with the same Idempotency-Key: nothing changed this time. */
                    "Idempotent-Replayed"?: "true";
                    /** @description The path of the created resource. */
                    Location: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Person"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["IdempotencyConflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["IdempotencyKeyReused"];
            429: components["responses"]["Throttled"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    getPerson: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The person. */
            200: {
                headers: {
                    /** @description Names this request in the logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PersonDetail"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["Throttled"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    updatePerson: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdatePerson"];
            };
        };
        responses: {
            /** @description Changed. */
            200: {
                headers: {
                    /** @description Names this request in the logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Person"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["Throttled"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    revokePerson: {
        parameters: {
            query?: never;
            header: {
                /** @description Required: a unique string per intended change (a UUID), sent again unchanged on retry. A replay returns the first response (kept 48 h); without it the write is refused with 400 idempotency-key-required. */
                "idempotency-key": string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": Record<string, never>;
            };
        };
        responses: {
            /** @description Revoked. */
            200: {
                headers: {
                    /** @description Names this request in the logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    /** @description Present, as `true`, when this is the stored answer to an earlier request with the same Idempotency-Key: nothing changed this time. */
                    "Idempotent-Replayed"?: "true";
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Person"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["IdempotencyConflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["IdempotencyKeyReused"];
            429: components["responses"]["Throttled"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    revokePersonKey: {
        parameters: {
            query?: never;
            header: {
                /** @description Required: a unique string per intended change (a UUID), sent again unchanged on retry. A replay returns the first response (kept 48 h); without it the write is refused with 400 idempotency-key-required. */
                "idempotency-key": string;
            };
            path: {
                id: string;
                keyId: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": Record<string, never>;
            };
        };
        responses: {
            /** @description Revoked. */
            200: {
                headers: {
                    /** @description Names this request in the logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    /** @description Present, as `true`, when this is the stored answer to an earlier request with the same Idempotency-Key: nothing changed this time. */
                    "Idempotent-Replayed"?: "true";
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PersonKey"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["IdempotencyConflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["IdempotencyKeyReused"];
            429: components["responses"]["Throttled"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    createInvitation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["CreateInvitation"];
            };
        };
        responses: {
            /** @description Created: show the QR code, or send the link. */
            201: {
                headers: {
                    /** @description Names this request in the logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreatedInvitation"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["Throttled"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    revokeInvitation: {
        parameters: {
            query?: never;
            header: {
                /** @description Required: a unique string per intended change (a UUID), sent again unchanged on retry. A replay returns the first response (kept 48 h); without it the write is refused with 400 idempotency-key-required. */
                "idempotency-key": string;
            };
            path: {
                id: string;
                invitationId: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": Record<string, never>;
            };
        };
        responses: {
            /** @description Withdrawn. */
            200: {
                headers: {
                    /** @description Names this request in the logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    /** @description Present, as `true`, when this is the stored answer to an earlier request with the same Idempotency-Key: nothing changed this time. */
                    "Idempotent-Replayed"?: "true";
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Invitation"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["IdempotencyConflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["IdempotencyKeyReused"];
            429: components["responses"]["Throttled"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    acceptInvitation: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AcceptInvitation"];
            };
        };
        responses: {
            /** @description The person’s key, and where they land. */
            200: {
                headers: {
                    /** @description Names this request in the logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AcceptedInvitation"];
                };
            };
            400: components["responses"]["BadRequest"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            410: components["responses"]["Gone"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyAttempts"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    listWebhooks: {
        parameters: {
            query?: {
                limit?: number;
                /** @description The `nextCursor` of the previous page, sent back unchanged by the same key with the same filters (`limit` may change). Any other cursor is refused with 400 `invalid-cursor`. */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page. */
            200: {
                headers: {
                    /** @description Names this request in the logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Webhook"][];
                        nextCursor: string | null;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["Throttled"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    createWebhook: {
        parameters: {
            query?: never;
            header: {
                /** @description Required: a unique string per intended change (a UUID), sent again unchanged on retry. A replay returns the first response (kept 48 h); without it the write is refused with 400 idempotency-key-required. */
                "idempotency-key": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateWebhook"];
            };
        };
        responses: {
            /** @description Subscribed. */
            201: {
                headers: {
                    /** @description Names this request in the logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    /** @description Present, as `true`, when this is the stored answer to an earlier request with the same Idempotency-Key: nothing changed this time. */
                    "Idempotent-Replayed"?: "true";
                    /** @description The path of the created resource. */
                    Location: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreatedWebhook"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["IdempotencyConflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["IdempotencyKeyReused"];
            429: components["responses"]["Throttled"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    rotateWebhookSecret: {
        parameters: {
            query?: never;
            header: {
                /** @description Required: a unique string per intended change (a UUID), sent again unchanged on retry. A replay returns the first response (kept 48 h); without it the write is refused with 400 idempotency-key-required. */
                "idempotency-key": string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["RotateWebhookSecret"];
            };
        };
        responses: {
            /** @description Rotated. */
            200: {
                headers: {
                    /** @description Names this request in the logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    /** @description Present, as `true`, when this is the stored answer to an earlier request with the same Idempotency-Key: nothing changed this time. */
                    "Idempotent-Replayed"?: "true";
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookWithNewSecret"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["IdempotencyConflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["IdempotencyKeyReused"];
            429: components["responses"]["Throttled"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    getWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The subscription. */
            200: {
                headers: {
                    /** @description Names this request in the logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Webhook"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["Throttled"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    deleteWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted. */
            204: {
                headers: {
                    /** @description Names this request in the logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["Throttled"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    enableWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["NoBody"];
            };
        };
        responses: {
            /** @description Active again. */
            200: {
                headers: {
                    /** @description Names this request in the logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Webhook"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["Throttled"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    listWebhookDeliveries: {
        parameters: {
            query?: {
                limit?: number;
                /** @description The `nextCursor` of the previous page, sent back unchanged by the same key with the same filters (`limit` may change). Any other cursor is refused with 400 `invalid-cursor`. */
                cursor?: string;
                /** @description `queued`: waiting to go out, oldest first (the head is the one being retried); `past`: delivered or abandoned, newest first (kept 7 days). */
                state?: "queued" | "past";
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page. */
            200: {
                headers: {
                    /** @description Names this request in the logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["WebhookDelivery"][];
                        nextCursor: string | null;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["Throttled"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    redeliverWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                deliveryId: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["NoBody"];
            };
        };
        responses: {
            /** @description Attempted. */
            200: {
                headers: {
                    /** @description Names this request in the logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookDelivery"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["Throttled"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    readEvents: {
        parameters: {
            query?: {
                /** @description The `nextCursor` of the previous page; the oldest kept event (7 days) when absent. */
                after?: string;
                /** @description Comma-separated event types; every type when absent. */
                types?: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Events after the cursor. */
            200: {
                headers: {
                    /** @description Names this request in the logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EventPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["Throttled"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    listDevices: {
        parameters: {
            query: {
                limit?: number;
                /** @description The `nextCursor` of the previous page, sent back unchanged by the same key with the same filters (`limit` may change). Any other cursor is refused with 400 `invalid-cursor`. */
                cursor?: string;
                shelterId: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page. */
            200: {
                headers: {
                    /** @description Names this request in the logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Device"][];
                        nextCursor: string | null;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["Throttled"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    createDevice: {
        parameters: {
            query?: never;
            header: {
                /** @description Required: a unique string per intended change (a UUID), sent again unchanged on retry. A replay returns the first response (kept 48 h); without it the write is refused with 400 idempotency-key-required. */
                "idempotency-key": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RegisterDevice"];
            };
        };
        responses: {
            /** @description Registered: keep the secret on the device. */
            201: {
                headers: {
                    /** @description Names this request in the logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    /** @description Present, as `true`, when this is the stored answer to an earlier request with the same Idempotency-Key: nothing changed this time. */
                    "Idempotent-Replayed"?: "true";
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RegisteredDevice"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["IdempotencyConflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["IdempotencyKeyReused"];
            429: components["responses"]["Throttled"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    revokeDevice: {
        parameters: {
            query?: never;
            header: {
                /** @description Required: a unique string per intended change (a UUID), sent again unchanged on retry. A replay returns the first response (kept 48 h); without it the write is refused with 400 idempotency-key-required. */
                "idempotency-key": string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": Record<string, never>;
            };
        };
        responses: {
            /** @description Revoked. */
            200: {
                headers: {
                    /** @description Names this request in the logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    /** @description Present, as `true`, when this is the stored answer to an earlier request with the same Idempotency-Key: nothing changed this time. */
                    "Idempotent-Replayed"?: "true";
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Device"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["IdempotencyConflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["IdempotencyKeyReused"];
            429: components["responses"]["Throttled"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    releaseDevice: {
        parameters: {
            query?: never;
            header: {
                /** @description Required: a unique string per intended change (a UUID), sent again unchanged on retry. A replay returns the first response (kept 48 h); without it the write is refused with 400 idempotency-key-required. */
                "idempotency-key": string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": Record<string, never>;
            };
        };
        responses: {
            /** @description Signed off, its vouchers back in the pool. */
            200: {
                headers: {
                    /** @description Names this request in the logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    /** @description Present, as `true`, when this is the stored answer to an earlier request with the same Idempotency-Key: nothing changed this time. */
                    "Idempotent-Replayed"?: "true";
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReleasedDevice"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["IdempotencyConflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["IdempotencyKeyReused"];
            429: components["responses"]["Throttled"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    signOffDevice: {
        parameters: {
            query?: never;
            header: {
                /** @description Required: a unique string per intended change (a UUID), sent again unchanged on retry. A replay returns the first response (kept 48 h); without it the write is refused with 400 idempotency-key-required. */
                "idempotency-key": string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": Record<string, never>;
            };
        };
        responses: {
            /** @description Signed off. */
            200: {
                headers: {
                    /** @description Names this request in the logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    /** @description Present, as `true`, when this is the stored answer to an earlier request with the same Idempotency-Key: nothing changed this time. */
                    "Idempotent-Replayed"?: "true";
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Device"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["IdempotencyConflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["IdempotencyKeyReused"];
            429: components["responses"]["Throttled"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    getDevice: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The device. */
            200: {
                headers: {
                    /** @description Names this request in the logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Device"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["Throttled"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    getDevicePack: {
        parameters: {
            query?: {
                /** @description The cursor of the last pack applied; absent for a full pack. */
                since?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The pack. */
            200: {
                headers: {
                    /** @description Names this request in the logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DevicePack"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["Throttled"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    handBackVouchers: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["HandBack"];
            };
        };
        responses: {
            /** @description Which leases ended, and which this device did not hold. */
            200: {
                headers: {
                    /** @description Names this request in the logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HandBackResult"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["Throttled"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    syncDevice: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SyncRecords"];
            };
        };
        responses: {
            /** @description One result per record, and the sequence gaps. */
            200: {
                headers: {
                    /** @description Names this request in the logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SyncResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["Throttled"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    listConflicts: {
        parameters: {
            query: {
                limit?: number;
                /** @description The `nextCursor` of the previous page, sent back unchanged by the same key with the same filters (`limit` may change). Any other cursor is refused with 400 `invalid-cursor`. */
                cursor?: string;
                shelterId: string;
                status?: components["schemas"]["ConflictStatus"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page. */
            200: {
                headers: {
                    /** @description Names this request in the logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Conflict"][];
                        nextCursor: string | null;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["Throttled"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    getConflict: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The conflict. */
            200: {
                headers: {
                    /** @description Names this request in the logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Conflict"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["Throttled"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    resolveConflict: {
        parameters: {
            query?: never;
            header: {
                /** @description Required: a unique string per intended change (a UUID), sent again unchanged on retry. A replay returns the first response (kept 48 h); without it the write is refused with 400 idempotency-key-required. */
                "idempotency-key": string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ResolveConflict"];
            };
        };
        responses: {
            /** @description Resolved. */
            200: {
                headers: {
                    /** @description Names this request in the logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    /** @description Present, as `true`, when this is the stored answer to an earlier request with the same Idempotency-Key: nothing changed this time. */
                    "Idempotent-Replayed"?: "true";
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Conflict"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["IdempotencyConflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["IdempotencyKeyReused"];
            429: components["responses"]["Throttled"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    listCountSessions: {
        parameters: {
            query?: {
                limit?: number;
                /** @description The `nextCursor` of the previous page, sent back unchanged by the same key with the same filters (`limit` may change). Any other cursor is refused with 400 `invalid-cursor`. */
                cursor?: string;
                status?: components["schemas"]["CountSessionStatus"];
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page. */
            200: {
                headers: {
                    /** @description Names this request in the logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["CountSessionSummary"][];
                        nextCursor: string | null;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["Throttled"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    createCountSession: {
        parameters: {
            query?: never;
            header: {
                /** @description Required: a unique string per intended change (a UUID), sent again unchanged on retry. A replay returns the first response (kept 48 h); without it the write is refused with 400 idempotency-key-required. */
                "idempotency-key": string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateCountSession"];
            };
        };
        responses: {
            /** @description Started. */
            201: {
                headers: {
                    /** @description Names this request in the logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    /** @description Present, as `true`, when this is the stored answer to an earlier request with the same Idempotency-Key: nothing changed this time. */
                    "Idempotent-Replayed"?: "true";
                    /** @description The path of the created resource. */
                    Location: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CountSession"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["IdempotencyConflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["IdempotencyKeyReused"];
            429: components["responses"]["Throttled"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    getCountSession: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The session. */
            200: {
                headers: {
                    /** @description Names this request in the logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CountSession"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["Throttled"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    enterCountLine: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                itemId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["EnterCountLine"];
            };
        };
        responses: {
            /** @description The line as entered. */
            200: {
                headers: {
                    /** @description Names this request in the logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CountLine"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["Throttled"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    giveCountReason: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                itemId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CountReason"];
            };
        };
        responses: {
            /** @description The line with its reason. */
            200: {
                headers: {
                    /** @description Names this request in the logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CountLine"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["Throttled"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    submitCountSession: {
        parameters: {
            query?: never;
            header: {
                /** @description Required: a unique string per intended change (a UUID), sent again unchanged on retry. A replay returns the first response (kept 48 h); without it the write is refused with 400 idempotency-key-required. */
                "idempotency-key": string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": Record<string, never>;
            };
        };
        responses: {
            /** @description The session after the step. */
            200: {
                headers: {
                    /** @description Names this request in the logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    /** @description Present, as `true`, when this is the stored answer to an earlier request with the same Idempotency-Key: nothing changed this time. */
                    "Idempotent-Replayed"?: "true";
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CountSession"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["IdempotencyConflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["IdempotencyKeyReused"];
            429: components["responses"]["Throttled"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    approveCountSession: {
        parameters: {
            query?: never;
            header: {
                /** @description Required: a unique string per intended change (a UUID), sent again unchanged on retry. A replay returns the first response (kept 48 h); without it the write is refused with 400 idempotency-key-required. */
                "idempotency-key": string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["ApproveCountSession"];
            };
        };
        responses: {
            /** @description The session after the step. */
            200: {
                headers: {
                    /** @description Names this request in the logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    /** @description Present, as `true`, when this is the stored answer to an earlier request with the same Idempotency-Key: nothing changed this time. */
                    "Idempotent-Replayed"?: "true";
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CountSession"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["IdempotencyConflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["IdempotencyKeyReused"];
            429: components["responses"]["Throttled"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    rejectCountSession: {
        parameters: {
            query?: never;
            header: {
                /** @description Required: a unique string per intended change (a UUID), sent again unchanged on retry. A replay returns the first response (kept 48 h); without it the write is refused with 400 idempotency-key-required. */
                "idempotency-key": string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RejectCountSession"];
            };
        };
        responses: {
            /** @description The session after the step. */
            200: {
                headers: {
                    /** @description Names this request in the logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    /** @description Present, as `true`, when this is the stored answer to an earlier request with the same Idempotency-Key: nothing changed this time. */
                    "Idempotent-Replayed"?: "true";
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CountSession"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["IdempotencyConflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["IdempotencyKeyReused"];
            429: components["responses"]["Throttled"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    cancelCountSession: {
        parameters: {
            query?: never;
            header: {
                /** @description Required: a unique string per intended change (a UUID), sent again unchanged on retry. A replay returns the first response (kept 48 h); without it the write is refused with 400 idempotency-key-required. */
                "idempotency-key": string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["CancelCountSession"];
            };
        };
        responses: {
            /** @description The session after the step. */
            200: {
                headers: {
                    /** @description Names this request in the logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    /** @description Present, as `true`, when this is the stored answer to an earlier request with the same Idempotency-Key: nothing changed this time. */
                    "Idempotent-Replayed"?: "true";
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CountSession"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["IdempotencyConflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["IdempotencyKeyReused"];
            429: components["responses"]["Throttled"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    listRounds: {
        parameters: {
            query?: {
                status?: components["schemas"]["RoundStatus"];
                shelterId?: string;
                /** @description Admins: rounds shared with this organisation. */
                orgId?: string;
                limit?: number;
                /** @description The `nextCursor` of the previous page. */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page. */
            200: {
                headers: {
                    /** @description Names this request in the logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Round"][];
                        nextCursor: string | null;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["Throttled"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    createRound: {
        parameters: {
            query?: never;
            header: {
                /** @description Required: a unique string per intended change (a UUID), sent again unchanged on retry. A replay returns the first response (kept 48 h); without it the write is refused with 400 idempotency-key-required. */
                "idempotency-key": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateRound"];
            };
        };
        responses: {
            /** @description Created, as a draft. */
            201: {
                headers: {
                    /** @description Names this request in the logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    /** @description Present, as `true`, when this is the stored answer to an earlier request with the same Idempotency-Key: nothing changed this time. */
                    "Idempotent-Replayed"?: "true";
                    /** @description The path of the created resource. */
                    Location: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Round"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["IdempotencyConflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["IdempotencyKeyReused"];
            429: components["responses"]["Throttled"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    getRound: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The round. */
            200: {
                headers: {
                    /** @description Names this request in the logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Round"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["Throttled"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    updateRound: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateRound"];
            };
        };
        responses: {
            /** @description Updated. */
            200: {
                headers: {
                    /** @description Names this request in the logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Round"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["Throttled"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    openRound: {
        parameters: {
            query?: never;
            header: {
                /** @description Required: a unique string per intended change (a UUID), sent again unchanged on retry. A replay returns the first response (kept 48 h); without it the write is refused with 400 idempotency-key-required. */
                "idempotency-key": string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": Record<string, never>;
            };
        };
        responses: {
            /** @description Open. */
            200: {
                headers: {
                    /** @description Names this request in the logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    /** @description Present, as `true`, when this is the stored answer to an earlier request with the same Idempotency-Key: nothing changed this time. */
                    "Idempotent-Replayed"?: "true";
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Round"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["IdempotencyConflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["IdempotencyKeyReused"];
            429: components["responses"]["Throttled"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    closeRound: {
        parameters: {
            query?: never;
            header: {
                /** @description Required: a unique string per intended change (a UUID), sent again unchanged on retry. A replay returns the first response (kept 48 h); without it the write is refused with 400 idempotency-key-required. */
                "idempotency-key": string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": Record<string, never>;
            };
        };
        responses: {
            /** @description The round: `open` with `closeRequest` after the first key, `closed` after the second. */
            200: {
                headers: {
                    /** @description Names this request in the logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    /** @description Present, as `true`, when this is the stored answer to an earlier request with the same Idempotency-Key: nothing changed this time. */
                    "Idempotent-Replayed"?: "true";
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Round"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["IdempotencyConflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["IdempotencyKeyReused"];
            429: components["responses"]["Throttled"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    issueRoundHouseholds: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        /** @description Required: the household list, as JSON or as CSV. */
        requestBody?: {
            content: {
                "application/json": components["schemas"]["HouseholdList"];
                "text/csv": string;
            };
        };
        responses: {
            /** @description A result per row. */
            200: {
                headers: {
                    /** @description Names this request in the logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HouseholdIssueResult"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["Throttled"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    forecastRound: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        /** @description Required: the household list, as JSON or as CSV. */
        requestBody?: {
            content: {
                "application/json": components["schemas"]["HouseholdList"];
                "text/csv": string;
            };
        };
        responses: {
            /** @description Needed, available, shortfall and days of cover after. */
            200: {
                headers: {
                    /** @description Names this request in the logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RoundForecast"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["Throttled"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    getRoundReconciliation: {
        parameters: {
            query?: {
                format?: "json" | "csv";
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The reconciliation. */
            200: {
                headers: {
                    /** @description Names this request in the logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RoundReconciliation"];
                    "text/csv": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["Throttled"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    checkBeneficiaries: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["BeneficiaryCheck"];
            };
        };
        responses: {
            /** @description One result per reference. */
            200: {
                headers: {
                    /** @description Names this request in the logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BeneficiaryCheckResult"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    listBeneficiaryChecks: {
        parameters: {
            query?: {
                limit?: number;
                /** @description The `nextCursor` of the previous page, sent back unchanged by the same key with the same filters (`limit` may change). Any other cursor is refused with 400 `invalid-cursor`. */
                cursor?: string;
                /** @description Only the calls of this organisation. */
                orgId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page. */
            200: {
                headers: {
                    /** @description Names this request in the logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["BeneficiaryCheckLogEntry"][];
                        nextCursor: string | null;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["Throttled"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    planTransfers: {
        parameters: {
            query?: {
                /** @description Days of cover to reach at every shelter (whole days, 1 to 90); 7 when left out. */
                targetDays?: number;
                /** @description Plan this item only; every item when left out. */
                itemId?: string;
                /** @description How many suggestions to list, most urgent first (1 to 1,000; 200 when left out). The summaries count every suggestion of the plan. */
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The plan. */
            200: {
                headers: {
                    /** @description Names this request in the logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TransferPlan"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["Throttled"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    getNeedsReport: {
        parameters: {
            query?: {
                /** @description Days of cover to reach at every shelter (whole days, 1 to 90); 7 when left out. */
                targetDays?: number;
                /** @description This item only; every item when left out. */
                itemId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The report. */
            200: {
                headers: {
                    /** @description Names this request in the logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NeedsReport"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["Throttled"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    getNeedsReportCsv: {
        parameters: {
            query?: {
                /** @description Days of cover to reach at every shelter (whole days, 1 to 90); 7 when left out. */
                targetDays?: number;
                /** @description This item only; every item when left out. */
                itemId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description CSV: header row, HXL hashtag row, one row per shelter and item missing something. */
            200: {
                headers: {
                    /** @description Names this request in the logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["Throttled"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    getScanPage: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The page. */
            200: {
                headers: {
                    /** @description Names this request in the logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    /** @description Version of the file; send it as `If-None-Match` to revalidate. */
                    ETag: string;
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description Not modified: the copy named by the request’s `If-None-Match` is current. */
            304: {
                headers: {
                    /** @description Names this request in the logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    /** @description Version of the file; send it as `If-None-Match` to revalidate. */
                    ETag: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["Throttled"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    getDashboardPage: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The page. */
            200: {
                headers: {
                    /** @description Names this request in the logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    /** @description Version of the file; send it as `If-None-Match` to revalidate. */
                    ETag: string;
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description Not modified: the copy named by the request’s `If-None-Match` is current. */
            304: {
                headers: {
                    /** @description Names this request in the logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    /** @description Version of the file; send it as `If-None-Match` to revalidate. */
                    ETag: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["Throttled"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    getDeskPage: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The page. */
            200: {
                headers: {
                    /** @description Names this request in the logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    /** @description Version of the file; send it as `If-None-Match` to revalidate. */
                    ETag: string;
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description Not modified: the copy named by the request’s `If-None-Match` is current. */
            304: {
                headers: {
                    /** @description Names this request in the logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    /** @description Version of the file; send it as `If-None-Match` to revalidate. */
                    ETag: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["Throttled"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    getCoordinatorPage: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The page. */
            200: {
                headers: {
                    /** @description Names this request in the logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    /** @description Version of the file; send it as `If-None-Match` to revalidate. */
                    ETag: string;
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description Not modified: the copy named by the request’s `If-None-Match` is current. */
            304: {
                headers: {
                    /** @description Names this request in the logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    /** @description Version of the file; send it as `If-None-Match` to revalidate. */
                    ETag: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["Throttled"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    getAdminPage: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The page. */
            200: {
                headers: {
                    /** @description Names this request in the logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    /** @description Version of the file; send it as `If-None-Match` to revalidate. */
                    ETag: string;
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description Not modified: the copy named by the request’s `If-None-Match` is current. */
            304: {
                headers: {
                    /** @description Names this request in the logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    /** @description Version of the file; send it as `If-None-Match` to revalidate. */
                    ETag: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["Throttled"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    getWebFile: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                folder: string;
                name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The file, brotli- or gzip-compressed when the client accepts it. */
            200: {
                headers: {
                    /** @description Names this request in the logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    /** @description Version of the file; send it as `If-None-Match` to revalidate. */
                    ETag: string;
                    [name: string]: unknown;
                };
                content: {
                    "text/javascript": string;
                    "text/css": string;
                    "image/png": string;
                    "image/svg+xml": string;
                    "application/manifest+json": string;
                };
            };
            /** @description Not modified: the copy named by the request’s `If-None-Match` is current. */
            304: {
                headers: {
                    /** @description Names this request in the logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    /** @description Version of the file; send it as `If-None-Match` to revalidate. */
                    ETag: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["Throttled"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    getSharedRule: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The module, brotli- or gzip-compressed when the client accepts it. */
            200: {
                headers: {
                    /** @description Names this request in the logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    /** @description Version of the file; send it as `If-None-Match` to revalidate. */
                    ETag: string;
                    [name: string]: unknown;
                };
                content: {
                    "text/javascript": string;
                };
            };
            /** @description Not modified: the copy named by the request’s `If-None-Match` is current. */
            304: {
                headers: {
                    /** @description Names this request in the logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    /** @description Version of the file; send it as `If-None-Match` to revalidate. */
                    ETag: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["Throttled"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    getScanServiceWorker: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The worker script, brotli- or gzip-compressed when the client accepts it. */
            200: {
                headers: {
                    /** @description Names this request in the logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    /** @description Version of the file; send it as `If-None-Match` to revalidate. */
                    ETag: string;
                    [name: string]: unknown;
                };
                content: {
                    "text/javascript": string;
                };
            };
            /** @description Not modified: the copy named by the request’s `If-None-Match` is current. */
            304: {
                headers: {
                    /** @description Names this request in the logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    /** @description Version of the file; send it as `If-None-Match` to revalidate. */
                    ETag: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["Throttled"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
}
