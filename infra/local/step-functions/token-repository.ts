import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Store } from '../../../shared/store/store';
import { TaskTokenClosedError } from './errors';
import { executionKey, toJson } from './execution-record';
import { isConditionFailure, transact, TransactionConditionFailedError } from './transact';

export type TokenStatus = 'WAITING' | 'SUCCEEDED' | 'FAILED' | 'TIMED_OUT';

/** How a callback task ended. */
export type TokenResult =
  | { status: 'SUCCEEDED'; output: unknown }
  | { status: 'FAILED' | 'TIMED_OUT'; error: string; cause: string };

/** A task token item: pk `TASKTOKEN#<token>`, sk `TOKEN`. */
export interface TokenRecord {
  token: string;
  executionArn: string;
  state: string;
  stepCount: number;
  status: TokenStatus;
  /** When the task started (clock time), for TimeoutSeconds / HeartbeatSeconds. */
  createdAt: string;
  /** The task's Lambda has returned: a resumed step does not invoke it again. */
  invoked?: boolean;
  result?: TokenResult;
}

function tokenKey(token: string): { pk: string; sk: string } {
  return { pk: `TASKTOKEN#${token}`, sk: 'TOKEN' };
}

function assertWaiting(record: TokenRecord | undefined): asserts record is TokenRecord {
  if (!record) throw new TaskTokenClosedError('unknown', 'Task token is unknown');
  if (record.status !== 'WAITING') throw new TaskTokenClosedError('closed', `Task token is ${record.status.toLowerCase()}`);
}

/** Callback task tokens and their completion (SendTaskSuccess / SendTaskFailure). */
export class TokenRepository {
  constructor(private readonly store: Store) {}

  async get(token: string): Promise<TokenRecord | undefined> {
    const { Item } = await this.store.doc.send(new GetCommand({ TableName: this.store.tableName, Key: tokenKey(token), ConsistentRead: true }));
    if (!Item) return undefined;
    const { pk: _pk, sk: _sk, output, error, cause, ...rest } = Item;
    const record = rest as TokenRecord;
    if (record.status === 'SUCCEEDED') record.result = { status: 'SUCCEEDED', output: JSON.parse(output as string) };
    if (record.status === 'FAILED' || record.status === 'TIMED_OUT') record.result = { status: record.status, error, cause };
    return record;
  }

  /**
   * Opens the token (conditional put). A token that already exists for the same execution — a resumed
   * step — is tolerated and returned as it is, with its start time, invocation flag and result.
   */
  async open(record: Omit<TokenRecord, 'status' | 'invoked' | 'result'>): Promise<TokenRecord> {
    try {
      await this.store.doc.send(
        new PutCommand({
          TableName: this.store.tableName,
          Item: { ...tokenKey(record.token), ...record, status: 'WAITING' },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
      return { ...record, status: 'WAITING' };
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
      const existing = await this.get(record.token);
      if (!existing || existing.executionArn !== record.executionArn) throw error;
      return existing;
    }
  }

  async markInvoked(token: string): Promise<void> {
    await this.store.doc.send(
      new UpdateCommand({
        TableName: this.store.tableName,
        Key: tokenKey(token),
        UpdateExpression: 'SET invoked = :yes',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeValues: { ':yes': true },
      }),
    );
  }

  /**
   * Completes a WAITING token whose execution is still RUNNING at the token's step, in one
   * transaction; otherwise WorkflowTaskClosedError (unknown, already completed, or execution moved on).
   */
  async complete(token: string, result: TokenResult, now: Date): Promise<TokenRecord> {
    const record = await this.get(token);
    assertWaiting(record);
    try {
      await transact(this.store, [
        { Update: this.completion(token, result, now) },
        {
          ConditionCheck: {
            TableName: this.store.tableName,
            Key: executionKey(record.executionArn),
            ConditionExpression: '#status = :running AND stepCount = :step',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: { ':running': 'RUNNING', ':step': record.stepCount },
          },
        },
      ]);
    } catch (error) {
      if (error instanceof TransactionConditionFailedError) throw new TaskTokenClosedError('closed', 'The task is no longer open', { cause: error });
      throw error;
    }
    return { ...record, status: result.status, result };
  }

  /** The token when it is WAITING; otherwise TaskTokenClosedError (`unknown` or `closed`). */
  async waiting(token: string): Promise<TokenRecord> {
    const record = await this.get(token);
    assertWaiting(record);
    return record;
  }

  /** Completes a WAITING token without checking its execution (timeout, failed invocation); false if it was not WAITING. */
  async settle(token: string, result: TokenResult, now: Date): Promise<boolean> {
    try {
      await this.store.doc.send(new UpdateCommand(this.completion(token, result, now)));
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  }

  private completion(token: string, result: TokenResult, now: Date) {
    const values: Record<string, unknown> = { ':waiting': 'WAITING', ':status': result.status, ':at': now.toISOString() };
    let set = '#status = :status, completedAt = :at';
    if (result.status === 'SUCCEEDED') {
      set += ', #output = :output';
      values[':output'] = toJson(result.output);
    } else {
      set += ', #error = :error, #cause = :cause';
      values[':error'] = result.error;
      values[':cause'] = result.cause;
    }
    return {
      TableName: this.store.tableName,
      Key: tokenKey(token),
      UpdateExpression: `SET ${set}`,
      ConditionExpression: '#status = :waiting',
      ExpressionAttributeNames: {
        '#status': 'status',
        ...(result.status === 'SUCCEEDED' ? { '#output': 'output' } : { '#error': 'error', '#cause': 'cause' }),
      },
      ExpressionAttributeValues: values,
    };
  }
}
