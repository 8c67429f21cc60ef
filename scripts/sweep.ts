// `npm run sweep`: runs the voucher expiry sweeper once: against a running `npm start` by default,
// or against the table named by TABLE_NAME (and DYNAMODB_ENDPOINT).
import { useLocalTableIfRunning } from './lib/local-endpoint.js';

useLocalTableIfRunning();
const { handler } = await import('../functions/sweeper.js');
const result = await handler();
process.stdout.write(`expired ${result.expired} voucher(s); ${result.skipped} had changed meanwhile\n`);
