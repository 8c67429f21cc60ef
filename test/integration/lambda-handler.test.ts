import { beforeAll, describe, expect, it, vi } from 'vitest';
import { generateAppSecrets } from '../../shared/config/secrets.js';
import { functionUrlEvent, httpApiV2Event, lambdaContext } from '../support/lambda-events.js';
import { createTestApp, freshTable } from '../support/test-app.js';

type Handler = typeof import('../../functions/api.js')['handler'];
interface LambdaResult {
  statusCode: number;
  headers: Record<string, string>;
  body: string;
}

describe('Lambda entry (functions/api.ts)', () => {
  let handler: Handler;
  let adminKey: string;

  beforeAll(async () => {
    const table = await freshTable();
    const t = await createTestApp({ table });
    await t.createOrg('org-a');
    adminKey = await t.createKey('admin', 'org-a');
    vi.stubEnv('TABLE_NAME', table.tableName);
    vi.stubEnv('DYNAMODB_ENDPOINT', table.endpoint);
    vi.stubEnv('LOG_LEVEL', 'silent');
    vi.stubEnv('SECRETS_JSON', JSON.stringify(generateAppSecrets()));
    vi.stubEnv('INVITATION_ACCEPTS_PER_MINUTE', '2');
    ({ handler } = await import('../../functions/api.js'));
  });

  it('serves an API Gateway HTTP API v2 event', async () => {
    const result = (await handler(
      httpApiV2Event({ method: 'GET', path: '/v1/health' }),
      lambdaContext,
    )) as LambdaResult;
    expect(result.statusCode).toBe(200);
    expect(JSON.parse(result.body)).toEqual({ status: 'ok', table: 'reachable' });
  });

  it('serves a Function URL event with auth and a JSON body', async () => {
    const result = (await handler(
      functionUrlEvent({
        method: 'POST',
        path: '/v1/organizations',
        headers: { authorization: `Bearer ${adminKey}`, 'content-type': 'application/json' },
        body: JSON.stringify({ id: 'via-lambda', name: 'Created through the Lambda entry' }),
      }),
      lambdaContext,
    )) as LambdaResult;
    expect(result.statusCode).toBe(201);
    expect(JSON.parse(result.body).id).toBe('via-lambda');
  });

  it('counts invitation codes per source address as API Gateway reports it, and links to its own address', async () => {
    const send = async (input: Parameters<typeof httpApiV2Event>[0]) =>
      (await handler(httpApiV2Event(input), lambdaContext)) as LambdaResult;
    const json = { authorization: `Bearer ${adminKey}`, 'content-type': 'application/json' };
    const person = await send({
      method: 'POST',
      path: '/v1/people',
      headers: { ...json, 'idempotency-key': 'lambda-person' },
      body: JSON.stringify({ displayName: 'Lambda admin', role: 'admin' }),
    });
    const invitation = await send({
      method: 'POST',
      path: `/v1/people/${JSON.parse(person.body).id}/invitations`,
      headers: json,
      body: '{}',
    });
    const tryCode = (sourceIp: string) =>
      send({
        method: 'POST',
        path: '/v1/invitations/accept',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ code: 'not-a-code' }),
        sourceIp,
      });

    const fromOne = [
      await tryCode('198.51.100.20'),
      await tryCode('198.51.100.20'),
      await tryCode('198.51.100.20'),
    ];
    const fromAnother = await tryCode('198.51.100.21');

    expect(new URL(JSON.parse(invitation.body).link).origin).toBe(
      'https://abc123.execute-api.ap-southeast-1.amazonaws.com',
    );
    expect(fromOne.map((r) => r.statusCode)).toEqual([404, 404, 429]);
    expect(fromOne[2]?.headers['retry-after']).toMatch(/^\d+$/);
    expect(fromAnother.statusCode).toBe(404);
  });

  it('answers errors as problem+json, as the local server does', async () => {
    const result = (await handler(
      httpApiV2Event({ method: 'GET', path: '/v1/organizations' }),
      lambdaContext,
    )) as LambdaResult;
    expect(result.statusCode).toBe(401);
    expect(result.headers['content-type']).toBe('application/problem+json');
  });
});
