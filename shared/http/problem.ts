import { z } from '@hono/zod-openapi';

/**
 * RFC 9457 problem details. `type` is a URN per error code: stable for clients to switch on,
 * and honest about not being a web page we host.
 */
export const problemSchema = z
  .object({
    type: z.string().openapi({ example: 'urn:supplyline:problem:validation' }),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    requestId: z.string(),
    errors: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
  })
  .catchall(z.unknown())
  .openapi('Problem');

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';
