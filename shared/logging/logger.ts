/**
 * Structured JSON logs, one object per line. Callers pass named fields only; nothing here ever
 * receives a request body, a token, an API key secret or a beneficiary reference, and the
 * `redactKeys` pass is a second line of defence for fields that should never be logged.
 */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
export type LogFields = Record<string, unknown>;

export interface Logger {
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
  /**
   * A line formatted elsewhere, written as is: the metrics' embedded metric format lines
   * (shared/metrics/powertools-sink.ts), which are log lines CloudWatch reads metrics from. Written at every
   * level but `silent`.
   */
  writeLine(line: string): void;
}

const levelRank: Record<LogLevel | 'silent', number> = {
  debug: 10,
  info: 20,
  warn: 30,
  error: 40,
  silent: 99,
};

const forbiddenFieldNames = new Set([
  'authorization',
  'apikey',
  'secret',
  'token',
  'beneficiaryref',
  'body',
  'password',
]);

function redact(fields: LogFields): LogFields {
  const safe: LogFields = {};
  for (const [key, value] of Object.entries(fields)) {
    safe[key] = forbiddenFieldNames.has(key.toLowerCase()) ? '[redacted]' : value;
  }
  return safe;
}

function describeError(err: unknown): LogFields {
  if (err instanceof Error) {
    return { errorName: err.name, errorMessage: err.message, stack: err.stack };
  }
  return { errorMessage: String(err) };
}

export function createLogger(
  minLevel: LogLevel | 'silent' = 'info',
  write: (line: string) => void = (line) => process.stdout.write(`${line}\n`),
): Logger {
  const emit = (level: LogLevel, message: string, fields: LogFields = {}) => {
    if (levelRank[level] < levelRank[minLevel]) return;
    const { err, ...rest } = fields;
    const entry = {
      time: new Date().toISOString(),
      level,
      message,
      ...redact(rest),
      ...(err === undefined ? {} : describeError(err)),
    };
    write(JSON.stringify(entry));
  };
  return {
    debug: (message, fields) => emit('debug', message, fields),
    info: (message, fields) => emit('info', message, fields),
    warn: (message, fields) => emit('warn', message, fields),
    error: (message, fields) => emit('error', message, fields),
    writeLine: (line) => {
      if (minLevel !== 'silent') write(line);
    },
  };
}
