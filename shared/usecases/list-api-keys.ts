import { z } from '@hono/zod-openapi';
import { type ApiKeyView, apiKeyView, keyKindSchema, type Principal } from '../domain/api-key.js';
import { pageQuerySchema } from '../domain/page-query.js';
import { slugSchema } from '../domain/slug.js';
import type { Page } from '../store/pagination.js';
import type { Stores } from '../store/stores.js';

export const apiKeysQuerySchema = pageQuerySchema
  .extend({
    orgId: slugSchema.optional().openapi({ description: 'Whose keys. Default: the caller’s organisation.' }),
    kind: keyKindSchema.optional().openapi({
      description:
        '`machine`: partner systems’ and scripts’ keys; `person`: keys people made from an invitation. Both when left out.',
    }),
    status: z.enum(['active', 'revoked']).optional().openapi({ description: 'Both when left out.' }),
  })
  .strict();
export type ApiKeysQuery = z.infer<typeof apiKeysQuerySchema>;

/**
 * One organisation's keys, in key-id order, as an admin reviews them: everything but the hash of
 * each secret (which is all the API keeps of it). A page may hold fewer than `limit` when filters
 * leave some out: follow `nextCursor`.
 */
export async function listApiKeys(
  input: ApiKeysQuery,
  actor: Principal,
  deps: { stores: Pick<Stores, 'apiKeyList'> },
): Promise<Page<ApiKeyView>> {
  const page = await (await deps.stores.apiKeyList()).list(
    { orgId: input.orgId ?? actor.orgId, kind: input.kind, status: input.status },
    input.limit,
    input.cursor,
  );
  return { items: page.items.map(apiKeyView), nextCursor: page.nextCursor };
}
