import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Store } from '../../../shared/store/store';
import { WorkflowExecutionExistsError } from '../../../shared/services/ports';
import { StepFunctionsConflictError } from './errors';
import { eventKey, executionKey, fromItem, RUNNING_INDEX_KEY, toItem, toJson, type ExecutionRecord } from './execution-record';
import { transact, TransactionConditionFailedError, type TransactItem } from './transact';
import type { ExecutionHistoryEvent, HistoryEventType } from './types';

/** How a top-level state ended: go on to another state, or finish the execution. */
export type StepCommit =
  | { kind: 'next'; stateName: string; next: string; input: unknown }
  | { kind: 'succeed'; stateName: string; output: unknown }
  | { kind: 'fail'; stateName: string; error?: string; cause?: string };

export type NewEvent = Omit<ExecutionHistoryEvent, 'id' | 'timestamp'>;

/** The execution items and their history events in the single table. */
export class ExecutionRepository {
  constructor(private readonly store: Store) {}

  /** Creates a RUNNING execution at its StartAt state; a taken name gives WorkflowExecutionExistsError. */
  async create(record: ExecutionRecord, now: Date): Promise<void> {
    const events: NewEvent[] = [
      { type: 'ExecutionStarted', input: record.input },
      { type: 'StateEntered', stateName: record.currentState, input: record.stepInput },
    ];
    const put: TransactItem = {
      Put: { TableName: this.store.tableName, Item: toItem({ ...record, eventCount: events.length }), ConditionExpression: 'attribute_not_exists(pk)' },
    };
    try {
      await transact(this.store, [put, ...this.eventPuts(record.executionArn, 0, events, now)]);
    } catch (error) {
      if (!(error instanceof TransactionConditionFailedError)) throw error;
      throw new WorkflowExecutionExistsError(`Execution ${record.executionArn} already exists`, { cause: error });
    }
  }

  async get(executionArn: string): Promise<ExecutionRecord | undefined> {
    const { Item } = await this.store.doc.send(
      new GetCommand({ TableName: this.store.tableName, Key: executionKey(executionArn), ConsistentRead: true }),
    );
    return Item ? fromItem(Item) : undefined;
  }

  /** Records the end of the current top-level state; StepFunctionsConflictError if it is no longer ours. */
  async commit(record: ExecutionRecord, step: StepCommit, now: Date): Promise<ExecutionRecord> {
    const at = now.toISOString();
    if (step.kind === 'next') {
      const next: ExecutionRecord = {
        ...record,
        currentState: step.next,
        stepInput: step.input,
        stepCount: record.stepCount + 1,
        stepEnteredAt: at,
        waitUntil: undefined,
      };
      const events: NewEvent[] = [
        { type: 'StateExited', stateName: step.stateName, output: step.input },
        { type: 'StateEntered', stateName: step.next, input: step.input },
      ];
      return this.write(record, next, events, now);
    }
    const finished: ExecutionRecord = { ...record, stopDate: at, waitUntil: undefined, status: step.kind === 'succeed' ? 'SUCCEEDED' : 'FAILED' };
    const events: NewEvent[] = [];
    if (step.kind === 'succeed') {
      finished.output = step.output;
      events.push({ type: 'StateExited', stateName: step.stateName, output: step.output }, { type: 'ExecutionSucceeded', output: step.output });
    } else {
      finished.error = step.error;
      finished.cause = step.cause;
      events.push({ type: 'ExecutionFailed', stateName: step.stateName, error: step.error, cause: step.cause });
    }
    return this.write(record, finished, events, now);
  }

  /** Stores the absolute instant the current Wait state waits until. */
  async setWaitUntil(record: ExecutionRecord, instant: Date): Promise<ExecutionRecord> {
    return this.write(record, { ...record, waitUntil: instant.toISOString() }, [], undefined);
  }

