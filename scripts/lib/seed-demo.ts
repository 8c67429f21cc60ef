import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { parseApiKey } from '../../shared/auth/api-key-secret.js';
import type { Role } from '../../shared/domain/api-key.js';
import { ConflictError } from '../../shared/errors/app-errors.js';
import { demoSeedKey } from '../../shared/store/keys.js';
import type { Stores } from '../../shared/store/stores.js';
import type { TableContext } from '../../shared/store/table-context.js';
import { createApiKey } from '../../shared/usecases/create-api-key.js';
import { createItem } from '../../shared/usecases/create-item.js';
import { createOrganization } from '../../shared/usecases/create-organization.js';
import { createPickupPoint } from '../../shared/usecases/create-pickup-point.js';
import { createShelter } from '../../shared/usecases/create-shelter.js';
import { demoItems, demoKeys, demoOrganization, demoShelters } from './demo-data.js';

export type DemoKeys = Record<Role, string>;

const seeder = { keyId: 'demo-seed' };

/** Records left by an interrupted earlier seed are fine: the seed only adds what is missing. */
async function ignoreExisting(create: () => Promise<unknown>): Promise<void> {
  try {
    await create();
  } catch (err) {
    if (!(err instanceof ConflictError)) throw err;
  }
}

export async function isDemoSeeded(table: TableContext): Promise<boolean> {
  const result = await table.doc.send(new GetCommand({ TableName: table.tableName, Key: demoSeedKey() }));
  return result.Item !== undefined;
}

/**
 * Seeds the demo once: the organisation, shelters with pickup points, the catalogue, opening
 * stock (through the same use case as the API, so the ledger explains it), and one key per role.
 * The marker is written last, so an interrupted seed runs again next time.
 */
export async function seedDemo(
  table: TableContext,
  stores: Stores,
  seedStock: (stores: Stores) => Promise<void>,
  now: () => Date = () => new Date(),
  seedVouchers: (coordinatorKeyId: string) => Promise<void> = async () => {},
): Promise<DemoKeys> {
  await ignoreExisting(() => createOrganization(demoOrganization, seeder, { stores, now }));
  for (const { pickupPoints, ...shelter } of demoShelters) {
    await ignoreExisting(() => createShelter(shelter, seeder, { stores, now }));
    for (const point of pickupPoints) {
      await ignoreExisting(() =>
        createPickupPoint({ shelterId: shelter.id, ...point }, seeder, { stores, now }),
      );
    }
  }
  for (const item of demoItems) {
    await ignoreExisting(() => createItem(item, seeder, { stores, now }));
  }
  await seedStock(stores);

  const keys: Partial<DemoKeys> = {};
  for (const key of demoKeys) {
    const { apiKey } = await createApiKey({ ...key, orgId: demoOrganization.id }, seeder, { stores, now });
    keys[key.role] = apiKey;
  }
  await seedVouchers(parseApiKey(keys.coordinator ?? '')?.keyId ?? 'demo-seed');
  await table.doc.send(
    new PutCommand({ TableName: table.tableName, Item: { ...demoSeedKey(), seededAt: now().toISOString() } }),
  );
  return keys as DemoKeys;
}
