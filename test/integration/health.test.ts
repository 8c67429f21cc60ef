import { describe, expect, it } from 'vitest';
import { findFreePort } from '../../scripts/lib/free-port.js';
import { createDocumentClient } from '../../shared/store/dynamo-client.js';
import { call, isProblem } from '../support/http.js';
import { createTestApp } from '../support/test-app.js';

describe('GET /v1/health', () => {
  it('answers 200 when the table answers', async () => {
    const t = await createTestApp();
    const result = await call(t.app, 'GET', '/v1/health');
    expect(result.status).toBe(200);
    expect(result.body).toEqual({ status: 'ok', table: 'reachable' });
  });

  it('answers 503 with Retry-After when DynamoDB is unreachable', async () => {
    const closedPort = await findFreePort();
    const t = await createTestApp({
      table: {
        doc: createDocumentClient({ endpoint: `http://127.0.0.1:${closedPort}` }),
        tableName: 'unreachable',
      },
    });
    const result = await call(t.app, 'GET', '/v1/health');
    expect(result.status).toBe(503);
    expect(isProblem(result)).toBe(true);
    expect(result.headers.get('retry-after')).toBe('2');
  });
});
