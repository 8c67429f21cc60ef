import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { CONTRACT_FILES, contractFiles } from '../../scripts/lib/api-document.js';
import { expectMatchesContract } from '../support/contract.js';

const run = promisify(execFile);

describe('the committed contract', () => {
  it('is the document the app serves, and the client types generated from it', async () => {
    const generated = await contractFiles();
    for (const [name, path] of Object.entries(CONTRACT_FILES)) {
      const committed = await readFile(path, 'utf8');
      expect(
        committed === generated[name as keyof typeof CONTRACT_FILES],
        `${path} is out of date: run npm run generate:client`,
      ).toBe(true);
    }
  });

  it('passes Redocly’s recommended rules with no error and no warning', async () => {
    // Offline and quiet: no telemetry, no update check (redocly.yaml turns telemetry off as well).
    const env = { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' };
    // Errors make it exit non-zero; its report is on stdout either way.
    const { stdout } = await run(
      'node_modules/.bin/redocly',
      ['lint', '--extends', 'recommended', '--format', 'json', CONTRACT_FILES.document],
      { env },
    ).catch((err: { stdout: string }) => err);
    const report = JSON.parse(stdout) as {
      totals: { errors: number; warnings: number };
      problems: unknown[];
    };
    expect(report.problems).toEqual([]);
    expect(report.totals).toMatchObject({ errors: 0, warnings: 0 });
  });
});

describe('the check every test client makes of each answer', () => {
  const item = { id: 'rice', name: 'Rice', category: 'food', unit: 'kg', createdAt: '2026-01-01T00:00:00Z' };
  const json = (extra: Record<string, string> = {}) =>
    new Headers({ 'content-type': 'application/json', 'x-request-id': 'r1', ...extra });
  const answer = (status: number, body: unknown, headers = json()) => ({
    method: 'GET',
    url: '/v1/items/rice?x=1',
    status,
    headers,
    text: JSON.stringify(body),
  });

  it('accepts an answer the document describes', () => {
    expect(() => expectMatchesContract(answer(200, item))).not.toThrow();
  });

  it('fails on a field the schema does not have', () => {
    expect(() => expectMatchesContract(answer(200, { ...item, secret: 'x' }))).toThrow(
      /additional properties/,
    );
  });

  it('fails on a status the operation does not document', () => {
    expect(() => expectMatchesContract(answer(418, item))).toThrow(/status 418 is not documented/);
  });

  it('fails on a missing required header', () => {
    const unauthenticated = answer(
      401,
      {
        type: 'urn:supplyline:problem:unauthenticated',
        title: 'x',
        status: 401,
        detail: 'x',
        requestId: 'r1',
      },
      new Headers({ 'content-type': 'application/problem+json', 'x-request-id': 'r1' }),
    );
    expect(() => expectMatchesContract(unauthenticated)).toThrow(/WWW-Authenticate header is missing/);
  });
});
