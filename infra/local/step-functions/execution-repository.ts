import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Store } from '../../../shared/store/store';
import { WorkflowExecutionExistsError } from '../../../shared/services/ports';
import { StepFunctionsConflictError } from './errors';
import { eventsKey, executionKey, fromItem, RUNNING_INDEX_KEY, toItem, type ExecutionRecord } from './execution-record';
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

  /**
   * Records the end of the current top-level state and of the states run after it without a checkpoint
   * (`steps`, in order: each `next` but the last leads to the following step's state), in one transaction;
   * StepFunctionsConflictError if the execution is no longer ours. `waitUntil` is stored when the chain ends
   * entering a Wait state whose instant is known.
   */
  async commit(record: ExecutionRecord, steps: StepCommit[], now: Date, waitUntil?: Date): Promise<ExecutionRecord> {
    const at = now.toISOString();
    const events: NewEvent[] = [];
    let next: ExecutionRecord = record;
    for (const step of steps) {
      if (step.kind === 'next') {
        next = { ...next, currentState: step.next, stepInput: step.input, stepCount: next.stepCount + 1, stepEnteredAt: at, waitUntil: undefined };
        events.push({ type: 'StateExited', stateName: step.stateName, output: step.input }, { type: 'StateEntered', stateName: step.next, input: step.input });
      } else if (step.kind === 'succeed') {
        next = { ...next, stopDate: at, waitUntil: undefined, status: 'SUCCEEDED', output: step.output };
        events.push({ type: 'StateExited', stateName: step.stateName, output: step.output }, { type: 'ExecutionSucceeded', output: step.output });
      } else {
        next = { ...next, stopDate: at, waitUntil: undefined, status: 'FAILED', error: step.error, cause: step.cause };
        events.push({ type: 'ExecutionFailed', stateName: step.stateName, error: step.error, cause: step.cause });
      }
    }
    if (waitUntil && next.status === 'RUNNING') next.waitUntil = waitUntil.toISOString();
    return this.write(record, next, events, now);
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
          ExpressionAttributeValues: { ':pk': `EXECUTION#${executionArn}`, ':events': 'EVENT' },
          ConsistentRead: true,
          ExclusiveStartKey: startKey,
        }),
      );
      for (const item of page.Items ?? []) events.push(...eventsFromItem(item));
      startKey = page.LastEvaluatedKey;
    } while (startKey);
    return events.sort((a, b) => a.id - b.id);
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

  /**
   * The events of one write, as few items as fit (`EVENTS#<first id>`, the events as JSON): a commit that ran
   * several states in memory writes one item, not two per state.
   */
  private eventPuts(executionArn: string, after: number, events: NewEvent[], now: Date): TransactItem[] {
    const batches: Record<string, unknown>[][] = [];
    let size = Infinity;
    events.forEach((event, index) => {
      const stored = eventToStore({ ...event, id: after + index + 1, timestamp: now });
      const length = JSON.stringify(stored).length;
      if (size + length > MAX_EVENTS_ITEM_CHARS) {
        batches.push([]);
        size = 0;
      }
      batches[batches.length - 1].push(stored);
      size += length;
    });
    return batches.map((batch) => ({
      Put: {
        TableName: this.store.tableName,
        Item: { ...eventsKey(executionArn, batch[0].id as number), events: JSON.stringify(batch) },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    }));
  }
}

/** Well under DynamoDB's 400 KB per item; a single larger event still gets an item of its own. */
const MAX_EVENTS_ITEM_CHARS = 300_000;

function eventToStore(event: ExecutionHistoryEvent): Record<string, unknown> {
  const stored: Record<string, unknown> = { id: event.id, type: event.type, timestamp: event.timestamp.toISOString() };
  if (event.stateName !== undefined) stored.stateName = event.stateName;
  if ('input' in event) stored.input = event.input === undefined ? null : event.input;
  if ('output' in event) stored.output = event.output === undefined ? null : event.output;
  if (event.error !== undefined) stored.error = event.error;
  if (event.cause !== undefined) stored.cause = event.cause;
  return stored;
}

function eventsFromItem(item: Record<string, unknown>): ExecutionHistoryEvent[] {
  if (typeof item.events !== 'string') return [fromEventItem(item)];
  return (JSON.parse(item.events) as Record<string, unknown>[]).map((stored) => ({ ...stored, timestamp: new Date(stored.timestamp as string) }) as ExecutionHistoryEvent);
}

/** An event as written one item each (`EVENT#<id>`) before events were written in batches. */
function fromEventItem(item: Record<string, unknown>): ExecutionHistoryEvent {
  const event: ExecutionHistoryEvent = { id: item.id as number, type: item.type as HistoryEventType, timestamp: new Date(item.timestamp as string) };
  if (item.stateName !== undefined) event.stateName = item.stateName as string;
  if (typeof item.input === 'string') event.input = JSON.parse(item.input);
  if (typeof item.output === 'string') event.output = JSON.parse(item.output);
  if (item.error !== undefined) event.error = item.error as string;
  if (item.cause !== undefined) event.cause = item.cause as string;
  return event;
}
