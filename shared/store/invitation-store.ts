import { GetCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { ApiKeyRecord } from '../domain/api-key.js';
import { type InvitationRecord, invitationRecordSchema } from '../domain/invitation.js';
import type { PersonRecord } from '../domain/person.js';
import { ConflictError, NotFoundError } from '../errors/app-errors.js';
import { apiKeyItem } from './api-key-store.js';
import { apiKeyKey, invitationKey, personInvitationsKey, personKey, personKeyLinkKey } from './keys.js';
import { parseRecord } from './parse-record.js';
import { callDynamo, isConditionFailure } from './store-errors.js';
import type { TableContext } from './table-context.js';
import { sendTransaction, type TransactItem } from './transaction.js';

const parseInvitation = (item: Record<string, unknown>) => parseRecord(invitationRecordSchema, item);

/** What refused an accept: the invitation (used, revoked or expired meanwhile) or the person (revoked or changed). */
export type AcceptOutcome = { outcome: 'committed' } | { outcome: 'refused'; by: 'invitation' | 'person' };

/** The person is revoked (or gone): nothing of theirs can be made any more. */
export class PersonNotInvitableError extends ConflictError {
  constructor(personId: string) {
    super(`Person "${personId}" is revoked: add them again to invite them.`);
  }
}

/** Invitations, listed per person through gsi1 (newest first: ids are ULIDs). */
export class InvitationStore {
  constructor(private readonly table: TableContext) {}

  /** Records an invitation, only while its person is not revoked (a revocation racing it wins). */
  async create(invitation: InvitationRecord): Promise<void> {
    const result = await sendTransaction(this.table, [
      {
        purpose: 'invitation' as const,
        item: {
          Put: {
            TableName: this.table.tableName,
            Item: {
              ...invitationKey(invitation.id),
              gsi1pk: personInvitationsKey(invitation.personId),
              gsi1sk: invitation.id,
              ...invitation,
            },
            // Ids are ULIDs drawn here: a collision would replace another invitation.
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
      },
      {
        purpose: 'person' as const,
        item: {
          ConditionCheck: {
            TableName: this.table.tableName,
            Key: personKey(invitation.personId),
            // Nobody is invited after their revocation.
            ConditionExpression: 'attribute_exists(pk) AND #status <> :revoked',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: { ':revoked': 'revoked' },
          },
        },
      },
    ]);
    if (result.outcome === 'refused') {
      if (result.refused.includes('person')) throw new PersonNotInvitableError(invitation.personId);
      throw new ConflictError('Could not record the invitation; retry.');
    }
  }

  /** Strongly consistent: an invitation used a moment ago reads as used. */
  async get(invitationId: string): Promise<InvitationRecord | undefined> {
    const result = await callDynamo(() =>
      this.table.doc.send(
        new GetCommand({
          TableName: this.table.tableName,
          Key: invitationKey(invitationId),
          ConsistentRead: true,
        }),
      ),
    );
    return result.Item === undefined ? undefined : parseInvitation(result.Item);
  }

  /** A person's latest invitations, newest first. */
  async ofPerson(personId: string, limit: number): Promise<InvitationRecord[]> {
    const result = await callDynamo(() =>
      this.table.doc.send(
        new QueryCommand({
          TableName: this.table.tableName,
          IndexName: 'gsi1',
          KeyConditionExpression: 'gsi1pk = :pk',
          ExpressionAttributeValues: { ':pk': personInvitationsKey(personId) },
          ScanIndexForward: false,
          Limit: limit,
        }),
      ),
    );
    return (result.Items ?? []).map(parseInvitation);
  }

  /**
   * Exchanges the invitation for the person's key, once, in one transaction: the invitation
   * becomes used (only if it is unused, not revoked and not expired at `at`), the person active
   * (only if not revoked and still at the version the key's role and scope were copied from),
   * the key and its link in the person's partition are written. Of any number of concurrent
   * accepts of one invitation, exactly one commits: the others find it used. `attemptHash`
   * remembers which device it was, so that device alone may retry a lost answer.
   */
  async accept(
    invitation: InvitationRecord,
    person: PersonRecord,
    key: ApiKeyRecord,
    at: string,
    attemptHash: string | undefined,
  ): Promise<AcceptOutcome> {
    return this.exchange(person, key, at, {
      Update: {
        TableName: this.table.tableName,
        Key: invitationKey(invitation.id),
        UpdateExpression: `SET usedAt = :at, keyId = :keyId${attemptHash === undefined ? '' : ', attemptHash = :attempt'}`,
        // Once: unused, not revoked, not expired.
        ConditionExpression:
          'attribute_exists(pk) AND attribute_not_exists(usedAt) AND attribute_not_exists(revokedAt) AND expiresAt > :at',
        ExpressionAttributeValues: {
          ':at': at,
          ':keyId': key.id,
          ...(attemptHash === undefined ? {} : { ':attempt': attemptHash }),
        },
      },
    });
  }

  /**
   * The same device's retry of an exchange whose answer it never got: the key made then is
   * revoked and a fresh one made, in one transaction, only while the invitation still names that
   * key and that device's attempt (two retries racing cannot both leave a working key).
   */
  async reissue(
    invitation: InvitationRecord & { keyId: string; attemptHash: string },
    person: PersonRecord,
    key: ApiKeyRecord,
    at: string,
  ): Promise<AcceptOutcome> {
    const lostKey: TransactItem = {
      Update: {
        TableName: this.table.tableName,
        Key: apiKeyKey(invitation.keyId),
        UpdateExpression:
          'SET revokedAt = if_not_exists(revokedAt, :at), revokedBy = if_not_exists(revokedBy, :by)',
        // Never creates a half-formed key record.
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeValues: { ':at': at, ':by': invitation.id },
      },
    };
    return this.exchange(
      person,
      key,
      at,
      {
        Update: {
          TableName: this.table.tableName,
          Key: invitationKey(invitation.id),
          UpdateExpression: 'SET keyId = :keyId, reissuedAt = :at',
          // Still the key and the device's attempt this retry was decided on, and not withdrawn.
          ConditionExpression: 'keyId = :lost AND attemptHash = :attempt AND attribute_not_exists(revokedAt)',
          ExpressionAttributeValues: {
            ':at': at,
            ':keyId': key.id,
            ':lost': invitation.keyId,
            ':attempt': invitation.attemptHash,
          },
        },
      },
      lostKey,
    );
  }

  /** What every exchange writes: the invitation's change, the person's guard, the key and its link. */
  private async exchange(
    person: PersonRecord,
    key: ApiKeyRecord,
    at: string,
    invitationWrite: TransactItem,
    lostKeyWrite?: TransactItem,
  ): Promise<AcceptOutcome> {
    const result = await sendTransaction(this.table, [
      { purpose: 'invitation' as const, item: invitationWrite },
      ...(lostKeyWrite === undefined ? [] : [{ purpose: 'lost-key' as const, item: lostKeyWrite }]),
      {
        purpose: 'person' as const,
        item: {
          Update: {
            TableName: this.table.tableName,
            Key: personKey(person.id),
            UpdateExpression: 'SET #status = :active, activatedAt = if_not_exists(activatedAt, :at)',
            // Not revoked, and the role and scope copied into the key are still the person's.
            ConditionExpression: '#status <> :revoked AND #version = :version',
            ExpressionAttributeNames: { '#status': 'status', '#version': 'version' },
            ExpressionAttributeValues: {
              ':active': 'active',
              ':revoked': 'revoked',
              ':at': at,
              ':version': person.version,
            },
          },
        },
      },
      {
        purpose: 'key' as const,
        item: {
          Put: {
            TableName: this.table.tableName,
            Item: apiKeyItem(key),
            // Key ids are random; a collision would replace another key's hash.
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
      },
      {
        purpose: 'link' as const,
        item: {
          Put: {
            TableName: this.table.tableName,
            Item: { ...personKeyLinkKey(person.id, key.id), keyId: key.id, createdAt: at },
          },
        },
      },
    ]);
    if (result.outcome === 'committed') return result;
    if (result.refused.includes('invitation')) return { outcome: 'refused', by: 'invitation' };
    if (result.refused.includes('person')) return { outcome: 'refused', by: 'person' };
    throw new ConflictError('Could not make the key; retry.');
  }

  /**
   * Withdraws an invitation not used yet. Revoking again keeps the first revocation; a used one
   * is refused (its key is the person's now: revoke the person, or the key).
   */
  async revoke(
    invitationId: string,
    at: string,
    by: { keyId: string; personId?: string | undefined },
  ): Promise<InvitationRecord> {
    try {
      const result = await callDynamo(() =>
        this.table.doc.send(
          new UpdateCommand({
            TableName: this.table.tableName,
            Key: invitationKey(invitationId),
            UpdateExpression: `SET revokedAt = if_not_exists(revokedAt, :at), revokedBy = if_not_exists(revokedBy, :by)${
              by.personId === undefined
                ? ''
                : ', revokedByPersonId = if_not_exists(revokedByPersonId, :byPerson)'
            }`,
            ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(usedAt)',
            ExpressionAttributeValues: {
              ':at': at,
              ':by': by.keyId,
              ...(by.personId === undefined ? {} : { ':byPerson': by.personId }),
            },
            ReturnValues: 'ALL_NEW',
          }),
        ),
      );
      return parseInvitation(result.Attributes ?? {});
    } catch (err) {
      if (!isConditionFailure(err)) throw err;
      const current = await this.get(invitationId);
      if (current === undefined) throw new NotFoundError('Invitation', invitationId);
      throw new ConflictError(
        `Invitation "${invitationId}" was already used: its key belongs to the person now. Revoke the person to take it back.`,
      );
    }
  }
}
