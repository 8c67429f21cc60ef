import { join } from 'node:path';

/**
 * What `npm start` keeps, all in one data folder (.data/ by default). SUPPLYLINE_DATA_DIR lets
 * tests run a throw-away instance beside a developer's own.
 */
export function localDataFiles(dataDir = process.env.SUPPLYLINE_DATA_DIR ?? '.data') {
  return {
    dataDir,
    /** DynamoDB Local's -dbPath. */
    dynamodb: join(dataDir, 'dynamodb'),
    /** The keys the local vouchers are signed with: they live and die with the data. */
    secrets: join(dataDir, 'secrets.json'),
    /**
     * The key that wraps the data keys webhook signing secrets are sealed with (KMS does this on
     * AWS). Kept apart from secrets.json, as the KMS key is apart from Secrets Manager.
     */
    sealingKey: join(dataDir, 'sealing-key'),
    demoKeys: join(dataDir, 'demo-keys.json'),
    /** Where `npm run sweep` and `npm run key:create` find the running DynamoDB Local. */
    endpoint: join(dataDir, 'dynamodb-endpoint'),
    /** Names the `npm start` running on this folder (see start-lock.ts). */
    startLock: join(dataDir, 'npm-start.json'),
  };
}
