import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { z } from 'zod';
import { findFreePort } from './free-port.js';
import { commandLineOf, isProcessAlive } from './process-check.js';

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
  /** True when a DynamoDB Local left running on the same data by a run now gone was stopped first. */
  leftoverStopped: boolean;
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

const pidFileName = 'dynamodb-local.pid';

/** The emulator started on a folder, and the process that started it (its owner). */
const pidRecordSchema = z.object({ pid: z.number().int().positive(), ownerPid: z.number().int().positive() });

function readPidRecord(pidFile: string): { pid: number; ownerPid?: number } | undefined {
  let text: string;
  try {
    text = readFileSync(pidFile, 'utf8').trim();
  } catch {
    return undefined;
  }
  // Written before owners were recorded: the java pid alone, its owner unknown.
  if (/^\d+$/.test(text)) return { pid: Number(text) };
  try {
    return pidRecordSchema.parse(JSON.parse(text));
  } catch {
    return undefined;
  }
}

/**
 * A run that was killed hard (kill -9, a crashed terminal) cannot stop its java child, and two
 * emulators on one -dbPath would corrupt it, so such a leftover is stopped first. Only a leftover:
 * an emulator whose owner still runs is in use (another npm start is serving from it) and is never
 * touched; starting beside it is refused. Only a process whose command line is DynamoDB Local on
 * this very folder counts. Answers whether a leftover was stopped.
 */
export function stopLeftoverEmulator(dataDir: string): boolean {
  const pidFile = join(dataDir, pidFileName);
  const recorded = readPidRecord(pidFile);
  const commandLine = recorded === undefined ? undefined : commandLineOf(recorded.pid);
  if (
    recorded === undefined ||
    commandLine === undefined ||
    !commandLine.includes('DynamoDBLocal.jar') ||
    !commandLine.includes(resolve(dataDir))
  ) {
    rmSync(pidFile, { force: true });
    return false;
  }
  if (recorded.ownerPid !== undefined && isProcessAlive(recorded.ownerPid)) {
    throw new SetupError(
      `DynamoDB Local (pid ${recorded.pid}) is already serving ${dataDir} for a running process (pid ${recorded.ownerPid}): stop that first.`,
    );
  }
  process.kill(recorded.pid, 'SIGKILL');
  rmSync(pidFile, { force: true });
  return true;
}

export async function startDynamoDbLocal(options: DynamoDbLocalOptions = {}): Promise<DynamoDbLocal> {
  assertJavaAvailable();
  const dir = emulatorDirectory();
  const port = options.port ?? (await findFreePort());
  const storage = options.dataDir === undefined ? ['-inMemory'] : ['-dbPath', resolve(options.dataDir)];
  if (options.dataDir !== undefined) mkdirSync(options.dataDir, { recursive: true });
  const leftoverStopped = options.dataDir !== undefined && stopLeftoverEmulator(options.dataDir);

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

  if (options.dataDir !== undefined && child.pid !== undefined) {
    const record = { pid: child.pid, ownerPid: process.pid };
    writeFileSync(join(options.dataDir, pidFileName), `${JSON.stringify(record)}\n`);
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
  return { endpoint, port, stop, process: child, leftoverStopped };
}
