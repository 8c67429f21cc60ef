import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { type ApiKeyRecord, apiKeyRecordSchema } from '../domain/api-key.js';
import { NotFoundError } from '../errors/app-errors.js';
import { apiKeyKey, apiKeyListKey } from './keys.js';
import { parseRecord } from './parse-record.js';
import { callDynamo, isConditionFailure } from './store-errors.js';
import type { TableContext } from './table-context.js';

/** A key record that does not parse fails loudly: authentication never guesses a role or a scope. */
const parseKey = (item: Record<string, unknown>) => parseRecord(apiKeyRecordSchema, item);

export class ApiKeyStore {
  constructor(private readonly table: TableContext) {}

  async create(record: ApiKeyRecord): Promise<void> {
    await callDynamo(() =>
      this.table.doc.send(
        new PutCommand({
          TableName: this.table.tableName,
          Item: {
            ...apiKeyKey(record.id),
            gsi1pk: apiKeyListKey(record.orgId),
            gsi1sk: record.id,
            ...record,
          },
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
