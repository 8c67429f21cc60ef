import type { LambdaContext, LambdaEvent } from 'hono/aws-lambda';

interface EventInput {
  method: string;
  path: string;
  query?: string;
  headers?: Record<string, string>;
  body?: string;
  /** The client's address as API Gateway reports it (a documentation address unless named). */
  sourceIp?: string;
}

/** An API Gateway HTTP API (payload 2.0) event, shaped as API Gateway sends it. */
export function httpApiV2Event(input: EventInput): LambdaEvent {
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath: input.path,
    rawQueryString: input.query ?? '',
    cookies: [],
    headers: {
      host: 'abc123.execute-api.ap-southeast-1.amazonaws.com',
      'user-agent': 'curl/8.5.0',
      ...input.headers,
    },
    requestContext: {
      accountId: '123456789012',
      apiId: 'abc123',
      domainName: 'abc123.execute-api.ap-southeast-1.amazonaws.com',
      domainPrefix: 'abc123',
      http: {
        method: input.method,
        path: input.path,
        protocol: 'HTTP/1.1',
        sourceIp: input.sourceIp ?? '203.0.113.7',
        userAgent: 'curl/8.5.0',
      },
      requestId: 'Jw1sKjKkSQ0EJxg=',
      routeKey: '$default',
      stage: '$default',
      time: '27/Nov/2026:10:00:00 +0000',
      timeEpoch: 1795773600000,
    },
    body: input.body,
    isBase64Encoded: false,
  } as unknown as LambdaEvent;
}

/** A Lambda Function URL event: payload 2.0 with the function-URL request context. */
export function functionUrlEvent(input: EventInput): LambdaEvent {
  const event = httpApiV2Event(input) as unknown as {
    requestContext: Record<string, unknown>;
    headers: Record<string, string>;
  };
  event.headers.host = 'xyz.lambda-url.ap-southeast-1.on.aws';
  event.requestContext.domainName = 'xyz.lambda-url.ap-southeast-1.on.aws';
  event.requestContext.domainPrefix = 'xyz';
  event.requestContext.apiId = 'xyz';
  event.requestContext.authorizer = undefined;
  return event as unknown as LambdaEvent;
}

export const lambdaContext = {
  functionName: 'supplyline-api',
  awsRequestId: 'c6af9ac6-7b61-11e6-9a41-93e812345678',
} as unknown as LambdaContext;
