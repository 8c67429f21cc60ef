import type { ApiKeyRecord } from '../domain/api-key.js';

/**
 * Remembers key records for a short time so most requests skip the key read. The lifetime is
 * the longest a revoked key keeps working on another warm instance; the instance that revokes a
 * key forgets it at once.
 */
export class KeyCache {
  private readonly entries = new Map<string, { record: ApiKeyRecord; expiresAt: number }>();

  constructor(
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
    private readonly maxEntries = 10_000,
  ) {}

  get(keyId: string): ApiKeyRecord | undefined {
    const entry = this.entries.get(keyId);
    if (entry === undefined) return undefined;
    if (entry.expiresAt <= this.now()) {
      this.entries.delete(keyId);
      return undefined;
    }
    return entry.record;
  }

  set(record: ApiKeyRecord): void {
    if (this.ttlMs <= 0) return;
    // Insertion order makes the first key the oldest: a cheap bound on memory under key churn.
    if (this.entries.size >= this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    this.entries.set(record.id, { record, expiresAt: this.now() + this.ttlMs });
  }

  forget(keyId: string): void {
    this.entries.delete(keyId);
  }
}
