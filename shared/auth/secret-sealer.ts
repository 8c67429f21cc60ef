import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/**
 * Secrets the server must keep usable (webhook signing secrets, the answers that carry them for
 * idempotent replays) are kept sealed: envelope encryption, AES-256-GCM under a data key that a
 * key outside the table wraps (KMS on AWS, a key file under `.data/` locally). A copy of the table
 * (a backup, an export, a read-only role) holds no usable secret, and every sealed value is bound
 * to what it is and whose it is (`context`, the GCM associated data): moved to another record, it
 * no longer opens.
 */
export interface SecretSealer {
  seal(plaintext: string, context: string): Promise<string>;
  /** The plaintext; throws if the value was altered, moved to another context, or its key is unknown. */
  open(sealed: string, context: string): Promise<string>;
}

/** Where data keys come from: a fresh one (plain and wrapped), and the plain key of a wrapped one. */
export interface DataKeySource {
  generate(): Promise<{ plaintext: Buffer; wrapped: Buffer }>;
  unwrap(wrapped: Buffer): Promise<Buffer>;
}

const VERSION = 'sl1';
/** A data key seals for this long, then the next seal asks for a new one. */
const DATA_KEY_LIFETIME_MS = 12 * 3_600_000;
/** Unwrapped keys kept per process: one per instance that sealed something, so few. */
const UNWRAPPED_KEPT = 64;

const b64 = (bytes: Buffer) => bytes.toString('base64url');

/**
 * Envelope encryption with the data key cached per process: sealing asks the key source for one
 * data key per 12 hours (one KMS call per instance, not per secret), and opening unwraps each
 * distinct wrapped key once. A sealed value is `sl1.<wrapped key>.<iv>.<ciphertext>.<tag>`,
 * base64url, so it carries what it needs to be opened by any instance.
 */
export class EnvelopeSealer implements SecretSealer {
  private current: Promise<{ plaintext: Buffer; wrapped: Buffer; until: number }> | undefined;
  private readonly unwrapped = new Map<string, Promise<Buffer>>();

  constructor(
    private readonly keys: DataKeySource,
    private readonly clock: () => number = Date.now,
  ) {}

  async seal(plaintext: string, context: string): Promise<string> {
    const key = await this.dataKey();
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', key.plaintext, iv);
    cipher.setAAD(Buffer.from(context, 'utf8'));
    const data = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return [VERSION, b64(key.wrapped), b64(iv), b64(data), b64(cipher.getAuthTag())].join('.');
  }

  async open(sealed: string, context: string): Promise<string> {
    const [version, wrapped, iv, data, tag, ...rest] = sealed.split('.');
    if (
      version !== VERSION ||
      wrapped === undefined ||
      iv === undefined ||
      data === undefined ||
      tag === undefined ||
      rest.length > 0
    ) {
      throw new Error('not a sealed secret');
    }
    const key = await this.unwrap(wrapped);
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
    decipher.setAAD(Buffer.from(context, 'utf8'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString(
      'utf8',
    );
  }

  private async dataKey() {
    const now = this.clock();
    const cached = this.current === undefined ? undefined : await this.current.catch(() => undefined);
    if (cached !== undefined && cached.until > now) return cached;
    // One request for a key at a time; a failed one is not kept, so the next seal asks again.
    const next = this.keys.generate().then((key) => {
      this.remember(b64(key.wrapped), Promise.resolve(key.plaintext));
      return { ...key, until: now + DATA_KEY_LIFETIME_MS };
    });
    this.current = next;
    next.catch(() => {
      if (this.current === next) this.current = undefined;
    });
    return next;
  }

  private unwrap(wrapped: string): Promise<Buffer> {
    const known = this.unwrapped.get(wrapped);
    if (known !== undefined) return known;
    const key = this.keys.unwrap(Buffer.from(wrapped, 'base64url'));
    this.remember(wrapped, key);
    key.catch(() => this.unwrapped.delete(wrapped));
    return key;
  }

  private remember(wrapped: string, key: Promise<Buffer>): void {
    this.unwrapped.set(wrapped, key);
    // Oldest first out: a Map iterates in insertion order.
    while (this.unwrapped.size > UNWRAPPED_KEPT) {
      const oldest = this.unwrapped.keys().next().value;
      if (oldest === undefined) break;
      this.unwrapped.delete(oldest);
    }
  }
}
