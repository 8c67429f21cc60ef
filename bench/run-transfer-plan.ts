// `npx tsx bench/run-transfer-plan.ts`: only (k), the transfer plan at 100 and 1,000 shelters x
// 50 items, on its own DynamoDB Local. Prints the section; `npm run bench` runs it with the rest.
import { loadavg } from 'node:os';
import { startDynamoDbLocal } from '../scripts/lib/dynamodb-local.js';
import { measureTransferPlan, planRequestsFlat, renderTransferPlan } from './transfer-plan.js';

const db = await startDynamoDbLocal();
try {
  const rows = await measureTransferPlan({ db });
  const largest = rows[rows.length - 1];
  process.stdout.write(`${renderTransferPlan(rows).join('\n')}\n\n`);
  process.stdout.write(
    `compute at ${largest?.shelters} shelters: ${largest?.computeMs} ms, CPU ${largest?.computeCpuMs} ms (target <= 1000 ms); requests flat in shelters: ${planRequestsFlat(rows)}; load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}\n`,
  );
} finally {
  await db.stop();
}
