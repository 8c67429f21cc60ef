// `npx tsx scripts/backfill-in-transit.ts`: once, after deploying the in-transit listing (issue
// 23), lists the transfers dispatched before it that are still on the road, so the transfer plan
// and the needs report count them. Against a running `npm start` by default, or the table named
// by TABLE_NAME (and DYNAMODB_ENDPOINT). Safe to run again: it lists nothing twice.
import { composeStores } from '../shared/composition-root.js';
import { loadEnv, tableEnvSchema } from '../shared/config/env.js';
import { backfillInTransit } from '../shared/usecases/backfill-in-transit.js';
import { useLocalTableIfRunning } from './lib/local-endpoint.js';

useLocalTableIfRunning();
const stores = composeStores(loadEnv(tableEnvSchema, process.env));
const result = await backfillInTransit({ stores });
process.stdout.write(
  `${result.shelters} shelter(s): listed ${result.listed} transfer(s) on the road; ${result.alreadyListedOrReceived} already listed or received meanwhile\n`,
);
