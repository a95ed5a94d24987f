import type { CreateTableCommandInput } from '@aws-sdk/client-dynamodb';

/**
 * The single table. Key schema (documented in shared/store/README.md):
 *   pk / sk          primary key, strings
 *   gsi1pk / gsi1sk  GSI "gsi1": listings (notice board, open tasks per organization, due schedules)
 *   gsi2pk / gsi2sk  GSI "gsi2": an organization's records by kind (ORG#<orgId>#<kind> / <time>#<id>)
 *   expiresAt        TTL attribute (epoch seconds) for sessions and other short-lived items
 */
export const TABLE_KEYS = {
  partitionKey: 'pk',
  sortKey: 'sk',
  gsi1: { indexName: 'gsi1', partitionKey: 'gsi1pk', sortKey: 'gsi1sk' },
  gsi2: { indexName: 'gsi2', partitionKey: 'gsi2pk', sortKey: 'gsi2sk' },
  ttlAttribute: 'expiresAt',
} as const;

export function tableDefinition(tableName: string): CreateTableCommandInput {
  const { partitionKey, sortKey, gsi1, gsi2 } = TABLE_KEYS;
  const index = (keys: typeof gsi1 | typeof gsi2) => ({
    IndexName: keys.indexName,
    KeySchema: [
      { AttributeName: keys.partitionKey, KeyType: 'HASH' as const },
      { AttributeName: keys.sortKey, KeyType: 'RANGE' as const },
    ],
    Projection: { ProjectionType: 'ALL' as const },
  });
  return {
    TableName: tableName,
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: [
      { AttributeName: partitionKey, AttributeType: 'S' },
      { AttributeName: sortKey, AttributeType: 'S' },
      { AttributeName: gsi1.partitionKey, AttributeType: 'S' },
      { AttributeName: gsi1.sortKey, AttributeType: 'S' },
      { AttributeName: gsi2.partitionKey, AttributeType: 'S' },
      { AttributeName: gsi2.sortKey, AttributeType: 'S' },
    ],
    KeySchema: [
      { AttributeName: partitionKey, KeyType: 'HASH' },
      { AttributeName: sortKey, KeyType: 'RANGE' },
    ],
    GlobalSecondaryIndexes: [index(gsi1), index(gsi2)],
  };
}
