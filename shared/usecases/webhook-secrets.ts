import type { SecretSealer } from '../auth/secret-sealer.js';
import { liveSigningSecrets, type SigningSecret, type WebhookRecord } from '../domain/webhook.js';
import { signingSecretContext } from '../domain/webhook-secret-rotation.js';
import { newWebhookSecret } from '../domain/webhook-signature.js';

/** A fresh signing secret: in clear to show once, sealed to keep. */
export async function newSigningSecret(
  webhookId: string,
  sealer: SecretSealer,
  now: Date,
): Promise<{ secret: string; stored: SigningSecret }> {
  const secret = newWebhookSecret();
  const sealed = await sealer.seal(secret, signingSecretContext(webhookId));
  return { secret, stored: { sealed, createdAt: now.toISOString() } };
}

/**
 * The secrets a delivery made at `now` is signed with, in clear, newest first; undefined when
 * none is live (cannot happen while the newest never retires). Opened for the delivery only.
 */
export async function openSigningSecrets(
  webhook: WebhookRecord,
  sealer: SecretSealer,
  now: Date,
): Promise<[string, ...string[]] | undefined> {
  const opened = await Promise.all(
    liveSigningSecrets(webhook, now).map((secret) =>
      'plaintext' in secret ? secret.plaintext : sealer.open(secret.sealed, signingSecretContext(webhook.id)),
    ),
  );
  const [newest, ...rest] = opened;
  return newest === undefined ? undefined : [newest, ...rest];
}

/**
 * The subscription's live secrets in their stored (sealed) form: a subscription stored before
 * issue 24 has its one secret sealed here, to be written back by the caller.
 */
export async function sealedLiveSecrets(
  webhook: WebhookRecord,
  sealer: SecretSealer,
  now: Date,
): Promise<SigningSecret[]> {
  return Promise.all(
    liveSigningSecrets(webhook, now).map(async (secret) =>
      'plaintext' in secret
        ? {
            sealed: await sealer.seal(secret.plaintext, signingSecretContext(webhook.id)),
            createdAt: secret.createdAt,
          }
        : secret,
    ),
  );
}
