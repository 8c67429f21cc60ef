import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';

/**
 * `npm start` as the package.json script starts it (node with tsx on scripts/start.ts: DynamoDB
 * Local, the table, the demo seed, the dispatcher and the API), on a port and a data folder of
 * the caller's choosing, so that it runs beside a developer's own.
 */
export interface NpmStart {
  url: string;
  child: ChildProcess;
  output: () => string;
  /** SIGTERM, as Ctrl-C would; resolves with the exit code once it and its emulator are gone. */
  stop: () => Promise<number | null>;
}

const root = join(import.meta.dirname, '../..');

export async function startNpmStart(options: {
  port: number;
  dataDir: string;
  healthWithinMs: number;
}): Promise<NpmStart> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
    cwd: root,
    env: {
      ...process.env,
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      LOG_LEVEL: 'warn',
      PORT: String(options.port),
      SUPPLYLINE_DATA_DIR: options.dataDir,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = `http://localhost:${options.port}`;
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    return exited;
  };

  const deadline = Date.now() + options.healthWithinMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`npm start exited ${child.exitCode}:\n${output}`);
    try {
      // It listens on 127.0.0.1 only; curl finds it as localhost, fetch is told the address.
      if ((await fetch(`http://127.0.0.1:${options.port}/v1/health`)).ok)
        return { url, child, output: () => output, stop };
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  await stop();
  throw new Error(
    `npm start gave no healthy answer on ${url} within ${options.healthWithinMs} ms:\n${output}`,
  );
}
