import { startDynamoDbLocal } from '../../infra/local/dynamodb-local';

/** One in-memory DynamoDB Local for the whole run; each test file makes its own table. */
export default async function globalSetup(): Promise<void> {
  const db = await startDynamoDbLocal();
  process.env.TEST_DYNAMODB_ENDPOINT = db.endpoint;
  (globalThis as { __dynamoDbLocal?: typeof db }).__dynamoDbLocal = db;
}
