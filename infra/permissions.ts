import type { TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { tableDefinition } from '../shared/store/table-definition.js';

/**
 * Least privilege, spelled out: each function gets only the DynamoDB actions its code calls, on
 * this table and its named indexes only. (A TransactWriteItems call is authorised per item against
 * PutItem/UpdateItem/DeleteItem, so no transaction action appears.)
 */
export const apiTableActions = [
  'dynamodb:GetItem',
  'dynamodb:BatchGetItem',
  'dynamodb:Query',
  'dynamodb:PutItem',
  'dynamodb:UpdateItem',
  'dynamodb:DeleteItem',
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
