import { existsSync, readFileSync } from 'node:fs';
import { localDataFiles } from './data-dir.js';

/**
 * Points a one-off script at the DynamoDB Local that `npm start` is running, unless the
 * environment already names a table or endpoint (a real deployment).
 */
export function useLocalTableIfRunning(): void {
  if (process.env.TABLE_NAME !== undefined || process.env.DYNAMODB_ENDPOINT !== undefined) return;
  const endpointFile = localDataFiles().endpoint;
  if (!existsSync(endpointFile)) return;
  process.env.DYNAMODB_ENDPOINT = readFileSync(endpointFile, 'utf8').trim();
  process.env.TABLE_NAME = 'supplyline';
}
