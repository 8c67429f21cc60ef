import { type ChildProcess, spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';

/** CPU time a process has used, in milliseconds (user + system), as `process.cpuUsage()` counts it. */
export interface CpuTime {
  userMs: number;
  systemMs: number;
}

export const cpuMs = (cpu: CpuTime) => cpu.userMs + cpu.systemMs;

/**
 * A server the benchmark runs in a process of its own (the API, the bare HTTP baseline): a
 * client must not share the server's event loop and garbage collector, or it would measure
 * itself. Over the IPC channel the benchmark asks for the CPU time the server has used, has
 * it profile a stretch of work (V8's sampling profiler, in the server's own process, so that
 * start-up is left out), and stops it.
 */
export interface ServerProcess {
  url: string;
  cpu(): Promise<CpuTime>;
  /** Starts V8's CPU profiler in the server, sampling every `intervalUs` microseconds. */
  startProfile(intervalUs: number): Promise<void>;
  /** Stops it and writes the profile (a .cpuprofile, as `node --cpu-prof` writes) to `path`. */
  stopProfile(path: string): Promise<void>;
  stop(): Promise<void>;
}

type Control =
  | { type: 'cpu' }
  | { type: 'profile-start'; intervalUs: number }
  | { type: 'profile-stop'; path: string }
  | { type: 'stop' };
type Reply =
  | { type: 'cpu'; userMs: number; systemMs: number }
  | { type: 'profile-started' | 'profile-written' };

/** In the server's process: answers the benchmark's questions, and exits when told. */
export function answerBenchControl(): void {
  const session = new Session();
  session.connect();
  process.on('message', async (message: Control) => {
    const reply = (answer: Reply) => process.send?.(answer);
    switch (message.type) {
      case 'cpu': {
        const { user, system } = process.cpuUsage();
        reply({ type: 'cpu', userMs: user / 1000, systemMs: system / 1000 });
        return;
      }
      case 'profile-start':
        await session.post('Profiler.enable');
        await session.post('Profiler.setSamplingInterval', { interval: message.intervalUs });
        await session.post('Profiler.start');
        reply({ type: 'profile-started' });
        return;
      case 'profile-stop': {
        const { profile } = await session.post('Profiler.stop');
        writeFileSync(message.path, JSON.stringify(profile));
        reply({ type: 'profile-written' });
        return;
      }
      case 'stop':
        process.exit(0);
    }
  });
}

/** Starts `script` (TypeScript, through tsx) with `nodeArgs`, and resolves once it prints "listening". */
export function startServerProcess(
  script: URL,
  env: Record<string, string>,
  port: number,
  nodeArgs: string[] = [],
): Promise<ServerProcess> {
  return new Promise((resolve, reject) => {
    const child: ChildProcess = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', script.pathname], {
      env: { ...process.env, ...env, PORT: String(port) },
      stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
    });
    const exited = new Promise<void>((done) => child.once('exit', () => done()));
    child.once('exit', (code) => reject(new Error(`${script.pathname} exited with ${code}`)));
    child.stdout?.on('data', (chunk: Buffer) => {
      if (!chunk.toString().includes('listening')) return;
      const ask = (control: Control) =>
        new Promise<Reply>((answer) => {
          child.once('message', answer);
          child.send(control);
        });
      resolve({
        url: `http://127.0.0.1:${port}`,
        async cpu() {
          const reply = await ask({ type: 'cpu' });
          if (reply.type !== 'cpu')
            throw new Error(`asked for CPU time, ${script.pathname} answered ${reply.type}`);
          return { userMs: reply.userMs, systemMs: reply.systemMs };
        },
        async startProfile(intervalUs) {
          await ask({ type: 'profile-start', intervalUs });
        },
        async stopProfile(path) {
          await ask({ type: 'profile-stop', path });
        },
        async stop() {
          if (child.exitCode !== null) return;
          child.send({ type: 'stop' } satisfies Control);
          await exited;
        },
      });
    });
  });
}
