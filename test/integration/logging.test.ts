import { beforeAll, describe, expect, it } from 'vitest';
import { call } from '../support/http.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

describe('request logs', () => {
  let t: TestApp;
  let admin: string;

  beforeAll(async () => {
    t = await createTestApp();
    await t.createOrg('org-a');
    admin = await t.createKey('admin', 'org-a');
  });

  it('writes one structured line per request with route, status, duration, request id and key id', async () => {
    const before = t.logs.length;
    const result = await call(t.app, 'POST', '/v1/organizations', {
      key: admin,
      body: { id: 'logged-org', name: 'L' },
    });
    const lines = t.logs.slice(before).filter((line) => line.message === 'request');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      level: 'info',
      method: 'POST',
      route: '/v1/organizations',
      status: 201,
      requestId: result.headers.get('x-request-id'),
      keyId: admin.split('_')[1],
      role: 'admin',
    });
    expect(lines[0]?.durationMs).toEqual(expect.any(Number));
  });

  it('never logs request bodies, API keys or query strings', async () => {
    await call(t.app, 'POST', '/v1/organizations', {
      key: admin,
      body: { id: 'org-private', name: 'Sensitive Name 123' },
    });
    await call(t.app, 'GET', '/v1/organizations?cursor=c2VjcmV0LWN1cnNvcg', { key: admin });
    const all = t.rawLogs.join('\n');
    expect(all).not.toContain('Sensitive Name 123');
    expect(all).not.toContain(admin.split('_').slice(2).join('_'));
    expect(all).not.toContain('c2VjcmV0LWN1cnNvcg');
  });
});
