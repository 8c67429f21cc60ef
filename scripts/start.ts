// `npm start`: DynamoDB Local (data under .data/), the table, a demo seed once, and the API on PORT.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { type LocalDispatcher, startLocalDispatcher } from '../functions/local-dispatcher.js';
import { startLocalServer } from '../functions/local-server.js';
import { composeAppDeps, composeDispatcherDeps, localSealer, openTable } from '../shared/composition-root.js';
import { apiEnvSchema, loadEnv } from '../shared/config/env.js';
import { latestStreamArn } from '../shared/store/stream-client.js';
import { localDataFiles } from './lib/data-dir.js';
import { type DynamoDbLocal, SetupError, startDynamoDbLocal } from './lib/dynamodb-local.js';
import { ensureTable } from './lib/ensure-table.js';
import { isPortTaken } from './lib/free-port.js';
import { readOrCreateLocalSecrets, readOrCreateSealingKey } from './lib/local-secrets.js';
import { type DemoKeys, isDemoSeeded, seedDemo } from './lib/seed-demo.js';
import { seedDemoStock } from './lib/seed-demo-stock.js';
import { seedDemoVouchers } from './lib/seed-demo-vouchers.js';
import { claimStartLock, runningStart, type StartLockHolder } from './lib/start-lock.js';

const files = localDataFiles();

function fail(message: string): never {
  process.stderr.write(`supplyline: ${message}\n`);
  process.exit(1);
}

function alreadyRunning(holder: StartLockHolder): never {
  fail(
    `npm start is already running on ${files.dataDir}: ${holder.url} (pid ${holder.pid}). Use that one, or stop it (Ctrl-C in its terminal) before starting again.`,
  );
}

async function main() {
  const port = Number(process.env.PORT ?? 3000);
  if (!Number.isInteger(port) || port <= 0 || port > 65535)
    fail(`PORT must be a TCP port number, not "${process.env.PORT}".`);
  const url = `http://localhost:${port}`;
  // Before anything else: a second start on this folder must not touch the first one's emulator.
  const running = runningStart(files.startLock);
  if (running !== undefined) alreadyRunning(running);
  if (await isPortTaken(port)) {
    fail(
      `port ${port} is already in use: stop whatever uses it, or choose another port, e.g. "PORT=${port + 1} npm start".`,
    );
  }
  mkdirSync(files.dataDir, { recursive: true });
  const lock = claimStartLock(files.startLock, url);
  if (!lock.claimed) alreadyRunning(lock.holder);

  let db: DynamoDbLocal | undefined;
  let dispatcher: LocalDispatcher | undefined;
  const shutdown = async (code: number) => {
    await dispatcher?.stop().catch(() => undefined);
    await db?.stop();
    process.exit(code);
  };
  // Ctrl-C and SIGTERM stop the API and the java child; 'exit' is a last resort if we die otherwise.
  process.once('SIGINT', () => void shutdown(0));
  process.once('SIGTERM', () => void shutdown(0));
  process.once('exit', () => {
    db?.process.kill('SIGKILL');
    lock.release();
  });
  // If whatever started us (npm, a terminal) dies without passing on a signal, stop too rather
  // than leave the API and java running unattended.
  const parent = process.ppid;
  setInterval(() => {
    if (process.ppid !== parent) void shutdown(0);
  }, 2000).unref();

  process.stdout.write(`Starting DynamoDB Local (data in ${files.dynamodb})...\n`);
  db = await startDynamoDbLocal({ dataDir: files.dynamodb });
  if (db.leftoverStopped)
    process.stdout.write(
      '(stopped a DynamoDB Local left running by an earlier npm start that did not exit cleanly)\n',
    );

  const env = loadEnv(apiEnvSchema, {
    TABLE_NAME: 'supplyline',
    LOG_LEVEL: 'info',
    // A partner trying webhooks locally receives them on this machine (http://localhost allowed).
    WEBHOOK_URL_POLICY: 'local-development',
    ...process.env,
    DYNAMODB_ENDPOINT: db.endpoint,
  });
  const rawClient = new DynamoDBClient({
    endpoint: db.endpoint,
    region: 'local',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  await ensureTable(rawClient, env.TABLE_NAME);
  const table = openTable(env);
  const deps = composeAppDeps(env, {
    table,
    secrets: readOrCreateLocalSecrets(files.secrets),
    sealer: localSealer(readOrCreateSealingKey(files.sealingKey)),
  });
  writeFileSync(files.endpoint, `${db.endpoint}\n`);

  let keys: DemoKeys | undefined;
  if (!(await isDemoSeeded(table))) {
    process.stdout.write('Seeding the demo (shelters, items, stock, one key per role)...\n');
    keys = await seedDemo(table, deps.stores, seedDemoStock, undefined, async (coordinatorKeyId) => {
      const codes = await seedDemoVouchers(deps, coordinatorKeyId);
      process.stdout.write(
        `Demo vouchers at Phnom Penh Central (type these codes on /scan): ${codes.join(', ')}\n`,
      );
    });
    writeFileSync(files.demoKeys, `${JSON.stringify(keys, null, 2)}\n`, { mode: 0o600 });
  } else if (existsSync(files.demoKeys)) {
    keys = JSON.parse(readFileSync(files.demoKeys, 'utf8')) as DemoKeys;
  }

  // Events: the dispatcher's code on DynamoDB Local's stream, and the webhook retries every second.
  dispatcher = startLocalDispatcher({
    endpoint: db.endpoint,
    streamArn: await latestStreamArn(rawClient, env.TABLE_NAME),
    deps: composeDispatcherDeps({
      stores: deps.stores,
      urlPolicy: env.WEBHOOK_URL_POLICY,
      logger: deps.logger,
      sealer: deps.sealer,
    }),
    logger: deps.logger,
  });

  await startLocalServer(deps, port);
  process.stdout.write(`\nSupplyline API on ${url}  (docs: ${url}/docs, health: ${url}/v1/health)\n`);
  if (keys === undefined) {
    process.stdout.write(
      `Demo keys file ${files.demoKeys} is missing: create a key with "npm run key:create".\n`,
    );
  } else {
    process.stdout.write(`Demo API keys (also in ${files.demoKeys}):\n`);
    for (const [role, key] of Object.entries(keys)) process.stdout.write(`  ${role.padEnd(12)}${key}\n`);
    process.stdout.write(`\nTry: curl -H "Authorization: Bearer ${keys.logistics}" ${url}/v1/stock\n`);
  }
  process.stdout.write(
    `DynamoDB Local: ${db.endpoint} (npm run sweep and npm run key:create find it in ${files.endpoint})\n`,
  );
  process.stdout.write(
    'Events: the table stream is dispatched to webhooks (POST /v1/webhooks) and the feed (GET /v1/events).\n',
  );
  process.stdout.write('Ctrl-C stops the API and DynamoDB Local.\n\n');
}

main().catch(async (err: unknown) => {
  if (err instanceof SetupError) fail(err.message);
  process.stderr.write(`supplyline: could not start: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
