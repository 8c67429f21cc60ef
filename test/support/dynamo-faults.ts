import {
  BatchGetCommand,
  DeleteCommand,
  type DynamoDBDocumentClient,
  type DynamoDBDocumentClientResolvedConfig,
  GetCommand,
  PutCommand,
  QueryCommand,
  type ServiceInputTypes,
  type ServiceOutputTypes,
  TransactWriteCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { type AwsStub, mockClient } from 'aws-sdk-client-mock';

/**
 * Faults that DynamoDB Local never produces (throttling, transaction conflicts, timeouts, 5xx),
 * injected with aws-sdk-client-mock on the document client the stores share. Every call the fault
 * plan does not claim goes through to the real DynamoDB Local, so a test sees real data around
 * the injected failure.
 */

export const commandKinds = {
  GetCommand,
  QueryCommand,
  BatchGetCommand,
  PutCommand,
  UpdateCommand,
  DeleteCommand,
  TransactWriteCommand,
} as const;
export type CommandKind = keyof typeof commandKinds;
export const allCommandKinds = Object.keys(commandKinds) as CommandKind[];

export const faultKinds = [
  'throttling',
  'provisioned-throughput',
  'transaction-conflict',
  'timeout',
  'server-error',
] as const;
export type FaultKind = (typeof faultKinds)[number];

/** An error shaped as the AWS SDK v3 throws it for this fault on this kind of call. */
export function sdkFault(fault: FaultKind, command: CommandKind): Error {
  const error = (name: string, message: string, status: number, extra: Record<string, unknown> = {}) =>
    Object.assign(new Error(message), {
      name,
      $fault: status >= 500 ? 'server' : 'client',
      $metadata: { httpStatusCode: status, attempts: 3, totalRetryDelay: 0 },
      ...extra,
    });
  switch (fault) {
    case 'throttling':
      return error('ThrottlingException', 'Rate of requests exceeds the allowed throughput.', 400);
    case 'provisioned-throughput':
      return error(
        'ProvisionedThroughputExceededException',
        'The level of configured provisioned throughput for the table was exceeded.',
        400,
      );
    case 'transaction-conflict':
      // A transaction sees the conflict as a cancellation reason; a single-item write as its own error.
      return command === 'TransactWriteCommand'
        ? error(
            'TransactionCanceledException',
            'Transaction cancelled, please refer cancellation reasons for specific reasons [TransactionConflict, None]',
            400,
            { CancellationReasons: [{ Code: 'TransactionConflict' }, { Code: 'None' }, { Code: 'None' }] },
          )
        : error('TransactionConflictException', 'Transaction is ongoing for the item', 400);
    case 'timeout':
      return Object.assign(new Error('Connection timed out after 3000 ms'), { name: 'TimeoutError' });
    case 'server-error':
      return error('InternalServerError', 'Internal server error', 500);
  }
}

export interface FaultRule {
  command: CommandKind;
  /** A transient fault by kind, or any error to throw. */
  fault: FaultKind | (() => Error);
  /** How many calls fail; the ones after go through. Default: every call. */
  times?: number;
  /**
   * `before`: the call never reaches the table (what throttling and conflicts mean).
   * `after`: the call commits, then the caller sees the error (a response lost to a timeout).
   */
  when?: 'before' | 'after';
}

export type DocumentClientStub = AwsStub<
  ServiceInputTypes,
  ServiceOutputTypes,
  DynamoDBDocumentClientResolvedConfig
>;
type Send = (command: unknown) => Promise<ServiceOutputTypes>;

/** The client's own `send`, to call through to DynamoDB Local from inside a mock. Take it before mocking. */
export function realSendOf(doc: DynamoDBDocumentClient): Send {
  return doc.send.bind(doc) as Send;
}

/** Fault plans on one document client, and a count of every call it received, by kind. */
export class FaultInjector {
  readonly calls = new Map<string, number>();
  readonly injected = new Map<string, number>();
  private rules: Array<Required<FaultRule>> = [];
  private readonly stub: DocumentClientStub;

  constructor(doc: DynamoDBDocumentClient) {
    const realSend = realSendOf(doc);
    this.stub = mockClient(doc);
    this.stub.send.callsFake(async (command: object) => {
      const kind = allCommandKinds.find((name) => command instanceof commandKinds[name]) ?? 'other';
      this.calls.set(kind, (this.calls.get(kind) ?? 0) + 1);
      const rule = this.rules.find((r) => r.command === kind && r.times > 0);
      if (rule !== undefined) {
        rule.times -= 1;
        this.injected.set(kind, (this.injected.get(kind) ?? 0) + 1);
        const error = typeof rule.fault === 'function' ? rule.fault() : sdkFault(rule.fault, rule.command);
        if (rule.when === 'after') await realSend(command);
        throw error;
      }
      return realSend(command);
    });
  }

  /** The aws-sdk-client-mock stub itself, for its own matchers and behaviours. */
  get mock(): DocumentClientStub {
    return this.stub;
  }

  fail(rule: FaultRule): this {
    this.rules.push({ times: Number.POSITIVE_INFINITY, when: 'before', ...rule });
    return this;
  }

  /** Puts the real `send` back. Call before reading the table to audit it. */
  restore(): void {
    this.stub.restore();
  }
}

/** Records which kinds of DynamoDB call a piece of work makes, letting every call through. */
export async function recordCommandKinds(
  doc: DynamoDBDocumentClient,
  work: () => Promise<unknown>,
): Promise<Set<CommandKind>> {
  const injector = new FaultInjector(doc);
  try {
    await work();
  } finally {
    injector.restore();
  }
  return new Set(allCommandKinds.filter((kind) => injector.calls.has(kind)));
}
