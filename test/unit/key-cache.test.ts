import { describe, expect, it } from 'vitest';
import { KeyCache } from '../../shared/auth/key-cache.js';
import type { ApiKeyRecord } from '../../shared/domain/api-key.js';

const record = (id: string): ApiKeyRecord => ({
  id,
  secretHash: 'h',
  kind: 'machine',
  role: 'admin',
  orgId: 'o',
  scope: { shelterIds: '*', pickupPointIds: '*' },
  label: 'l',
  createdAt: '2026-11-27T00:00:00.000Z',
  createdBy: 'test',
});

describe('key cache', () => {
  it('forgets entries after their lifetime', () => {
    let now = 0;
    const cache = new KeyCache(1000, () => now);
    cache.set(record('k1'));
    now = 999;
    expect(cache.get('k1')?.id).toBe('k1');
    now = 1000;
    expect(cache.get('k1')).toBeUndefined();
  });

  it('keeps memory bounded by evicting the oldest entry', () => {
    const cache = new KeyCache(60_000, () => 0, 2);
    cache.set(record('a'));
    cache.set(record('b'));
    cache.set(record('c'));
    expect(cache.get('a')).toBeUndefined();
    expect(cache.get('c')?.id).toBe('c');
  });

  it('caches nothing when the lifetime is zero', () => {
    const cache = new KeyCache(0);
    cache.set(record('k'));
    expect(cache.get('k')).toBeUndefined();
  });
});
