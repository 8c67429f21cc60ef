// The API in a process of its own for the benchmarks: a client must not share the server's event
// loop and garbage collector, or it would be measuring itself. Environment: TABLE_NAME,
// DYNAMODB_ENDPOINT, SECRETS_JSON, PORT. Prints "listening" when ready.
import { startLocalServer } from '../functions/local-server.js';
import { composeApi } from '../shared/composition-root.js';

await startLocalServer(await composeApi({ ...process.env, LOG_LEVEL: 'silent' }), Number(process.env.PORT));
process.stdout.write('listening\n');
