// `npx tsx bench/run-page-weight.ts`: only (j), each page's first load in Chromium, on its own
// DynamoDB Local. Prints the section; `npm run bench` runs it with the rest.
import { startBenchEnvironment } from './lib/environment.js';
import { measurePageWeight, renderPageWeight } from './page-weight.js';

const env = await startBenchEnvironment();
try {
  process.stdout.write(`${renderPageWeight(await measurePageWeight(env)).join('\n')}\n`);
} finally {
  await env.close();
}
