import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../shared/http/app.js';
import { call, isProblem } from '../support/http.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

describe('error responses', () => {
  let t: TestApp;
  let admin: string;

  beforeAll(async () => {
    t = await createTestApp({ env: { MAX_BODY_BYTES: '2048' } });
    await t.createOrg('org-a');
    admin = await t.createKey('admin', 'org-a');
  });

  it('answers an unknown route with 404 problem+json', async () => {
    const result = await call(t.app, 'GET', '/v1/no-such-thing');
    expect(result.status).toBe(404);
    expect(isProblem(result)).toBe(true);
    expect(result.body.type).toBe('urn:supplyline:problem:not-found');
  });

  it('answers a wrong method with 405 and an Allow header', async () => {
    const result = await call(t.app, 'DELETE', '/v1/organizations', { key: admin });
    expect(result.status).toBe(405);
    expect(isProblem(result)).toBe(true);
    expect(result.headers.get('allow')).toBe('GET, POST');
  });

  it('answers a known path with a trailing slash as an unknown route, not a wrong method', async () => {
    const result = await call(t.app, 'GET', '/v1/health/');
    expect(result.status).toBe(404);
  });

  it('refuses unknown body fields rather than dropping them silently', async () => {
    const result = await call(t.app, 'POST', '/v1/organizations', {
      key: admin,
      body: { id: 'org-typo', name: 'T', nmae: 'typo' },
    });
    expect(result.status).toBe(400);
    expect(await t.deps.stores.organizations.get('org-typo')).toBeUndefined();
  });

  it('answers malformed JSON with 400 and changes nothing', async () => {
    const result = await call(t.app, 'POST', '/v1/organizations', { key: admin, rawBody: '{"id": "org-x",' });
    expect(result.status).toBe(400);
    expect(isProblem(result)).toBe(true);
    expect(result.body.type).toBe('urn:supplyline:problem:malformed-json');
    expect(await t.deps.stores.organizations.get('org-x')).toBeUndefined();
  });

  it('names every invalid field in a 400', async () => {
    const result = await call(t.app, 'POST', '/v1/organizations', {
      key: admin,
      body: { id: 42, name: ['x'] },
    });
    expect(result.status).toBe(400);
    expect(isProblem(result)).toBe(true);
    const fields = (result.body.errors as Array<{ field: string }>).map((e) => e.field).sort();
    expect(fields).toEqual(['body.id', 'body.name']);
  });

  it('refuses a body over the size limit with 413', async () => {
    const result = await call(t.app, 'POST', '/v1/organizations', {
      key: admin,
      body: { id: 'big-org', name: 'x'.repeat(5000) },
    });
    expect(result.status).toBe(413);
    expect(isProblem(result)).toBe(true);
    expect(await t.deps.stores.organizations.get('big-org')).toBeUndefined();
  });

  it('refuses a non-JSON body with 415', async () => {
    const result = await call(t.app, 'POST', '/v1/organizations', {
      key: admin,
      rawBody: 'id=org-y&name=Y',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(result.status).toBe(415);
    expect(isProblem(result)).toBe(true);
  });

  it('answers a duplicate id with 409', async () => {
    const first = await call(t.app, 'POST', '/v1/organizations', {
      key: admin,
      body: { id: 'org-dup', name: 'One' },
    });
    const second = await call(t.app, 'POST', '/v1/organizations', {
      key: admin,
      body: { id: 'org-dup', name: 'Two' },
    });
    expect(first.status).toBe(201);
    expect(second.status).toBe(409);
    expect(isProblem(second)).toBe(true);
  });

  it('hides the cause of an unexpected failure behind a fixed 500 message and logs it', async () => {
    const broken = createApp({
      ...t.deps,
      stores: {
        ...t.deps.stores,
        health: { ping: () => Promise.reject(new Error('secret internal detail')) } as never,
      },
    });
    const result = await call(broken, 'GET', '/v1/health');
    expect(result.status).toBe(500);
    expect(isProblem(result)).toBe(true);
    expect(result.text).not.toContain('secret internal detail');
    const logged = t.logs.find(
      (line) => line.message === 'unhandled error' && line.requestId === result.body.requestId,
    );
    expect(logged?.errorMessage).toBe('secret internal detail');
  });

  it('answers 503 with Retry-After when DynamoDB throttles', async () => {
    const mock = mockClient(t.table.doc);
    try {
      mock.on(GetCommand).rejects(Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException' }));
      const result = await call(t.app, 'GET', '/v1/health');
      expect(result.status).toBe(503);
      expect(isProblem(result)).toBe(true);
      expect(Number(result.headers.get('retry-after'))).toBeGreaterThan(0);
    } finally {
      mock.restore();
    }
  });

  it('echoes a caller-supplied request id and makes one otherwise', async () => {
    const given = await call(t.app, 'GET', '/v1/nope', { headers: { 'x-request-id': 'client-trace-1' } });
    const made = await call(t.app, 'GET', '/v1/nope');
    expect(given.body.requestId).toBe('client-trace-1');
    expect(given.headers.get('x-request-id')).toBe('client-trace-1');
    expect(made.body.requestId).toMatch(/^[0-9a-f-]{36}$/);
  });
});
