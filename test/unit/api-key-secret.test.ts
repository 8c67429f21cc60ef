import { describe, expect, it } from 'vitest';
import { hashSecret, issueSecret, parseApiKey, secretMatches } from '../../shared/auth/api-key-secret.js';

describe('API key secrets', () => {
  it('issues distinct keys that parse back to their id and match their stored hash', () => {
    const a = issueSecret();
    const b = issueSecret();
    expect(a.apiKey).not.toBe(b.apiKey);
    const parsed = parseApiKey(a.apiKey);
    expect(parsed?.keyId).toBe(a.keyId);
    expect(secretMatches(parsed?.secret ?? '', a.secretHash)).toBe(true);
    expect(secretMatches(parsed?.secret ?? '', b.secretHash)).toBe(false);
  });

  it('stores only a SHA-256 hash of the secret', () => {
    const { apiKey, secretHash } = issueSecret();
    const secret = parseApiKey(apiKey)?.secret ?? '';
    expect(secretHash).toBe(hashSecret(secret));
    expect(secretHash).toMatch(/^[0-9a-f]{64}$/);
    expect(secretHash).not.toContain(secret);
  });

  it.each([
    '',
    'slk_',
    'slk_short_secret',
    `xyz_${'a'.repeat(16)}_${'b'.repeat(43)}`,
    `slk_${'A'.repeat(16)}_${'b'.repeat(43)}`,
    `slk_${'a'.repeat(16)}_${'b'.repeat(42)}`,
  ])('rejects the malformed key %j', (presented) => {
    expect(parseApiKey(presented)).toBeUndefined();
  });
});
