// `npx tsx bench/run-hot-path.ts`: only the hot path, (a) latency, (b) throughput and where a
// redemption's CPU goes, on its own DynamoDB Local. `npm run bench` runs them with the rest.
import { measureHotPathProfile, renderHotPathProfile } from './hot-path-profile.js';
import { startBenchEnvironment } from './lib/environment.js';
import { measureRedemptionLatency } from './redemption-latency.js';
import { measureRedemptionThroughput } from './redemption-throughput.js';

const only = process.argv[2];
const env = await startBenchEnvironment();
try {
  if (only === undefined || only === 'latency')
    process.stdout.write(`${JSON.stringify(await measureRedemptionLatency(env), null, 1)}\n`);
  if (only === undefined || only === 'throughput')
    process.stdout.write(`${JSON.stringify(await measureRedemptionThroughput(env), null, 1)}\n`);
  if (only === undefined || only === 'profile')
    process.stdout.write(`${renderHotPathProfile(await measureHotPathProfile(env)).join('\n')}\n`);
} finally {
  await env.close();
}
