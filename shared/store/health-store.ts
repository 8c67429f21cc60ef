import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { healthProbeKey } from './keys.js';
import { callDynamo } from './store-errors.js';
import type { TableContext } from './table-context.js';

/** Proves the table answers with the cheapest call the API role is allowed: one key read. */
export class HealthStore {
  constructor(private readonly table: TableContext) {}

  async ping(): Promise<void> {
    await callDynamo(() =>
      this.table.doc.send(new GetCommand({ TableName: this.table.tableName, Key: healthProbeKey() })),
    );
  }
}
