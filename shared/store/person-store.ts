import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { type ApiKeyRecord, apiKeyRecordSchema, type KeyScope, type Role } from '../domain/api-key.js';
import type { IdempotencyCompletion } from '../domain/idempotency.js';
import { type PersonRecord, type PersonStatus, personRecordSchema } from '../domain/person-record.js';
import { ConflictError, NotFoundError } from '../errors/app-errors.js';
import { batchGet } from './batch-get.js';
import { type CompletionWrite, completionWrites } from './idempotency-store.js';
import {
  apiKeyKey,
  PERSON_DEVICE_PREFIX,
  PERSON_KEY_PREFIX,
  peopleListKey,
  peopleListSort,
  personKey,
  personPartition,
} from './keys.js';
import type { Page } from './pagination.js';
import { parseRecord } from './parse-record.js';
import { queryAll } from './query-all.js';
import { queryPage } from './query-page.js';
import { callDynamo, isConditionFailure } from './store-errors.js';
import type { TableContext } from './table-context.js';
import { sendTransaction } from './transaction.js';

const parsePerson = (item: Record<string, unknown>) => parseRecord(personRecordSchema, item);

/** What a change of a person may set; `version` goes up by one with it. */
export interface PersonChange {
  displayName?: string | undefined;
  role?: PersonRecord['role'] | undefined;
  scope?: PersonRecord['scope'] | undefined;
  updatedAt: string;
  updatedBy: string;
  updatedByPersonId?: string | undefined;
}

/** The person changed (another change, or a revocation) since it was read: read again and decide again. */
export class PersonChangedError extends ConflictError {
  constructor(readonly current: PersonRecord | undefined) {
    super('This person changed while the request ran; nothing was applied.');
  }
}

/**
 * People, listed through gsi1 (`PEOPLE`, sorted by organisation then id), the links from a person
 * to their keys and devices in the person's own partition (see keys.ts), and the person's keys as
 * the person's pages need them. Loaded on first use (stores.ts): nothing here runs at a cold start.
 */
export class PersonStore {
  constructor(private readonly table: TableContext) {}

  item(person: PersonRecord): Record<string, unknown> {
    return {
      ...personKey(person.id),
      gsi1pk: peopleListKey(),
      gsi1sk: peopleListSort(person.orgId, person.id),
      ...person,
    };
  }

