import { spawn } from 'node:child_process';
import type { FencedBlock } from './readme-blocks.js';

/**
 * Runs one README shell block as a reader's second terminal would: a fresh bash, fed the block
 * line by line on its standard input (as a paste is), with history expansion on (a `!` inside
 * double quotes breaks a paste into an interactive bash, so it breaks here too).
 *
 * Stricter than a terminal, so that nothing fails silently: `set -euo pipefail` (a failed
 * command, an unset variable or a failed step of a pipe stops the block), and every `curl` goes
 * through a wrapper that adds `--fail-with-body`, so an HTTP answer of 400 or more is a failure
 * that names the command, the status line and the body that came back.
 */
export interface BlockRun {
  /** bash's exit code; null when it was stopped. */
  exitCode: number | null;
  /** What the block printed, stdout and stderr interleaved as they arrived. */
  output: string;
  /** True when a `!` was taken for history expansion (bash: "event not found"). */
  historyExpanded: boolean;
}

/**
 * What runs before the block. The wrapper's messages start with [readme-test]; API keys in them
 * are cut to their public part (slk_<id>_<secret>). `lines` is how many lines it takes, so that
 * bash's line N of its input is README line N - lines - 1 + the block's first line.
 */
function prelude(block: FencedBlock): { script: string; lines: number } {
  const body = String.raw`set -o history -o histexpand
set -euo pipefail
# The README line of bash's line $1.
readme_line() { echo $(( $1 + ${block.line} - PRELUDE_LINES - 1 )); }
# Says which command stopped the block; a failed curl has already said what came back.
trap 'status=$? line=$LINENO command=$BASH_COMMAND; [ "$command" = "return \"\$status\"" ] && command="the curl above"; printf "\n[readme-test] README.md:%s stopped the block, exit %s: %s\n" "$(readme_line "$line")" "$status" "$command" >&2' ERR
# A receiver the block started in the background dies with the block, even when it fails.
trap 'kill $(jobs -p) 2>/dev/null || true' EXIT
curl() {
  local body headers status=0 output="" previous="" argument
  body=$(mktemp) headers=$(mktemp)
  for argument in "$@"; do
    if [ "$previous" = -o ] || [ "$previous" = --output ]; then output=$argument; fi
    previous=$argument
  done
  # -q first: a developer's ~/.curlrc must not change what the README's curl does.
  command curl -q --fail-with-body -sS -D "$headers" "$@" >"$body" || status=$?
  cat "$body"
  if [ -z "$output" ]; then output=$body; fi
  if [ "$status" -ne 0 ]; then
    printf "\n[readme-test] curl %s\n[readme-test]   exit %s, answered: %s\n[readme-test]   body: %s\n" \
      "$(printf %s "$*" | sed -E 's/(slk_[A-Za-z0-9]+_)[A-Za-z0-9_-]+/\1<secret>/g')" \
      "$status" "$(head -n 1 "$headers" | tr -d '\r')" "$(head -c 2000 "$output" 2>/dev/null)" >&2
  fi
  rm -f "$body" "$headers"
  return "$status"
}`;
  const lines = body.split('\n').length + 1;
  return { script: `PRELUDE_LINES=${lines}\n${body}`, lines };
}

export function runBlock(
  block: FencedBlock,
  options: { cwd: string; env: Record<string, string>; stopAfterMs: number },
): Promise<BlockRun> {
  const child = spawn('bash', [], {
    cwd: options.cwd,
    env: options.env,
    stdio: ['pipe', 'pipe', 'pipe'],
    // Its own process group, so that what the block left running can be stopped with it.
    detached: true,
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  const { script, lines } = prelude(block);
  child.stdin.end(`${script}\n${block.code}\n`);
  const stopGroup = () => {
    try {
      if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  };
  const guard = setTimeout(() => {
    output += `\n[readme-test] still running after ${options.stopAfterMs} ms: stopped\n`;
    stopGroup();
  }, options.stopAfterMs);
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => {
      clearTimeout(guard);
      stopGroup();
      // bash's own messages ("bash: line 52: X: unbound variable") name README lines instead.
      const named = output.replace(
        /^bash: line (\d+):/gm,
        (_, line: string) => `README.md:${Number(line) - lines - 1 + block.line}:`,
      );
      resolve({ exitCode: code, output: named, historyExpanded: /event not found/.test(output) });
    });
  });
}

/** The last lines of a block's output, for a failure message that shows what came back. */
export function tail(output: string, lines = 40): string {
  return output.trimEnd().split('\n').slice(-lines).join('\n');
}
