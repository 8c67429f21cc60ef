import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { MalformedRecordError } from '../../shared/errors/record-errors.js';
import { apiKeyKey, itemKey, shelterKey, type TableKey } from '../../shared/store/keys.js';
import { buildWorld, type World } from '../support/fixtures.js';
import { call, isProblem } from '../support/http.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

/** Stores parse what they read: a record that is not what it must be fails loudly, never half-read. */
describe('stored records are parsed, not cast', () => {
  let t: TestApp;
  let world: World;
  /** Changes one attribute behind the store's back, as a bug or a hand edit would. */
  const damage = (key: TableKey, attribute: string, value?: unknown) =>
    t.table.doc.send(
      new UpdateCommand({
        TableName: t.table.tableName,
        Key: key,
        UpdateExpression: value === undefined ? 'REMOVE #a' : 'SET #a = :v',
        ExpressionAttributeNames: { '#a': attribute },
        ...(value === undefined ? {} : { ExpressionAttributeValues: { ':v': value } }),
      }),
    );

  beforeAll(async () => {
    t = await createTestApp();
    world = await buildWorld(t);
  });

  it('refuses to authenticate with a key record that has lost its scope, rather than reach everything', async () => {
    const key = await t.issueKey({ role: 'volunteer', orgId: 'org-a', scope: { pickupPointIds: ['pp-a1'] } });
    await damage(apiKeyKey(key.split('_')[1] as string), 'scope');

    const result = await call(t.app, 'GET', '/v1/me', { key });

    expect(result.status).toBe(500);
    expect(isProblem(result)).toBe(true);
    expect(result.text).not.toContain('scope');
    const logged = t.logs.find((line) => line.requestId === result.body.requestId && line.level === 'error');
    expect(String(logged?.errorMessage)).toMatch(/KEY#\S+ META does not match its schema: scope/);
  });

  it('fails a read of a shelter or item whose record is malformed, naming the field in the log', async () => {
    await damage(shelterKey('shelter-b'), 'population', 'many');
    await damage(itemKey('blanket'), 'createdBy');

    await expect(t.deps.stores.shelters.get('shelter-b')).rejects.toThrow(MalformedRecordError);
    await expect(t.deps.stores.items.get('blanket')).rejects.toThrow(
      /ITEM#blanket META does not match its schema: createdBy/,
    );
    const list = await call(t.app, 'GET', '/v1/items', { key: world.admin });
    expect(list.status).toBe(500);
  });
});
