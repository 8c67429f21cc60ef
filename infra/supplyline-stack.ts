import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { createSupplylineTable } from './table.js';

/** The deployable Supplyline stack. The API and sweeper functions join it in the CDK milestone. */
export class SupplylineStack extends Stack {
  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, props);
    const table = createSupplylineTable(this, 'Table');
    new CfnOutput(this, 'TableName', { value: table.tableName });
  }
}
