import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TestApp } from './test-app.js';

/**
 * Watches for personal data in log lines. A test registers every value that must never be
 * logged (beneficiary references, API key secrets, voucher tokens, text it put in request
 * bodies) and every app whose log lines it captured; `leaks()` then names each line that holds
 * one of them. With RELIABILITY_LOG_DIR set, `dump()` saves both, so one last test can check the
 * log lines of a whole suite against the secrets of the whole suite.
 */

export type SecretKind =
  | 'beneficiary-ref'
  | 'api-key-secret'
  | 'voucher-token'
  | 'request-body'
  | 'invitation-code';

export interface LogDump {
  source: string;
  lines: string[];
  secrets: Array<{ kind: SecretKind; value: string }>;
}

export interface Leak {
  kind: SecretKind;
  /** The secret shortened, so a failure message does not spread it further. */
  secret: string;
  line: string;
}

export function findLeaks(lines: readonly string[], secrets: ReadonlyMap<string, SecretKind>): Leak[] {
  const leaks: Leak[] = [];
  for (const line of lines) {
    for (const [value, kind] of secrets) {
      if (line.includes(value))
        leaks.push({ kind, secret: `${value.slice(0, 12)}…`, line: line.slice(0, 300) });
    }
  }
  return leaks;
}

/** The part of `slk_<keyId>_<secret>` that must stay secret. */
export function apiKeySecret(apiKey: string): string {
  return apiKey.split('_').slice(2).join('_');
}

export class PersonalDataWatch {
  readonly secrets = new Map<string, SecretKind>();
  private readonly logSources: string[][] = [];
  private counter = 0;

  constructor(readonly source: string) {}

  /** Captures this app's log lines, and the secret of every key it creates from now on. */
  watch<T extends TestApp>(t: T): T {
    this.logSources.push(t.rawLogs);
    const createKey = t.createKey.bind(t);
    t.createKey = async (...args) => this.apiKey(await createKey(...args));
    const issueKey = t.issueKey.bind(t);
    t.issueKey = async (...args) => this.apiKey(await issueKey(...args));
    return t;
  }

  /** Registers an API key's secret; returns the key. */
  apiKey(apiKey: string): string {
    const secret = apiKeySecret(apiKey);
    if (secret.length >= 16) this.secrets.set(secret, 'api-key-secret');
    return apiKey;
  }

  /** A fresh, distinctive beneficiary reference, registered as personal data. */
  beneficiaryRef(): string {
    const ref = `PII-CANARY-${this.source}-${++this.counter}`;
    this.secrets.set(ref, 'beneficiary-ref');
    return ref;
  }

  /** A fresh, distinctive piece of request-body text (a note, a source, a label). */
  bodyText(label = 'text'): string {
    const text = `BODY-CANARY-${this.source}-${label}-${++this.counter}`;
    this.secrets.set(text, 'request-body');
    return text;
  }

  /** Registers any other value that must not be logged. */
  secret(value: string, kind: SecretKind): string {
    this.secrets.set(value, kind);
    return value;
  }

  /** Registers every voucher token and API key found in a response body. */
  observe(body: unknown): void {
    if (Array.isArray(body)) {
      for (const entry of body) this.observe(entry);
      return;
    }
    if (body === null || typeof body !== 'object') return;
    for (const [name, value] of Object.entries(body)) {
      if (name === 'token' && typeof value === 'string' && value.length > 20)
        this.secrets.set(value, 'voucher-token');
      else if (name === 'apiKey' && typeof value === 'string') this.apiKey(value);
      // An invitation's link carries its code after `#invite=`: the code must never be logged.
      else if (name === 'link' && typeof value === 'string' && value.includes('#invite='))
        this.secrets.set(value.slice(value.indexOf('#invite=') + '#invite='.length), 'invitation-code');
      else this.observe(value);
    }
  }

  lines(): string[] {
    return this.logSources.flat();
  }

  leaks(): Leak[] {
    return findLeaks(this.lines(), this.secrets);
  }

  /** Saves the lines and secrets for the suite-wide check, when the suite asks for it. */
  dump(directory = process.env.RELIABILITY_LOG_DIR): void {
    if (directory === undefined || directory === '') return;
    mkdirSync(directory, { recursive: true });
    const dump: LogDump = {
      source: this.source,
      lines: this.lines(),
      secrets: [...this.secrets].map(([value, kind]) => ({ kind, value })),
    };
    writeFileSync(join(directory, `${this.source}.json`), JSON.stringify(dump));
  }
}

/** Every dump saved so far in a suite's log directory. */
export function readDumps(directory: string): LogDump[] {
  let names: string[] = [];
  try {
    names = readdirSync(directory).filter((name) => name.endsWith('.json'));
  } catch {
    return [];
  }
  return names.map((name) => JSON.parse(readFileSync(join(directory, name), 'utf8')) as LogDump);
}
