import type { SecretSealer } from '../auth/secret-sealer.js';
import { type IdempotencyCompletion, replaySealContext, type SealedReply } from '../domain/idempotency.js';

/**
 * An answer that holds a secret shown once, sealed for the record its Idempotency-Key keeps for
 * replays: a retry after a lost answer still gets the secret, and the table never holds it in
 * clear. Nothing to seal without a key.
 */
export async function sealedReply(
  sealer: SecretSealer,
  idempotency: IdempotencyCompletion | undefined,
  response: unknown,
): Promise<SealedReply> {
  if (idempotency === undefined) return {};
  const { apiKeyId, key } = idempotency.claim;
  const sealedResponse = await sealer.seal(JSON.stringify(response), replaySealContext(apiKeyId, key));
  return { idempotency, sealedResponse };
}
