import { DynamoDBClient, CreateTableCommand, DescribeTableCommand, ResourceInUseException } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { tableDefinition } from './table';

/** A handle on the single table: the document client plus the table's name. */
export interface Store {
  doc: DynamoDBDocumentClient;
  tableName: string;
}

export interface StoreOptions {
  tableName: string;
  /** DynamoDB Local's address; omitted in AWS. */
  endpoint?: string;
  region?: string;
}

export function createStore(options: StoreOptions): Store {
  const local = options.endpoint !== undefined;
  const client = new DynamoDBClient({
    region: options.region ?? (local ? 'local' : undefined),
    endpoint: options.endpoint,
    credentials: local ? { accessKeyId: 'local', secretAccessKey: 'local' } : undefined,
    maxAttempts: 5,
  });
  const doc = DynamoDBDocumentClient.from(client, {
    marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
  });
  return { doc, tableName: options.tableName };
}

/** Creates the table when it does not exist yet (local runtime and tests; CDK owns it in AWS). */
export async function ensureTable(store: Store): Promise<void> {
  try {
    await store.doc.send(new CreateTableCommand(tableDefinition(store.tableName)));
  } catch (error) {
    if (!(error instanceof ResourceInUseException)) throw error;
  }
  for (;;) {
    const { Table } = await store.doc.send(new DescribeTableCommand({ TableName: store.tableName }));
    if (Table?.TableStatus === 'ACTIVE') return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
