import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { Webhook } from 'standardwebhooks';
import { afterAll, describe, expect, it } from 'vitest';
import { startDynamoDbLocal } from '../../scripts/lib/dynamodb-local.js';
import { findFreePort } from '../../scripts/lib/free-port.js';
import { localClient } from '../support/test-app.js';
import { startWebhookReceiver } from '../support/webhook-receiver.js';

/** `npm start` as a newcomer runs it: a real process, a real port, a real data folder. */
interface Started {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

function startScript(env: Record<string, string>): Started {
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
    env: { ...process.env, LOG_LEVEL: 'warn', ...env },
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
  return { child, output: () => output, exited };
}

async function waitForHealth(port: number, timeoutMs: number): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`http://127.0.0.1:${port}/v1/health`);
      if (response.ok) return response.status;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`no healthy answer on port ${port} within ${timeoutMs} ms`);
}

/** The exit code, or 'still running' when the process has not exited within the time given. */
async function exitWithin(started: Started, timeoutMs: number): Promise<number | null | 'still running'> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'still running'>((resolve) => {
    timer = setTimeout(() => resolve('still running'), timeoutMs);
  });
  try {
    return await Promise.race([started.exited, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

function demoKeysIn(dataDir: string): Record<string, string> {
  return JSON.parse(readFileSync(join(dataDir, 'demo-keys.json'), 'utf8')) as Record<string, string>;
}

function javaProcessesUsing(dataDir: string): number {
  const list = execFileSync('ps', ['-eo', 'args'], { encoding: 'utf8' });
  return list.split('\n').filter((line) => line.includes('DynamoDBLocal.jar') && line.includes(dataDir))
    .length;
}

describe('npm start', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'supplyline-start-'));
  const running: ChildProcess[] = [];
  // SIGTERM first: a start stopped that way stops its DynamoDB Local too; SIGKILL would orphan it.
  afterAll(async () => {
    const stillRunning = running.filter((child) => child.exitCode === null && child.signalCode === null);
    for (const child of stillRunning) child.kill('SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, stillRunning.length === 0 ? 0 : 5000));
    for (const child of stillRunning) child.kill('SIGKILL');
  });

  it('serves a healthy API with demo keys, stops cleanly, and finds its data on the next start', async () => {
    const port = await findFreePort();
    const first = startScript({ PORT: String(port), SUPPLYLINE_DATA_DIR: dataDir });
    running.push(first.child);
    expect(await waitForHealth(port, 30_000)).toBe(200);

    const keys = demoKeysIn(dataDir);
    expect(Object.keys(keys).sort()).toEqual(['admin', 'coordinator', 'logistics', 'volunteer']);
    expect(first.output()).toContain(keys.admin);
    const orgs = await fetch(`http://127.0.0.1:${port}/v1/organizations`, {
      headers: { authorization: `Bearer ${keys.admin}` },
    });
    expect(orgs.status).toBe(200);

    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);
    expect(javaProcessesUsing(dataDir)).toBe(0);

    const second = startScript({ PORT: String(port), SUPPLYLINE_DATA_DIR: dataDir });
    running.push(second.child);
    await waitForHealth(port, 30_000);
    expect(second.output()).not.toContain('Seeding');
    const again = await fetch(`http://127.0.0.1:${port}/v1/organizations`, {
      headers: { authorization: `Bearer ${keys.admin}` },
    });
    expect(again.status).toBe(200);
    second.child.kill('SIGINT');
    expect(await second.exited).toBe(0);
    expect(javaProcessesUsing(dataDir)).toBe(0);
  });

  it('delivers a signed webhook for a demo voucher redeemed on a fresh start', async () => {
    const folder = join(dataDir, 'webhook');
    const port = await findFreePort();
    const started = startScript({ PORT: String(port), SUPPLYLINE_DATA_DIR: folder });
    running.push(started.child);
    await waitForHealth(port, 30_000);
    const keys = demoKeysIn(folder);
    const code = /type these codes on \/scan\): ([A-Z0-9-]+)/.exec(started.output())?.[1];
    expect(code, started.output()).toBeDefined();
    const receiver = await startWebhookReceiver();
    try {
      const post = (path: string, key: string, body: unknown) =>
        fetch(`http://127.0.0.1:${port}${path}`, {
          method: 'POST',
          headers: {
            authorization: `Bearer ${key}`,
            'content-type': 'application/json',
            'idempotency-key': `start-${path}`,
          },
          body: JSON.stringify(body),
        });
      const subscribed = await post('/v1/webhooks', keys.coordinator as string, {
        url: receiver.url,
        eventTypes: ['voucher.redeemed'],
      });
      expect(subscribed.status).toBe(201);
      const { secret } = (await subscribed.json()) as { secret: string };
      const redeemed = await post('/v1/redemptions', keys.volunteer as string, {
        code,
        pickupPointId: 'pp-central-gate',
      });
      expect(redeemed.status).toBe(200);
      const [request] = await receiver.waitFor(1, 15_000);
      const headers = {
        'webhook-id': String(request?.headers['webhook-id']),
        'webhook-timestamp': String(request?.headers['webhook-timestamp']),
        'webhook-signature': String(request?.headers['webhook-signature']),
      };
      expect(new Webhook(secret).verify(request?.body ?? '', headers)).toMatchObject({
        type: 'voucher.redeemed',
        data: { pickupPointId: 'pp-central-gate' },
      });
    } finally {
      await receiver.close();
      started.child.kill('SIGTERM');
      expect(await started.exited).toBe(0);
    }
  });

  it('refuses a second start on the same data folder in one line, and the first one keeps serving', async () => {
    const folder = join(dataDir, 'twice');
    const port = await findFreePort();
    const first = startScript({ PORT: String(port), SUPPLYLINE_DATA_DIR: folder });
    running.push(first.child);
    expect(await waitForHealth(port, 30_000)).toBe(200);
    const keys = demoKeysIn(folder);

    // What a newcomer does when told the port is taken: the same folder, the next port.
    for (const secondPort of [await findFreePort(), port]) {
      const second = startScript({ PORT: String(secondPort), SUPPLYLINE_DATA_DIR: folder });
      running.push(second.child);
      const code = await exitWithin(second, 20_000);
      expect(code).not.toBe('still running');
      expect(code).not.toBe(0);
      const lines = second.output().trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain(`http://localhost:${port}`);
      expect(lines[0]).toContain(`pid ${first.child.pid}`);
    }

    const health = await fetch(`http://127.0.0.1:${port}/v1/health`);
    expect(health.status).toBe(200);
    const orgs = await fetch(`http://127.0.0.1:${port}/v1/organizations`, {
      headers: { authorization: `Bearer ${keys.admin}` },
    });
    expect(orgs.status).toBe(200);
    expect(javaProcessesUsing(folder)).toBe(1);
    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);
  });

  it('takes over from a start that was killed hard, stopping the emulator it left behind', async () => {
    const folder = join(dataDir, 'killed');
    const port = await findFreePort();
    const killed = startScript({ PORT: String(port), SUPPLYLINE_DATA_DIR: folder });
    running.push(killed.child);
    await waitForHealth(port, 30_000);
    killed.child.kill('SIGKILL');
    await killed.exited;
    expect(javaProcessesUsing(folder)).toBe(1);

    const next = startScript({ PORT: String(port), SUPPLYLINE_DATA_DIR: folder });
    running.push(next.child);
    expect(await waitForHealth(port, 30_000)).toBe(200);
    expect(next.output()).toContain('stopped a DynamoDB Local left running');
    expect(javaProcessesUsing(folder)).toBe(1);
    next.child.kill('SIGTERM');
    expect(await next.exited).toBe(0);
    expect(javaProcessesUsing(folder)).toBe(0);
  });

  it('says in one line what to do when the port is taken', async () => {
    const blocker = createServer();
    const port = await findFreePort();
    await new Promise<void>((resolve) => blocker.listen(port, '127.0.0.1', resolve));
    try {
      const started = startScript({ PORT: String(port), SUPPLYLINE_DATA_DIR: join(dataDir, 'taken') });
      expect(await started.exited).toBe(1);
      const lines = started.output().trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain(`port ${port} is already in use`);
    } finally {
      blocker.close();
    }
  });

  it('says in one line what to do when Java is missing', async () => {
    const bin = mkdtempSync(join(tmpdir(), 'supplyline-nojava-'));
    symlinkSync(process.execPath, join(bin, 'node'));
    const started = startScript({
      PORT: String(await findFreePort()),
      SUPPLYLINE_DATA_DIR: join(dataDir, 'nojava'),
      PATH: bin,
    });
    expect(await started.exited).toBe(1);
    const lines = started
      .output()
      .trim()
      .split('\n')
      .filter((line) => !line.startsWith('Starting'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/Java 17 or newer is needed/);
    expect(existsSync(join(dataDir, 'nojava', 'demo-keys.json'))).toBe(false);
  });
});

describe('the DynamoDB Local launcher', () => {
  it('never stops an emulator whose owner still runs: starting beside it is refused', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'supplyline-owned-'));
    const first = await startDynamoDbLocal({ dataDir: folder });
    try {
      await expect(startDynamoDbLocal({ dataDir: folder })).rejects.toThrow(
        `DynamoDB Local (pid ${first.process.pid}) is already serving ${folder} for a running process (pid ${process.pid})`,
      );
      const client = localClient(first.endpoint);
      await expect(client.send(new ListTablesCommand({}))).resolves.toBeDefined();
      client.destroy();
    } finally {
      await first.stop();
    }
    const next = await startDynamoDbLocal({ dataDir: folder });
    expect(next.leftoverStopped).toBe(false);
    await next.stop();
    rmSync(folder, { recursive: true, force: true });
  });
});
