import { RemovalPolicy } from 'aws-cdk-lib';
import { AttributeType, Billing, StreamViewType, TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import type { Construct } from 'constructs';
import { tableDefinition } from '../shared/store/table-definition.js';

/**
 * The Supplyline table on AWS, built from the same definition local start-up and tests use.
 * Retained and deletion-protected: it holds the ledger that every stock figure is explained by.
 * Its stream (old and new images) is where events come from.
 */
export function createSupplylineTable(scope: Construct, id: string): TableV2 {
  return new TableV2(scope, id, {
    partitionKey: { name: tableDefinition.partitionKey, type: AttributeType.STRING },
    sortKey: { name: tableDefinition.sortKey, type: AttributeType.STRING },
    billing: Billing.onDemand(),
    timeToLiveAttribute: tableDefinition.ttlAttribute,
    dynamoStream: StreamViewType[tableDefinition.streamViewType],
    pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
    deletionProtection: true,
    removalPolicy: RemovalPolicy.RETAIN,
    globalSecondaryIndexes: tableDefinition.globalIndexes.map((index) => ({
      indexName: index.indexName,
      partitionKey: { name: index.partitionKey, type: AttributeType.STRING },
      sortKey: { name: index.sortKey, type: AttributeType.STRING },
    })),
  });
}
