import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findFreePort } from '../../scripts/lib/free-port.js';
import { type NpmStart, startNpmStart } from '../support/npm-start.js';
import { runBlock, tail } from '../support/readme-block-runner.js';
import {
  commandLines,
  curlsPrintingToTerminal,
  type FencedBlock,
  fencedBlocks,
  isShell,
  strayMarkers,
} from '../support/readme-blocks.js';

/**
 * The README's shell blocks are what a newcomer pastes first, so they run here as the README
 * says to run them: in order, each pasted whole into a fresh terminal in the folder where
 * `npm start` runs, against a fresh `npm start` (its own port and data folder). A block that
 * cannot run here says so and why, on the line above its fence; the list of those is checked
 * below, so a skip is never silent.
 */
const root = join(import.meta.dirname, '../..');
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const blocks = fencedBlocks(readme);
const shellBlocks = blocks.filter(isShell);
const runnable = shellBlocks.filter((block) => block.notRunBecause === undefined);

const where = (block: FencedBlock) => `README.md:${block.line} (${block.heading})`;

describe("the README's shell blocks", () => {
  it('are fenced as sh or bash wherever a command is run, so none escapes this test', () => {
    const commandsOutsideShellBlocks = blocks
      .filter((block) => !isShell(block))
      .filter((block) => /^\s*(\w+=\$\(\s*)?(curl|npm|npx|node)\s/m.test(block.code))
      .map(where);
    expect(commandsOutsideShellBlocks).toEqual([]);
    expect(strayMarkers(readme)).toEqual([]);
  });

  it('leave out only blocks that cannot run in a test, each saying why', () => {
    const notRun = shellBlocks
      .filter((block) => block.notRunBecause !== undefined)
      .map((block) => `${block.heading}: ${block.notRunBecause}`);
    expect(notRun).toEqual([
      'The two commands: npm ci would reinstall the test run’s own dependencies, npm start is what the test starts, and npm test would run this test again',
      'Deploying to AWS with CDK: needs an AWS account and creates billable resources',
    ]);
    expect(runnable.length).toBeGreaterThanOrEqual(5);
  });

  it("reach the API only through $API, which each block sets to npm start's address unless set", () => {
    const setsApi = /^API=\$\{API:-http:\/\/localhost:3000\}$/m;
    const withoutApi = runnable.filter((block) => /\bcurl\s/.test(block.code) && !setsApi.test(block.code));
    expect(withoutApi.map(where)).toEqual([]);
    const fixedAddress = runnable.flatMap((block) =>
      commandLines(block)
        .filter(({ text }) => /localhost:\d/.test(text) && !setsApi.test(text))
        .map(({ line, text }) => `README.md:${line}: ${text.slice(0, 80)}`),
    );
    expect(fixedAddress).toEqual([]);
  });

  it("end every answer printed to the terminal with a newline (-w '\\n'), so answers never run together", () => {
    const runTogether = shellBlocks.flatMap((block) =>
      commandLines(block).flatMap(({ line, text }) =>
        curlsPrintingToTerminal(text)
          .filter((call) => !call.includes("-w '\\n'"))
          .map((call) => `README.md:${line}: ${call.slice(0, 80)}`),
      ),
    );
    expect(runTogether).toEqual([]);
  });
});

describe(`the README's ${runnable.length} runnable shell blocks, pasted in order beside npm start`, () => {
  // The reader's folder: npm start keeps .data/ in it, and the blocks run in it.
  let work = '';
  let server: NpmStart | undefined;
  let env: Record<string, string> = {};

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'supplyline-readme-'));
    server = await startNpmStart({
      port: await findFreePort(),
      dataDir: join(work, '.data'),
      healthWithinMs: 90_000,
    });
    // A fresh terminal's environment, not this test runner's: the README's own defaults are
    // overridden only where a test must (its port, a free port for the webhook receiver).
    env = {
      PATH: `${dirname(process.execPath)}:${process.env.PATH ?? '/usr/bin:/bin'}`,
      HOME: process.env.HOME ?? work,
      LANG: 'C.UTF-8',
      TMPDIR: tmpdir(),
      API: server.url,
      HOOK_PORT: String(await findFreePort()),
    };
  });

  afterAll(async () => {
    await server?.stop();
    if (work !== '') rmSync(work, { recursive: true, force: true });
  });

  for (const block of runnable) {
    it(`${where(block)} runs, every request answered below 400`, async () => {
      const run = await runBlock(block, { cwd: work, env, stopAfterMs: 150_000 });
      const report = `${where(block)} failed; what it printed (last lines):\n${tail(run.output)}\n`;
      expect(run.historyExpanded, report).toBe(false);
      expect(run.exitCode, report).toBe(0);
    }, 180_000);
  }

  it('leave the files they write only under git-ignored folders', () => {
    const written = readdirSync(work, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => relative(work, join(entry.parentPath, entry.name)))
      .filter((path) => !path.startsWith('.data/'));
    expect(written.length).toBeGreaterThan(0);
    // git check-ignore prints the paths .gitignore ignores (and exits 1 when it prints none).
    const ignored = spawnSync('git', ['check-ignore', '--no-index', '--stdin'], {
      cwd: root,
      input: written.join('\n'),
      encoding: 'utf8',
    })
      .stdout.split('\n')
      .filter(Boolean);
    expect(written.filter((path) => !ignored.includes(path))).toEqual([]);
  });
});
