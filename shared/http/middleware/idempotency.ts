import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import {
  parseIdempotencyKey,
  replaySealContext,
  requestFingerprint,
  type StoredResponse,
} from '../../domain/idempotency.js';
import { IdempotencyKeyRequiredError } from '../../errors/idempotency-errors.js';
import type { AppEnv } from '../app-env.js';
import { RequestValidationError } from '../request-validation-error.js';

/**
 * Idempotency-Key, required on every POST that changes stock or vouchers. Runs after authentication (records
 * are scoped per API key). Two ways to hold the key while the request runs:
 * - `optimistic` (a change of one transaction: redemptions, stock movements, voucher issue and
 *   void): nothing is claimed up front. The change's transaction writes the completed record if
 *   the key is free, so of concurrent duplicates exactly one commits; when the change does not
 *   commit (a replay meets an already-changed voucher, a race was lost, the key was used for
 *   another body), the committed record is read and answers instead: the first response byte
 *   for byte, 422 for another body, 409 while a claimed request is still running.
 * - a claim (the default): a replay answers with the stored response; a first request claims the
 *   key and hands the claim to its use case, which completes it inside its own transaction.
 *   `storeResponse`: for an operation of many commits (a batch), whose answer exists only once
 *   every commit is done; its successful response is stored here, after the handler.
 */
export function idempotent(options: { storeResponse?: boolean; optimistic?: boolean } = {}) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const key = parseIdempotencyKey(c.req.header('idempotency-key'));
    if (key === null) {
      throw new RequestValidationError('The Idempotency-Key header is not valid.', [
        { field: 'header.Idempotency-Key', message: 'use 1 to 255 printable ASCII characters, e.g. a UUID' },
      ]);
    }
    if (key === undefined) throw new IdempotencyKeyRequiredError();

    const deps = c.get('deps');
    const fingerprint = requestFingerprint(c.req.method, c.req.path, await c.req.text());
    if (options.optimistic) {
      const claim = deps.stores.idempotency.begin(c.get('principal').keyId, key, fingerprint, deps.now());
      c.set('idempotency', claim);
      await next();
      if (c.res.status < 300) return;
      // The change did not commit. An earlier request with this key may be why: its answer wins.
      const earlier = await deps.stores.idempotency.settle(claim, deps.now());
      if (earlier === undefined) return;
      c.res = undefined;
      c.res = await replay(c, key, earlier);
      return;
    }
    const outcome = await deps.stores.idempotency.claim(
      c.get('principal').keyId,
      key,
      fingerprint,
      deps.now(),
    );
    if (outcome.kind === 'replay') return replay(c, key, outcome.response);
    c.set('idempotency', outcome.claim);
    await next();
    // Anything but success changed nothing (the change and the completion commit together):
    // give the key back so the client can retry, corrected or later. Release never touches a
    // completed record, so an outcome we could not see (a timeout after commit) is safe too.
    if (c.res.status >= 300) await deps.stores.idempotency.release(outcome.claim);
    else if (options.storeResponse === true) {
      try {
        await deps.stores.idempotency.complete(outcome.claim, {
          status: c.res.status,
          body: await c.res.clone().text(),
        });
      } catch (err) {
        // The answer could not be stored (the client gets a 503): give the key back, so the
        // retry runs again, replaying the parts that committed under their own keys.
        await deps.stores.idempotency.release(outcome.claim);
        throw err;
      }
    }
  });
}

/** The stored first response, as it was sent (opened first if it was sealed), marked as a replay. */
async function replay(c: Context<AppEnv>, key: string, response: StoredResponse): Promise<Response> {
  const body = response.sealed
    ? await c.get('deps').sealer.open(response.body, replaySealContext(c.get('principal').keyId, key))
    : response.body;
  return c.body(body, response.status as 200, {
    'content-type': 'application/json',
    'idempotent-replayed': 'true',
    // A sealed answer holds a secret: no cache keeps a copy, as none kept the first.
    ...(response.sealed ? { 'cache-control': 'no-store' } : {}),
  });
}
