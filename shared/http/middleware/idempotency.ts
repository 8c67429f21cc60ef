import { createMiddleware } from 'hono/factory';
import { parseIdempotencyKey, requestFingerprint } from '../../domain/idempotency.js';
import { IdempotencyKeyRequiredError } from '../../errors/idempotency-errors.js';
import type { AppEnv } from '../app-env.js';
import { RequestValidationError } from '../request-validation-error.js';

/**
 * Idempotency-Key, required on every POST that changes stock or vouchers. Runs after authentication (records
 * are scoped per API key). A replay answers with the stored response; a first request claims the
 * key and hands the claim to its use case, which completes it inside its own transaction.
 * `storeResponse`: for an operation of many commits (a batch), whose answer exists only once
 * every commit is done; its successful response is stored here, after the handler.
 */
export function idempotent(options: { storeResponse: boolean } = { storeResponse: false }) {
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
    const outcome = await deps.stores.idempotency.claim(
      c.get('principal').keyId,
      key,
      fingerprint,
      deps.now(),
    );
    if (outcome.kind === 'replay') {
      return c.body(outcome.response.body, outcome.response.status as 200, {
        'content-type': 'application/json',
        'idempotent-replayed': 'true',
      });
    }
    c.set('idempotency', outcome.claim);
    await next();
    // Anything but success changed nothing (the change and the completion commit together):
    // give the key back so the client can retry, corrected or later. Release never touches a
    // completed record, so an outcome we could not see (a timeout after commit) is safe too.
    if (c.res.status >= 300) await deps.stores.idempotency.release(outcome.claim);
    else if (options.storeResponse) {
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
