import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { findFreePort } from './free-port.js';

/**
 * Runs the real DynamoDB Local (the AWS Java emulator) from the jar that the npm package
 * amplify-dynamodb-simulator ships in `emulator/`. Its CLI dependencies are replaced by an empty
 * stub through package.json `overrides`, so only the jar and its native libraries are installed.
 */

export class SetupError extends Error {
  override readonly name = 'SetupError';
}

export interface DynamoDbLocal {
  endpoint: string;
  port: number;
  stop(): Promise<void>;
  /** The java child, for tests that kill it on purpose. */
  process: ChildProcess;
}

export interface DynamoDbLocalOptions {
  /** Folder for `-dbPath`; in memory when absent. */
  dataDir?: string;
  port?: number;
  startTimeoutMs?: number;
}

export function emulatorDirectory(): string {
  const pkg = createRequire(import.meta.url).resolve('amplify-dynamodb-simulator/package.json');
  const dir = join(dirname(pkg), 'emulator');
  if (!existsSync(join(dir, 'DynamoDBLocal.jar'))) {
    throw new SetupError(`DynamoDB Local jar not found in ${dir}: run "npm ci" first.`);
  }
  return dir;
}

function assertJavaAvailable(): void {
  const probe = spawnSync('java', ['-version'], { stdio: 'ignore' });
  if (probe.error !== undefined || probe.status !== 0) {
    throw new SetupError(
      'Java 17 or newer is needed to run DynamoDB Local: install it (Debian/Ubuntu: "apt-get install -y openjdk-17-jre-headless") and try again.',
    );
  }
}

async function waitUntilReady(endpoint: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const client = new DynamoDBClient({
    endpoint,
    region: 'local',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts: 1,
  });
  const deadline = Date.now() + timeoutMs;
  try {
    while (Date.now() < deadline) {
      if (child.exitCode !== null)
        throw new SetupError(`DynamoDB Local exited early with code ${child.exitCode}.`);
      try {
        await client.send(new ListTablesCommand({ Limit: 1 }));
        return;
      } catch {
        await new Promise((r) => setTimeout(r, 100));
      }
    }
    throw new SetupError(`DynamoDB Local did not answer within ${timeoutMs} ms at ${endpoint}.`);
  } finally {
    client.destroy();
  }
}

export async function startDynamoDbLocal(options: DynamoDbLocalOptions = {}): Promise<DynamoDbLocal> {
  assertJavaAvailable();
  const dir = emulatorDirectory();
  const port = options.port ?? (await findFreePort());
  const storage = options.dataDir === undefined ? ['-inMemory'] : ['-dbPath', resolve(options.dataDir)];
  if (options.dataDir !== undefined) mkdirSync(options.dataDir, { recursive: true });

  // Small heap and a quick JIT: the emulator is a dev tool here and starts in ~2 s this way.
  const child = spawn(
    'java',
    [
      '-Xmx512m',
      '-XX:+UseSerialGC',
      '-XX:TieredStopAtLevel=1',
      `-Djava.library.path=${join(dir, 'DynamoDBLocal_lib')}`,
      '-jar',
      join(dir, 'DynamoDBLocal.jar'),
      '-port',
      String(port),
      ...storage,
      '-sharedDb',
      '-disableTelemetry',
    ],
    // The emulator drops a metadata file in its working directory: keep it out of the repository.
    { stdio: ['ignore', 'ignore', 'pipe'], cwd: tmpdir() },
  );
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });

  const endpoint = `http://127.0.0.1:${port}`;
  try {
    await waitUntilReady(endpoint, child, options.startTimeoutMs ?? 30_000);
  } catch (err) {
    child.kill('SIGKILL');
    if (err instanceof SetupError && stderr !== '')
      err.message += ` Java said: ${stderr.trim().split('\n').at(-1)}`;
    throw err;
  }

  const stop = () =>
    new Promise<void>((done) => {
      if (child.exitCode !== null || child.signalCode !== null) return done();
      const killer = setTimeout(() => child.kill('SIGKILL'), 3000);
      child.once('exit', () => {
        clearTimeout(killer);
        done();
      });
      child.kill('SIGTERM');
    });
  return { endpoint, port, stop, process: child };
}
