import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveOverHttp } from '../support/http-server.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

/**
 * Bodies as the local Node server receives them (issue 25 moved the body limit and the strict
 * UTF-8 check off the WHATWG Request that @hono/node-server builds only when asked for one): a
 * body's stated length is judged before it is read, a chunked body is counted as it comes, and a
 * JSON body is still read strictly as UTF-8, once, for the fingerprint and the validator alike.
 */
describe('request bodies over HTTP', () => {
  let t: TestApp;
  let admin: string;
  let server: { baseUrl: string; close: () => Promise<void> };
  beforeAll(async () => {
    t = await createTestApp();
    await t.createOrg('org-a');
    admin = await t.createKey('admin', 'org-a');
    server = await serveOverHttp(t.deps);
  });
  afterAll(() => server.close());

  /** One POST over a fresh connection; `chunked` sends the body without a Content-Length. */
  function post(path: string, body: Uint8Array, options: { chunked?: boolean; key?: string } = {}) {
    return new Promise<{ status: number; body: Record<string, unknown> }>((resolve, reject) => {
      const url = new URL(path, server.baseUrl);
      const req = httpRequest(
        url,
        {
          method: 'POST',
          headers: {
            authorization: `Bearer ${options.key ?? admin}`,
            'content-type': 'application/json',
            'idempotency-key': crypto.randomUUID(),
            ...(options.chunked ? { 'transfer-encoding': 'chunked' } : { 'content-length': body.length }),
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () =>
            resolve({
              status: res.statusCode ?? 0,
              body: JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as Record<string, unknown>,
            }),
          );
        },
      );
      req.on('error', reject);
      if (options.chunked) {
        // In pieces, as a client streaming its body would.
        for (let at = 0; at < body.length; at += 1000) req.write(body.subarray(at, at + 1000));
        req.end();
      } else req.end(body);
    });
  }
  const json = (value: unknown) => Buffer.from(JSON.stringify(value), 'utf8');

  it('creates from a JSON body that states its length', async () => {
    const answer = await post('/v1/organizations', json({ id: 'org-http', name: 'Over HTTP' }));
    expect(answer.status).toBe(201);
    expect(await t.deps.stores.organizations.get('org-http')).toMatchObject({ name: 'Over HTTP' });
  });

  it('refuses a body over the limit with 413, by its stated length and when sent in chunks', async () => {
    const big = json({ id: 'org-big', name: 'x'.repeat(t.deps.maxBodyBytes) });
    const stated = await post('/v1/organizations', big);
    const chunked = await post('/v1/organizations', big, { chunked: true });
    expect([stated.status, chunked.status]).toEqual([413, 413]);
    expect(stated.body.type).toBe('urn:supplyline:problem:payload-too-large');
    expect(chunked.body.type).toBe('urn:supplyline:problem:payload-too-large');
    expect(await t.deps.stores.organizations.get('org-big')).toBeUndefined();
  });

  it('reads a chunked body under the limit', async () => {
    const answer = await post('/v1/organizations', json({ id: 'org-chunked', name: 'In chunks' }), {
      chunked: true,
    });
    expect(answer.status).toBe(201);
  });

  it('refuses a JSON body that is not UTF-8, and keeps an accented name that is', async () => {
    const latin1 = Buffer.from(JSON.stringify({ id: 'org-latin', name: 'Bé' }), 'latin1');
    const refused = await post('/v1/organizations', latin1);
    expect(refused.status).toBe(400);
    expect(refused.body.type).toBe('urn:supplyline:problem:invalid-encoding');
    const kept = await post('/v1/organizations', json({ id: 'org-utf8', name: 'Bé' }));
    expect(kept.status).toBe(201);
    expect(await t.deps.stores.organizations.get('org-utf8')).toMatchObject({ name: 'Bé' });
  });
});
