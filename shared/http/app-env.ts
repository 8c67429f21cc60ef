import type { KeyCache } from '../auth/key-cache.js';
import type { SecretSealer } from '../auth/secret-sealer.js';
import type { Principal } from '../domain/api-key.js';
import type { IdempotencyClaim } from '../domain/idempotency.js';
import type { ResolveHost, WebhookUrlPolicy } from '../domain/webhook-url.js';
import type { ErrorCode } from '../errors/app-errors.js';
import type { AlertRecipientsReader } from '../events/alert-recipients.js';
import type { WebhookSender } from '../events/webhook-sender.js';
import type { Logger } from '../logging/logger.js';
import type { MetricSet, MetricsSink } from '../metrics/metrics.js';
import type { Stores } from '../store/stores.js';
import type { VoucherSecrets } from '../usecases/voucher-context.js';

/** Everything the app needs from outside; built by an entry point, replaced piecemeal in tests. */
export interface AppDeps {
  stores: Stores;
  keyCache: KeyCache;
  logger: Logger;
  /** Where each request's metrics go at its end (embedded metric format lines in the log). */
  metrics: MetricsSink;
  now: () => Date;
  maxBodyBytes: number;
  /** Per-key allowances counted in the table. */
  limits: { checkReferencesPerHour: number };
  secrets: VoucherSecrets;
  /** Seals the secrets the server keeps (webhook signing secrets, replayable answers that hold one). */
  sealer: SecretSealer;
  /** Where webhooks may go, how their hosts are resolved for the check, and how one is sent (redelivery). */
  webhooks: { urlPolicy: WebhookUrlPolicy; resolveHost: ResolveHost; sender: WebhookSender };
  /**
   * Where the pages are served, for invitation links (`https://supplyline.example.org`); when
   * unset, the origin of the request that creates the invitation.
   */
  publicBaseUrl: string | undefined;
  /** Invitation codes tried per source address per minute, across every instance. */
  invitationAcceptsPerMinute: number;
  /** Who the stock-alert digests reach (the SNS topic's subscriptions on AWS; the log locally). */
  alertRecipients: AlertRecipientsReader;
}

export interface AppEnv {
  Variables: {
    requestId: string;
    deps: AppDeps;
    /** Set by `requireRole` on authenticated routes only. */
    principal: Principal;
    /** Set by `idempotent()` when the request carried an Idempotency-Key it now holds. */
    idempotency: IdempotencyClaim | undefined;
    /** The route matched inside a group loaded on first use (lazy-route-group.ts), for the access log. */
    routePath: string | undefined;
    /** This request's metrics, published when it is answered (middleware/request-metrics.ts). */
    metrics: MetricSet;
    /** The problem type of the last problem answer built for this request, if any. */
    problem: ErrorCode | undefined;
    /** Where the request came from, as the runtime saw it (client-address.ts); never logged. */
    clientAddress: string | undefined;
  };
}
