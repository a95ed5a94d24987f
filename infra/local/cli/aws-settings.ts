import { readFileSync } from 'node:fs';
import type { Env } from './serve-config';

/** Where `admin create --aws` finds the deployed stack: its user pool, its app client and its data table. */
export interface AwsSettings {
  userPoolId: string;
  clientId: string;
  tableName: string;
  region?: string;
  /** Only for tests and local twins: cognito-local, DynamoDB Local. */
  cognitoEndpoint?: string;
  dynamodbEndpoint?: string;
}

/**
 * From `cdk deploy --outputs-file FILE` (the stack's outputs UserPoolId, UserPoolClientId, DataTableName), else from
 * the environment: USER_POOL_ID, USER_POOL_CLIENT_ID, TABLE_NAME (the names the Lambdas use), AWS_REGION. An
 * environment variable wins over the file. Answers the missing names when something is not given.
 */
export function readAwsSettings(outputsFile: string | undefined, env: Env): AwsSettings | { missing: string[] } {
  let outputs: Record<string, string> = {};
  if (outputsFile) {
    const stacks = JSON.parse(readFileSync(outputsFile, 'utf8')) as Record<string, Record<string, string>>;
    outputs = Object.values(stacks).find((stack) => 'UserPoolId' in stack) ?? {};
  }
  const userPoolId = env.USER_POOL_ID || outputs.UserPoolId;
  const clientId = env.USER_POOL_CLIENT_ID || outputs.UserPoolClientId;
  const tableName = env.TABLE_NAME || outputs.DataTableName;
  const missing = [
    ...(userPoolId ? [] : ['USER_POOL_ID (UserPoolId)']),
    ...(clientId ? [] : ['USER_POOL_CLIENT_ID (UserPoolClientId)']),
    ...(tableName ? [] : ['TABLE_NAME (DataTableName)']),
  ];
  if (missing.length > 0) return { missing };
  return {
    userPoolId: userPoolId!, clientId: clientId!, tableName: tableName!,
    region: env.AWS_REGION || env.AWS_DEFAULT_REGION || undefined,
    cognitoEndpoint: env.COGNITO_ENDPOINT || undefined,
    dynamodbEndpoint: env.DYNAMODB_ENDPOINT || undefined,
  };
}
