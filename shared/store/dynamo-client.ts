import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

export interface DynamoClientOptions {
  endpoint?: string | undefined;
  region?: string | undefined;
}

const AWS_TIMEOUTS = { connectionTimeout: 1000, requestTimeout: 3000 };
// DynamoDB Local is one Java process sharing two cores with the tests (or a laptop with the
// pages): under a burst of transactions it accepts connections seconds late, where AWS never
// does. A refused connection (the emulator stopped) still fails at once.
const EMULATOR_TIMEOUTS = { connectionTimeout: 5000, requestTimeout: 15000 };

/**
 * One client per process (module scope in the Lambda entry), never per request. Timeouts are short
 * so that an unreachable database turns into a 503 quickly instead of holding the caller.
 */
export function createDocumentClient(options: DynamoClientOptions = {}): DynamoDBDocumentClient {
  const local = options.endpoint !== undefined;
  const client = new DynamoDBClient({
    region: options.region ?? process.env.AWS_REGION ?? 'ap-southeast-1',
    ...(local
      ? { endpoint: options.endpoint, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }
      : {}),
    maxAttempts: 3,
    requestHandler: local ? EMULATOR_TIMEOUTS : AWS_TIMEOUTS,
  });
  return DynamoDBDocumentClient.from(client, {
    marshallOptions: { removeUndefinedValues: true },
  });
}
