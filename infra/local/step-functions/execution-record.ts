import type { ExecutionDescription } from './types';

/**
 * The stored execution (pk `EXECUTION#<arn>`, sk `STATE`): its description plus the checkpoint of
 * the top-level state it is in. JSON values are stored as strings.
 */
export interface ExecutionRecord extends Omit<ExecutionDescription, 'startDate' | 'stopDate' | 'currentState'> {
  startDate: string;
  stopDate?: string;
  /** Checkpoint: the top-level state to run, its input and its ordinal. */
  currentState: string;
  stepInput: unknown;
  stepCount: number;
  stepEnteredAt: string;
  /** Set while the current state is a Wait: the absolute instant it waits until. */
  waitUntil?: string;
  /** Number of history events written so far. */
  eventCount: number;
}

export const EXECUTION_SK = 'STATE';
export const RUNNING_INDEX_KEY = 'LOCALSFN#RUNNING';

export function executionKey(executionArn: string): { pk: string; sk: string } {
  return { pk: `EXECUTION#${executionArn}`, sk: EXECUTION_SK };
}

/** The item holding the history events from `firstId` on that one write added (older data: one `EVENT#<id>` item per event). */
export function eventsKey(executionArn: string, firstId: number): { pk: string; sk: string } {
  return { pk: `EXECUTION#${executionArn}`, sk: `EVENTS#${String(firstId).padStart(9, '0')}` };
}

const JSON_FIELDS = ['input', 'output', 'stepInput'] as const;

export function toItem(record: ExecutionRecord): Record<string, unknown> {
  const item: Record<string, unknown> = { ...executionKey(record.executionArn), ...record };
  for (const field of JSON_FIELDS) if (field in record) item[field] = toJson(record[field]);
  if (record.status === 'RUNNING') {
    item.gsi1pk = RUNNING_INDEX_KEY;
    item.gsi1sk = `${record.startDate}#${record.executionArn}`;
  }
  return item;
}

export function fromItem(item: Record<string, unknown>): ExecutionRecord {
  const { pk: _pk, sk: _sk, gsi1pk: _g1, gsi1sk: _g2, ...rest } = item;
  const record = { ...rest } as Record<string, unknown>;
  for (const field of JSON_FIELDS) if (typeof record[field] === 'string') record[field] = JSON.parse(record[field] as string);
  return record as unknown as ExecutionRecord;
}

export function describe(record: ExecutionRecord): ExecutionDescription {
  const description: ExecutionDescription = {
    executionArn: record.executionArn,
    stateMachine: record.stateMachine,
    name: record.name,
    status: record.status,
    input: record.input,
    startDate: new Date(record.startDate),
  };
  if (record.status === 'SUCCEEDED') description.output = record.output;
  if (record.error !== undefined) description.error = record.error;
  if (record.cause !== undefined) description.cause = record.cause;
  if (record.status === 'RUNNING') description.currentState = record.currentState;
  if (record.stopDate) description.stopDate = new Date(record.stopDate);
  if (record.parentExecutionArn) description.parentExecutionArn = record.parentExecutionArn;
  return description;
}

/** JSON text of a value (`undefined` becomes null, as on the wire). */
export function toJson(value: unknown): string {
  return JSON.stringify(value === undefined ? null : value);
}
