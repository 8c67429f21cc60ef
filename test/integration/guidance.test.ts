import { beforeAll, describe, expect, it } from 'vitest';
import { buildWorld, type World } from '../support/fixtures.js';
import { call } from '../support/http.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

/** Answers that tell a newcomer what to do, for the mistakes newcomers make first. */
describe('errors that say what to do', () => {
  let t: TestApp;
  let world: World;

  beforeAll(async () => {
    t = await createTestApp();
    world = await buildWorld(t);
  });

  const fieldsOf = (body: Record<string, unknown>) =>
    (body.errors as Array<{ field: string; message: string }>).map((e) => `${e.field}: ${e.message}`);

  it.each([
    ['both a token and a code', { token: 'AQ', code: 'K7QD-2M9X-4', pickupPointId: 'pp-a1' }],
    ['neither a token nor a code', { pickupPointId: 'pp-a1' }],
  ])('asks for exactly one of token or code when a redemption sends %s', async (_name, body) => {
    const result = await call(t.app, 'POST', '/v1/redemptions', { key: world.volunteer, body });
    expect(result.status).toBe(400);
    expect(fieldsOf(result.body)).toEqual([
      'body: send exactly one of token (the scanned QR text) or code (the typed short code)',
    ]);
  });

  it('names the missing pickup point of a redemption that sent a code, as required', async () => {
    const result = await call(t.app, 'POST', '/v1/redemptions', {
      key: world.volunteer,
      body: { code: 'K7QD-2M9X-4' },
    });
    expect(result.status).toBe(400);
    expect(fieldsOf(result.body)).toEqual(['body.pickupPointId: required: send a string']);
  });

  it('says a missing field is required, naming it', async () => {
    const result = await call(t.app, 'POST', '/v1/organizations', {
      key: world.admin,
      body: { id: 'org-new' },
    });
    expect(result.status).toBe(400);
    expect(fieldsOf(result.body)).toContain('body.name: required: send a string');
  });

  it('says every missing field is required, whatever its type, and names them in the detail', async () => {
    const result = await call(t.app, 'POST', '/v1/items', {
      key: world.admin,
      body: { id: 'soap', name: 'Soap' },
    });

    expect(result.status).toBe(400);
    expect(fieldsOf(result.body)).toEqual([
      'body.category: required: send one of "food", "water", "bedding", "hygiene", "other"',
      'body.unit: required: send one of "kg", "L", "piece", "pack"',
    ]);
    expect(result.body.detail).toBe('Required fields are missing: body.category, body.unit.');
  });

  it('tells a missing list from a wrong value in the same request', async () => {
    const result = await call(t.app, 'POST', '/v1/shelters/shelter-a/receipts', {
      key: world.logistics,
      body: { source: 42 },
    });

    expect(fieldsOf(result.body)).toEqual([
      'body.source: Invalid input: expected string, received number',
      'body.lines: required: send an array',
    ]);
    expect(result.body.detail).toBe(
      'The request has invalid fields: body.source. A required field is missing: body.lines.',
    );
  });

  it('says a missing query parameter is required, naming it', async () => {
    const result = await call(t.app, 'GET', '/v1/transfers', { key: world.logistics });

    expect(result.status).toBe(400);
    expect(fieldsOf(result.body)).toEqual(['query.shelterId: required: send a string']);
  });

  it('sends a browser that opens the server’s address to the documentation', async () => {
    const result = await t.app.request('/');
    expect(result.status).toBe(302);
    expect(result.headers.get('location')).toBe('/docs');
  });
});
