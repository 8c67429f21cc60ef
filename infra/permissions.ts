import type { TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { tableDefinition } from '../shared/store/table-definition.js';

/**
 * Least privilege, spelled out: each function gets only the DynamoDB actions its code calls, on
 * this table and its named indexes only. (A TransactWriteItems call is authorised per item against
 * PutItem/UpdateItem/DeleteItem, and a ConditionCheck item against ConditionCheckItem, so no
 * transaction action appears.)
 */
export const apiTableActions = [
  'dynamodb:GetItem',
  'dynamodb:BatchGetItem',
  'dynamodb:Query',
  'dynamodb:PutItem',
  'dynamodb:UpdateItem',
  'dynamodb:DeleteItem',
  // DELETE /v1/webhooks/{id} removes the subscription's queue and past deliveries in batches.
  'dynamodb:BatchWriteItem',
  // Transactions that check an item they do not write: a person not revoked (a device of theirs
  // registered, a key made), a silent phone's lease still its own when re-pooled.
  'dynamodb:ConditionCheckItem',
];

/**
 * The dispatcher and the webhook retry schedule: events appended to the feed (a transaction of
 * puts, then a consistent get when the event is there already), deliveries queued (a put with a
 * ConditionCheck that it was not delivered already), subscriptions listed and their queues
 * claimed, read, moved to done (delete, put, update) and released. The stream itself is read
 * with the permissions the event source mapping grants.
 */
export const dispatcherTableActions = [
  'dynamodb:GetItem',
  // A digest names its items: one BatchGetItem of the catalogue (stock-alerts.ts).
  'dynamodb:BatchGetItem',
  'dynamodb:Query',
  'dynamodb:PutItem',
  'dynamodb:UpdateItem',
  'dynamodb:DeleteItem',
  'dynamodb:ConditionCheckItem',
];

/** The sweeper finds issued vouchers past validity (a Query on gsi2) and releases them (updates). */
export const sweeperTableActions = ['dynamodb:Query', 'dynamodb:UpdateItem'];

export function grantTable(fn: IFunction, table: TableV2, actions: string[]): void {
  fn.addToRolePolicy(
    new PolicyStatement({
      actions,
      // Named indexes, not index/*: an index added later must be granted on purpose.
      resources: [
        table.tableArn,
        ...tableDefinition.globalIndexes.map((index) => `${table.tableArn}/index/${index.indexName}`),
      ],
    }),
  );
}
