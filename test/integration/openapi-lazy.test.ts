import { describe, expect, it } from 'vitest';
import { documentBuilds } from '../../shared/http/openapi-document.js';
import { call } from '../support/http.js';
import { createTestApp } from '../support/test-app.js';

describe('the OpenAPI document on the app run by npm start and the tests', () => {
  it('is built on the first request for /openapi.json, not before, and then kept', async () => {
    const t = await createTestApp();
    await t.createOrg('org-a');
    const admin = await t.createKey('admin', 'org-a');
    const builtBefore = documentBuilds();

    expect((await call(t.app, 'GET', '/v1/health')).status).toBe(200);
    expect((await call(t.app, 'GET', '/v1/organizations', { key: admin })).status).toBe(200);
    expect((await call(t.app, 'POST', '/v1/organizations', { key: admin, body: { id: 7 } })).status).toBe(
      400,
    );
    expect(documentBuilds()).toBe(builtBefore);

    const first = await call(t.app, 'GET', '/openapi.json');
    expect(first.status).toBe(200);
    expect(documentBuilds()).toBe(builtBefore + 1);

    const second = await call(t.app, 'GET', '/openapi.json');
    expect(second.body).toEqual(first.body);
    expect(documentBuilds()).toBe(builtBefore + 1);
  });
});
