// `npx tsx bench/run-rounds.ts`: only (i), issuing households from a CSV against single POSTs,
// on its own DynamoDB Local. Prints the section; `npm run bench` runs it with the rest.
import { startBenchEnvironment } from './lib/environment.js';
import { renderRoundHouseholds } from './report.js';
import { measureRoundHouseholds } from './round-households.js';

const env = await startBenchEnvironment();
try {
  process.stdout.write(`${renderRoundHouseholds(await measureRoundHouseholds(env)).join('\n')}\n`);
} finally {
  await env.close();
}
