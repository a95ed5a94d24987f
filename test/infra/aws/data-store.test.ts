import { Match } from 'aws-cdk-lib/assertions';
import { TABLE_KEYS } from '../../../shared/store/table';
import { logicalId, synthesize, type Synthesized } from './synth';

describe('the single DynamoDB table', () => {
  let synthesized: Synthesized;
  beforeAll(() => {
    synthesized = synthesize();
  });

  test('is the only table', () => {
    synthesized.template.resourceCountIs('AWS::DynamoDB::Table', 1);
  });

  test('is on demand, with point-in-time recovery, deletion protection and TTL', () => {
    synthesized.template.hasResourceProperties('AWS::DynamoDB::Table', {
      BillingMode: 'PAY_PER_REQUEST',
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
      DeletionProtectionEnabled: true,
      TimeToLiveSpecification: { AttributeName: TABLE_KEYS.ttlAttribute, Enabled: true },
      SSESpecification: { SSEEnabled: true },
    });
  });

  test('is retained when the stack is deleted or the table replaced', () => {
    const { stack, template } = synthesized;
    const table = template.toJSON().Resources[logicalId(stack, stack.data.table)];
    expect(table.DeletionPolicy).toBe('Retain');
    expect(table.UpdateReplacePolicy).toBe('Retain');
  });

  test('has the documented key schema pk/sk and its GSIs (gsi1 among them), all projecting every attribute', () => {
    const { partitionKey, sortKey } = TABLE_KEYS;
    const indexes = Object.values(TABLE_KEYS).filter((value): value is typeof TABLE_KEYS.gsi1 => typeof value === 'object');
    expect(indexes.map((index) => index.indexName)).toContain('gsi1');
    synthesized.template.hasResourceProperties('AWS::DynamoDB::Table', {
      KeySchema: [
        { AttributeName: partitionKey, KeyType: 'HASH' },
        { AttributeName: sortKey, KeyType: 'RANGE' },
      ],
      AttributeDefinitions: Match.arrayWith([
        { AttributeName: partitionKey, AttributeType: 'S' },
        { AttributeName: sortKey, AttributeType: 'S' },
      ]),
      GlobalSecondaryIndexes: indexes.map((index) => ({
        IndexName: index.indexName,
        KeySchema: [
          { AttributeName: index.partitionKey, KeyType: 'HASH' },
          { AttributeName: index.sortKey, KeyType: 'RANGE' },
        ],
        Projection: { ProjectionType: 'ALL' },
      })),
    });
  });
});
