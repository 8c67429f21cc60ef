import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { type ApiKeyRecord, apiKeyRecordSchema } from '../domain/api-key.js';
import { NotFoundError } from '../errors/app-errors.js';
import { apiKeyKey, apiKeyListKey, personKey } from './keys.js';
import { parseRecord } from './parse-record.js';
import { callDynamo, isConditionFailure } from './store-errors.js';
import type { TableContext } from './table-context.js';

/** A key record that does not parse fails loudly: authentication never guesses a role or a scope. */
const parseKey = (item: Record<string, unknown>) => parseRecord(apiKeyRecordSchema, item);

/** The stored item of a key, listed per organisation through gsi1 (also written inside other stores' transactions). */
export function apiKeyItem(record: ApiKeyRecord): Record<string, unknown> {
  return { ...apiKeyKey(record.id), gsi1pk: apiKeyListKey(record.orgId), gsi1sk: record.id, ...record };
}

export class ApiKeyStore {
  constructor(private readonly table: TableContext) {}

  async create(record: ApiKeyRecord): Promise<void> {
    await callDynamo(() =>
      this.table.doc.send(
        new PutCommand({
          TableName: this.table.tableName,
          Item: apiKeyItem(record),
          // Key ids are random; a collision would silently replace another key's hash.
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      ),
    );
  }

  async get(keyId: string): Promise<ApiKeyRecord | undefined> {
    const result = await callDynamo(() =>
      this.table.doc.send(new GetCommand({ TableName: this.table.tableName, Key: apiKeyKey(keyId) })),
    );
    return result.Item === undefined ? undefined : parseKey(result.Item);
  }

  /**
   * When a person's key was last used, on the key and on its person; never moves back, never
   * creates a record. Here, not in the person store, so that noting it loads nothing more at a
   * cold start.
   */
  async markSeen(keyId: string, personId: string, at: string): Promise<void> {
    await Promise.all(
      [apiKeyKey(keyId), personKey(personId)].map(async (key) => {
        try {
          await callDynamo(() =>
            this.table.doc.send(
              new UpdateCommand({
                TableName: this.table.tableName,
                Key: key,
                UpdateExpression: 'SET lastSeenAt = :at',
                ConditionExpression:
                  'attribute_exists(pk) AND (attribute_not_exists(lastSeenAt) OR lastSeenAt < :at)',
                ExpressionAttributeValues: { ':at': at },
              }),
            ),
          );
        } catch (err) {
          if (!isConditionFailure(err)) throw err;
        }
      }),
    );
  }

  /** Marks a key revoked; revoking twice keeps the first revocation's time and actor. */
  async revoke(keyId: string, revokedAt: string, revokedBy: string): Promise<ApiKeyRecord> {
    try {
      const result = await callDynamo(() =>
        this.table.doc.send(
          new UpdateCommand({
            TableName: this.table.tableName,
            Key: apiKeyKey(keyId),
            UpdateExpression:
              'SET revokedAt = if_not_exists(revokedAt, :at), revokedBy = if_not_exists(revokedBy, :by)',
            // Revoking must never create a half-formed key record.
            ConditionExpression: 'attribute_exists(pk)',
            ExpressionAttributeValues: { ':at': revokedAt, ':by': revokedBy },
            ReturnValues: 'ALL_NEW',
          }),
        ),
      );
      return parseKey(result.Attributes ?? {});
    } catch (err) {
      if (isConditionFailure(err)) throw new NotFoundError('API key', keyId);
      throw err;
    }
  }
}
