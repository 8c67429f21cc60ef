import { type ApiKeyRecord, apiKeyRecordSchema, type KeyKind } from '../domain/api-key.js';
import { apiKeyListKey } from './keys.js';
import type { Page } from './pagination.js';
import { parseRecord } from './parse-record.js';
import { queryPage } from './query-page.js';
import type { TableContext } from './table-context.js';

export interface ApiKeyListFilter {
  orgId: string;
  kind?: KeyKind | undefined;
  /** `active`: not revoked; `revoked`: revoked. Both when left out. */
  status?: 'active' | 'revoked' | undefined;
}

/**
 * An organisation's keys, through gsi1 (`ORG#<orgId>#KEYS` / `<keyId>`: every key is written with
 * it, see api-key-store.ts), in key-id order. Its own module, loaded with the people stores on
 * first use: authentication, at every cold start, reads keys one by one and never lists them.
 */
export class ApiKeyListStore {
  constructor(private readonly table: TableContext) {}

  list(filter: ApiKeyListFilter, limit: number, cursor?: string): Promise<Page<ApiKeyRecord>> {
    const partition = apiKeyListKey(filter.orgId);
    const values: Record<string, unknown> = { ':pk': partition };
    const names: Record<string, string> = {};
    const filters: string[] = [];
    if (filter.kind !== undefined) {
      names['#kind'] = 'kind';
      values[':kind'] = filter.kind;
      // Keys stored before people existed have no `kind`: they are machine keys (apiKeyRecordSchema's default).
      filters.push(
        filter.kind === 'machine' ? '(attribute_not_exists(#kind) OR #kind = :kind)' : '#kind = :kind',
      );
    }
    if (filter.status === 'active') filters.push('attribute_not_exists(revokedAt)');
    if (filter.status === 'revoked') filters.push('attribute_exists(revokedAt)');
    return queryPage(
      this.table,
      {
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pk',
        ...(filters.length === 0 ? {} : { FilterExpression: filters.join(' AND ') }),
        ...(Object.keys(names).length === 0 ? {} : { ExpressionAttributeNames: names }),
        ExpressionAttributeValues: values,
        Limit: limit,
      },
      {
        partition: { gsi1pk: partition },
        cursor,
        read: (item) => parseRecord(apiKeyRecordSchema, item),
      },
    );
  }
}
