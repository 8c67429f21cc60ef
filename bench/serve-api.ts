// The API in a process of its own for the benchmarks (bench/lib/server-process.ts). Environment:
// TABLE_NAME, DYNAMODB_ENDPOINT, SECRETS_JSON, PORT. Prints "listening" when ready.
import { startLocalServer } from '../functions/local-server.js';
import { composeApi } from '../shared/composition-root.js';
import { answerBenchControl } from './lib/server-process.js';

await startLocalServer(await composeApi({ ...process.env, LOG_LEVEL: 'silent' }), Number(process.env.PORT));
answerBenchControl();
process.stdout.write('listening\n');