  /** Marks a RUNNING execution ABORTED; returns the record as it ends up (unchanged if not RUNNING). */
  async abort(executionArn: string, cause: string, now: Date): Promise<ExecutionRecord | undefined> {
    for (;;) {
      const record = await this.get(executionArn);
      if (!record || record.status !== 'RUNNING') return record;
      const aborted: ExecutionRecord = { ...record, status: 'ABORTED', cause, stopDate: now.toISOString(), waitUntil: undefined };
      try {
        return await this.write(record, aborted, [{ type: 'ExecutionAborted', stateName: record.currentState, cause }], now);
      } catch (error) {
        if (!(error instanceof StepFunctionsConflictError)) throw error;
      }
    }
  }

  /** Every RUNNING execution, oldest first. */
  async listRunning(): Promise<string[]> {
    const arns: string[] = [];
    let startKey: Record<string, unknown> | undefined;
    do {
      const page = await this.store.doc.send(
        new QueryCommand({
          TableName: this.store.tableName,
          IndexName: 'gsi1',
          KeyConditionExpression: 'gsi1pk = :running',
          ExpressionAttributeValues: { ':running': RUNNING_INDEX_KEY },
          ExclusiveStartKey: startKey,
        }),
      );
      for (const item of page.Items ?? []) arns.push(item.executionArn as string);
      startKey = page.LastEvaluatedKey;
    } while (startKey);
    return arns;
  }

  async history(executionArn: string): Promise<ExecutionHistoryEvent[]> {
    const events: ExecutionHistoryEvent[] = [];
    let startKey: Record<string, unknown> | undefined;
    do {
      const page = await this.store.doc.send(
        new QueryCommand({
          TableName: this.store.tableName,
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :events)',
          ExpressionAttributeValues: { ':pk': `EXECUTION#${executionArn}`, ':events': 'EVENT#' },
          ConsistentRead: true,
          ExclusiveStartKey: startKey,
        }),
      );
      for (const item of page.Items ?? []) events.push(fromEventItem(item));
      startKey = page.LastEvaluatedKey;
    } while (startKey);
    return events;
  }

  /**
   * Replaces the record, conditional on it being RUNNING at the same step with the same number of
   * events (so one writer wins), and appends the events in the same transaction.
   */
  private async write(before: ExecutionRecord, after: ExecutionRecord, events: NewEvent[], now: Date | undefined): Promise<ExecutionRecord> {
    const written: ExecutionRecord = { ...after, eventCount: before.eventCount + events.length };
    const put: TransactItem = {
      Put: {
        TableName: this.store.tableName,
        Item: toItem(written),
        ConditionExpression: '#status = :running AND stepCount = :step AND eventCount = :events',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':running': 'RUNNING', ':step': before.stepCount, ':events': before.eventCount },
      },
    };
    try {
      await transact(this.store, [put, ...this.eventPuts(before.executionArn, before.eventCount, events, now ?? new Date(0))]);
    } catch (error) {
      if (!(error instanceof TransactionConditionFailedError)) throw error;
      throw new StepFunctionsConflictError(`Execution ${before.executionArn} changed concurrently`, { cause: error });
    }
    return written;
  }

  private eventPuts(executionArn: string, after: number, events: NewEvent[], now: Date): TransactItem[] {
    return events.map((event, index) => {
      const id = after + index + 1;
      const item: Record<string, unknown> = { ...eventKey(executionArn, id), id, type: event.type, timestamp: now.toISOString() };
      if (event.stateName !== undefined) item.stateName = event.stateName;
      if ('input' in event) item.input = toJson(event.input);
      if ('output' in event) item.output = toJson(event.output);
      if (event.error !== undefined) item.error = event.error;
      if (event.cause !== undefined) item.cause = event.cause;
      return { Put: { TableName: this.store.tableName, Item: item, ConditionExpression: 'attribute_not_exists(pk)' } };
    });
  }
}

function fromEventItem(item: Record<string, unknown>): ExecutionHistoryEvent {
  const event: ExecutionHistoryEvent = { id: item.id as number, type: item.type as HistoryEventType, timestamp: new Date(item.timestamp as string) };
  if (item.stateName !== undefined) event.stateName = item.stateName as string;
  if (typeof item.input === 'string') event.input = JSON.parse(item.input);
  if (typeof item.output === 'string') event.output = JSON.parse(item.output);
  if (item.error !== undefined) event.error = item.error as string;
  if (item.cause !== undefined) event.cause = item.cause as string;
  return event;
}
