import { linkSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { z } from 'zod';
import { commandLineOf, isProcessAlive } from './process-check.js';

/**
 * One `npm start` per data folder. DynamoDB Local must never run twice on one -dbPath, and a
 * second start once took the first one's live emulator for a crashed leftover and killed it. The
 * lock file names the start that runs (pid, URL), so a second one can refuse and say where the
 * first is. A lock whose process is gone (kill -9, a closed terminal) is stale and taken over.
 */
const holderSchema = z.object({
  pid: z.number().int().positive(),
  url: z.string(),
  startedAt: z.string(),
});
export type StartLockHolder = z.infer<typeof holderSchema>;

export type StartLockClaim =
  | { claimed: true; release: () => void }
  | { claimed: false; holder: StartLockHolder };

function readHolder(file: string): StartLockHolder | undefined {
  try {
    return holderSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
  } catch {
    return undefined;
  }
}

/** The `npm start` holding the lock, if it still runs. Reads only: a refused start changes nothing. */
export function runningStart(file: string): StartLockHolder | undefined {
  const holder = readHolder(file);
  if (holder === undefined || holder.pid === process.pid || !isProcessAlive(holder.pid)) return undefined;
  // A pid reused since by an unrelated program does not hold the lock.
  const commandLine = commandLineOf(holder.pid);
  if (commandLine !== undefined && !commandLine.includes('start.ts')) return undefined;
  return holder;
}

/**
 * Claims the folder for this process, or answers who holds it. The lock appears whole or not at
 * all (written aside, then hard-linked into place, which fails if it exists), so two starts racing
 * for a folder cannot both win, and neither reads a half-written file.
 */
export function claimStartLock(file: string, url: string): StartLockClaim {
  const mine: StartLockHolder = { pid: process.pid, url, startedAt: new Date().toISOString() };
  const aside = `${file}.${process.pid}`;
  writeFileSync(aside, `${JSON.stringify(mine)}\n`);
  try {
    for (;;) {
      try {
        linkSync(aside, file);
        return { claimed: true, release: () => releaseStartLock(file) };
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      }
      const holder = runningStart(file);
      if (holder !== undefined) return { claimed: false, holder };
      rmSync(file, { force: true });
    }
  } finally {
    rmSync(aside, { force: true });
  }
}

/** Removes the lock if this process still holds it; safe to call more than once. */
function releaseStartLock(file: string): void {
  if (readHolder(file)?.pid === process.pid) rmSync(file, { force: true });
}
