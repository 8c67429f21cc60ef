import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openApiConfig } from '../../shared/http/openapi-document.js';

const root = join(import.meta.dirname, '../..');
const read = (path: string) => readFileSync(join(root, path), 'utf8');

/** SHA-256 of https://www.apache.org/licenses/LICENSE-2.0.txt, byte for byte. */
const APACHE_2_0_TEXT_SHA256 = 'cfc7749b96f63bd31c3c42b5c471bf756814053e847c10f3eb003417bc523d30';

describe('the licence', () => {
  it('is the Apache License 2.0 text, unaltered, in LICENSE at the root', () => {
    expect(createHash('sha256').update(read('LICENSE')).digest('hex')).toBe(APACHE_2_0_TEXT_SHA256);
  });

  it('is named Apache-2.0 by package.json, the OpenAPI document and its committed copy', () => {
    expect(JSON.parse(read('package.json')).license).toBe('Apache-2.0');
    expect(openApiConfig.info.license.identifier).toBe('Apache-2.0');
    expect(JSON.parse(read('clients/openapi.json')).info.license).toEqual(openApiConfig.info.license);
  });

  it('is no longer excused from the OpenAPI lint', () => {
    expect(read('redocly.yaml')).not.toMatch(/info-license\s*:\s*off/);
  });

  it('is named in the README', () => {
    expect(read('README.md')).toMatch(/^## Licen[cs]e\n\n.*\[Apache License 2\.0\]\(LICENSE\)/m);
  });
});
