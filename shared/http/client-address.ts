/**
 * The address a request came from, as the runtime saw it: API Gateway's `sourceIp` on Lambda
 * (HTTP API and function URLs: `requestContext.http`; REST APIs: `requestContext.identity`), the
 * socket's peer under @hono/node-server (`npm start`). Never `X-Forwarded-For`: anyone can write
 * that header, and the gateway's own field already names the client. Undefined when the runtime
 * gives none (in-process tests).
 */
interface RuntimeBindings {
  requestContext?: { http?: { sourceIp?: unknown }; identity?: { sourceIp?: unknown } };
  incoming?: { socket?: { remoteAddress?: unknown } };
}

export function clientAddressOf(env: unknown): string | undefined {
  if (typeof env !== 'object' || env === null) return undefined;
  const bindings = env as RuntimeBindings;
  const candidates = [
    bindings.requestContext?.http?.sourceIp,
    bindings.requestContext?.identity?.sourceIp,
    bindings.incoming?.socket?.remoteAddress,
  ];
  const found = candidates.find((value): value is string => typeof value === 'string' && value !== '');
  return found;
}
