import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { CONTRACT_FILES } from '../../scripts/lib/api-document.js';

const run = promisify(execFile);

interface SpectralFinding {
  code: string;
  path: (string | number)[];
  message: string;
  severity: number;
}

/** Spectral's severities: 0 is an error. */
const ERROR = 0;

/** What a client sends: a finding whose path runs through a parameter or a request body. */
const onRequest = (finding: SpectralFinding) =>
  finding.path.some((part) => part === 'parameters' || part === 'requestBody');

describe('the contract under the OWASP API Security ruleset (Spectral)', () => {
  it('finds no error on request parameters and bodies', { timeout: 120_000 }, async () => {
    // .spectral.yaml extends @stoplight/spectral-owasp-ruleset. Findings make Spectral exit
    // non-zero; its JSON report is on stdout either way.
    const { stdout } = await run(
      'node_modules/.bin/spectral',
      ['lint', CONTRACT_FILES.document, '--ruleset', '.spectral.yaml', '--format', 'json', '--quiet'],
      { maxBuffer: 64 * 1024 * 1024 },
    ).catch((err: { stdout: string }) => err);
    const findings = JSON.parse(stdout) as SpectralFinding[];
    const requestErrors = findings
      .filter((finding) => finding.severity === ERROR && onRequest(finding))
      .map((finding) => `${finding.code} at ${finding.path.join('.')}`);
    expect(requestErrors).toEqual([]);
  });
});
