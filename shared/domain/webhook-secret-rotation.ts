import { MAX_SIGNING_SECRETS, type SigningSecret } from './webhook.js';

/** What a webhook's sealed signing secrets are bound to: moved to another subscription, they do not open. */
export function signingSecretContext(webhookId: string): string {
  return `webhook signing secret\n${webhookId}`;
}

export type Rotation = { kind: 'rotated'; secrets: SigningSecret[] } | { kind: 'refused'; message: string };

/**
 * A rotation, pure: the fresh secret signs from now on, and every secret that signs today keeps
 * signing beside it until the overlap ends (or until its own earlier end). An overlap of 0 hours
 * retires them at once (a secret that leaked). Refused when the newest and two secrets still
 * being retired are already live: a delivery carries one signature per live secret, and a
 * receiver cannot be switching over to three at a time.
 */
export function rotateSigningSecrets(
  live: readonly SigningSecret[],
  fresh: SigningSecret,
  now: Date,
  overlapHours: number,
): Rotation {
  const overlapEnd = now.getTime() + overlapHours * 3_600_000;
  const kept = live
    .map((secret) => {
      const end = Math.min(
        overlapEnd,
        secret.retiresAt === undefined ? Infinity : Date.parse(secret.retiresAt),
      );
      return { ...secret, retiresAt: new Date(end).toISOString() };
    })
    .filter((secret) => Date.parse(secret.retiresAt) > now.getTime());
  if (kept.length + 1 > MAX_SIGNING_SECRETS) {
    const soonest = kept.map((secret) => secret.retiresAt).sort()[0] ?? now.toISOString();
    return {
      kind: 'refused',
      message: `${kept.length} secrets are still being rotated out (the first until ${soonest}). Rotate again after that, or with overlapHours 0 to retire every other secret at once.`,
    };
  }
  return { kind: 'rotated', secrets: [fresh, ...kept] };
}