  /** Adds a person; with an Idempotency-Key, its answer is kept in the same transaction. */
  async create(
    person: PersonRecord,
    idempotency: { completion: IdempotencyCompletion | undefined; response: unknown },
  ): Promise<void> {
    const result = await sendTransaction<'person' | CompletionWrite>(this.table, [
      {
        purpose: 'person',
        item: {
          Put: {
            TableName: this.table.tableName,
            Item: this.item(person),
            // Ids are ULIDs drawn here: a collision would replace another person.
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
      },
      ...completionWrites(this.table, idempotency.completion, idempotency.response),
    ]);
    if (result.outcome === 'refused') {
      // The person's id is fresh, so only the idempotency record can have refused: a request with
      // this key committed meanwhile, and the middleware answers with its response.
      throw new ConflictError('This request was already made with this Idempotency-Key.');
    }
  }

  /** Strongly consistent: a person just changed is seen as changed. */
  async get(personId: string): Promise<PersonRecord | undefined> {
    const result = await callDynamo(() =>
      this.table.doc.send(
        new GetCommand({ TableName: this.table.tableName, Key: personKey(personId), ConsistentRead: true }),
      ),
    );
    return result.Item === undefined ? undefined : parsePerson(result.Item);
  }

  /** Many people at once (display names for a listing or an export): absent ids are left out. */
  async getMany(personIds: readonly string[]): Promise<Map<string, PersonRecord>> {
    const items = await batchGet(
      this.table,
      personIds.map((id) => personKey(id)),
    );
    return new Map(items.map(parsePerson).map((person) => [person.id, person]));
  }

  /** One page of people, of one organisation or all, optionally of one role and status. */
  list(
    filter: { orgId?: string | undefined; role?: PersonRecord['role']; status?: PersonStatus },
    limit: number,
    cursor?: string,
  ): Promise<Page<PersonRecord>> {
    const partition = peopleListKey();
    const values: Record<string, unknown> = { ':pk': partition };
    const names: Record<string, string> = {};
    const filters: string[] = [];
    if (filter.orgId !== undefined) values[':org'] = `${filter.orgId}#`;
    if (filter.role !== undefined) {
      names['#role'] = 'role';
      values[':role'] = filter.role;
      filters.push('#role = :role');
    }
    if (filter.status !== undefined) {
      names['#status'] = 'status';
      values[':status'] = filter.status;
      filters.push('#status = :status');
    }
    return queryPage(
      this.table,
      {
        IndexName: 'gsi1',
        KeyConditionExpression:
          filter.orgId === undefined ? 'gsi1pk = :pk' : 'gsi1pk = :pk AND begins_with(gsi1sk, :org)',
        ...(filters.length === 0 ? {} : { FilterExpression: filters.join(' AND ') }),
        ...(Object.keys(names).length === 0 ? {} : { ExpressionAttributeNames: names }),
        ExpressionAttributeValues: values,
        Limit: limit,
      },
      { partition: { gsi1pk: partition }, cursor, read: parsePerson },
    );
  }

  /**
   * Applies a change to the person as read (`version`), and bumps the version: a key made from the
   * person meanwhile (accepting an invitation conditions on the version too) is never made from a
   * stale role or scope. A revoked person is never changed.
   */
  async change(person: PersonRecord, change: PersonChange): Promise<PersonRecord> {
    const fields = Object.entries(change).filter(([, value]) => value !== undefined);
    try {
      const result = await callDynamo(() =>
        this.table.doc.send(
          new UpdateCommand({
            TableName: this.table.tableName,
            Key: personKey(person.id),
            UpdateExpression: `SET #version = :next, ${fields.map((_, i) => `#f${i} = :v${i}`).join(', ')}`,
            // Guards: the person is as it was read, and not revoked (revocation is final).
            ConditionExpression: '#version = :read AND #status <> :revoked',
            ExpressionAttributeNames: {
              '#version': 'version',
              '#status': 'status',
              ...Object.fromEntries(fields.map(([name], i) => [`#f${i}`, name])),
            },
            ExpressionAttributeValues: {
              ':read': person.version,
              ':next': person.version + 1,
              ':revoked': 'revoked',
              ...Object.fromEntries(fields.map(([, value], i) => [`:v${i}`, value])),
            },
            ReturnValues: 'ALL_NEW',
          }),
        ),
      );
      return parsePerson(result.Attributes ?? {});
    } catch (err) {
      if (isConditionFailure(err)) throw new PersonChangedError(await this.get(person.id));
      throw err;
    }
  }

  /**
   * Marks the person revoked, for good. Revoking again keeps the first revocation's time and
   * actor, so a revocation retried after a failure part-way finishes what the first began.
   */
  async revoke(
    personId: string,
    at: string,
    by: { keyId: string; personId?: string | undefined },
  ): Promise<PersonRecord> {
    try {
      const result = await callDynamo(() =>
        this.table.doc.send(
          new UpdateCommand({
            TableName: this.table.tableName,
            Key: personKey(personId),
            UpdateExpression: `SET #status = :revoked, revokedAt = if_not_exists(revokedAt, :at), revokedBy = if_not_exists(revokedBy, :by)${
              by.personId === undefined
                ? ''
                : ', revokedByPersonId = if_not_exists(revokedByPersonId, :byPerson)'
            }`,
            // Revoking must never create a half-formed person.
            ConditionExpression: 'attribute_exists(pk)',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: {
              ':revoked': 'revoked',
              ':at': at,
              ':by': by.keyId,
              ...(by.personId === undefined ? {} : { ':byPerson': by.personId }),
            },
            ReturnValues: 'ALL_NEW',
          }),
        ),
      );
      return parsePerson(result.Attributes ?? {});
    } catch (err) {
      if (isConditionFailure(err)) throw new NotFoundError('Person', personId);
      throw err;
    }
  }

  /**
   * Every key and device of the person, read strongly consistently from the person's partition:
   * each link is written in the transaction that made the key or registered the device, under
   * "the person is not revoked", so after a revocation this list is complete for good.
   */
  async belongings(personId: string): Promise<{ keyIds: string[]; deviceIds: string[] }> {
    const items = await queryAll(this.table, {
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': personPartition(personId) },
      ConsistentRead: true,
      ProjectionExpression: 'sk',
    });
    const ids = (prefix: string) =>
      items
        .map((item) => String(item.sk))
        .filter((sk) => sk.startsWith(prefix))
        .map((sk) => sk.slice(prefix.length));
    return { keyIds: ids(PERSON_KEY_PREFIX), deviceIds: ids(PERSON_DEVICE_PREFIX) };
  }

  /** A person's keys (their phone and laptop), by id; absent ids are left out. */
  async keys(keyIds: readonly string[]): Promise<Map<string, ApiKeyRecord>> {
    const items = await batchGet(
      this.table,
      keyIds.map((id) => apiKeyKey(id)),
    );
    return new Map(items.map((item) => parseRecord(apiKeyRecordSchema, item)).map((key) => [key.id, key]));
  }

  /** The person's role or scope changed: one key of theirs acts with the new one. */
  async setKeyReach(keyId: string, reach: { role: Role; scope: KeyScope }): Promise<void> {
    await callDynamo(() =>
      this.table.doc.send(
        new UpdateCommand({
          TableName: this.table.tableName,
          Key: apiKeyKey(keyId),
          UpdateExpression: 'SET #role = :role, #scope = :scope',
          // Never creates a half-formed key record.
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeNames: { '#role': 'role', '#scope': 'scope' },
          ExpressionAttributeValues: { ':role': reach.role, ':scope': reach.scope },
        }),
      ),
    );
  }
}
