import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { PendingTask } from '../domain/tasks/pending-task';
import { queryAll } from './query-all';
import type { Store } from './store';
import { conditionFailed, type TransactItem } from './transact';
import { fromItem } from './item';

/**
 * Pending human steps: pk TASK#<id>, sk TASK, holding the workflow's task token (never shown).
 * Open tasks are listed per organization through gsi1: TASKS#open#<orgId> / <dueAt>#<id>. Claiming a task moves it to
 * TASKS#callback until the workflow has been told (SendTaskSuccess), so a failed callback is retried, never lost.
 */
export const taskPk = (taskId: string) => `TASK#${taskId}`;
const TASK_SK = 'TASK';
const openTasksKey = (orgId: string) => `TASKS#open#${orgId}`;
const CALLBACK_KEY = 'TASKS#callback';

export interface StoredTask extends PendingTask {
  taskToken: string;
  /** What the workflow is told when the task is completed. */
  output?: unknown;
}

function toTask(item: Record<string, unknown>): StoredTask {
  return fromItem<StoredTask>(item);
}

/** A pending step no workflow waits on (e.g. 'approval-overdue'): it has no task token. */
export type StandaloneTask = PendingTask & { taskToken?: undefined };

/** Put of a new open task (refused if the id exists). */
export function putNewTask(store: Store, task: StoredTask | StandaloneTask): TransactItem {
  return {
    Put: {
      TableName: store.tableName,
      Item: { pk: taskPk(task.id), sk: TASK_SK, type: 'task', gsi1pk: openTasksKey(task.orgId), gsi1sk: `${task.dueAt}#${task.id}`, ...task },
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  };
}

/** Gives a still-open task the workflow's new token (after a retry or redrive); false when it is no longer open. */
export async function renewTaskToken(store: Store, taskId: string, taskToken: string): Promise<boolean> {
  try {
    await store.doc.send(
      new UpdateCommand({
        TableName: store.tableName,
        Key: { pk: taskPk(taskId), sk: TASK_SK },
        UpdateExpression: 'SET taskToken = :token',
        ConditionExpression: '#status = :open',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':open': 'open', ':token': taskToken },
      }),
    );
    return true;
  } catch (error) {
    if (conditionFailed(error)) return false;
    throw error;
  }
}

export async function getTask(store: Store, taskId: string): Promise<StoredTask | undefined> {
  const result = await store.doc.send(
    new GetCommand({ TableName: store.tableName, Key: { pk: taskPk(taskId), sk: TASK_SK }, ConsistentRead: true }),
  );
  return result.Item ? toTask(result.Item) : undefined;
}

/** Claims an open task for the one who completes it (condition: still open), with the output owed to the workflow. */
export function claimTask(store: Store, taskId: string, claim: { completedBy: string; completedAt: string; output: unknown }): TransactItem {
  return {
    Update: {
      TableName: store.tableName,
      Key: { pk: taskPk(taskId), sk: TASK_SK },
      UpdateExpression: 'SET #status = :done, completedBy = :by, completedAt = :at, #output = :output, gsi1pk = :callback, gsi1sk = :sort',
      ConditionExpression: '#status = :open',
      ExpressionAttributeNames: { '#status': 'status', '#output': 'output' },
      ExpressionAttributeValues: {
        ':done': 'done',
        ':open': 'open',
        ':by': claim.completedBy,
        ':at': claim.completedAt,
        ':output': claim.output,
        ':callback': CALLBACK_KEY,
        ':sort': `${claim.completedAt}#${taskId}`,
      },
    },
  };
}

/** The workflow has been told: the task leaves the callback listing. */
export async function markCallbackDelivered(store: Store, taskId: string): Promise<void> {
  await store.doc.send(
    new UpdateCommand({
      TableName: store.tableName,
      Key: { pk: taskPk(taskId), sk: TASK_SK },
      UpdateExpression: 'REMOVE gsi1pk, gsi1sk',
      ConditionExpression: 'attribute_exists(pk)',
    }),
  );
}

/** Completed tasks whose workflow callback has not been delivered, completed before `beforeIso`. */
export async function listUndeliveredCallbacks(store: Store, beforeIso: string): Promise<StoredTask[]> {
  const items = await queryAll(store, {
    IndexName: 'gsi1',
    KeyConditionExpression: 'gsi1pk = :key AND gsi1sk < :before',
    ExpressionAttributeValues: { ':key': CALLBACK_KEY, ':before': beforeIso },
  });
  return items.map(toTask);
}

/** Open tasks of the given organizations, soonest due first. */
export async function listOpenTasks(store: Store, orgIds: string[]): Promise<StoredTask[]> {
  const lists = await Promise.all(
    orgIds.map((orgId) =>
      queryAll(store, {
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :key',
        ExpressionAttributeValues: { ':key': openTasksKey(orgId) },
      }),
    ),
  );
  return lists.flat().map(toTask).sort((a, b) => a.dueAt.localeCompare(b.dueAt));
}

/** An open task handed to another organization (its 待办 list moves with it); refused once it is done. */
export function moveOpenTask(store: Store, task: Pick<StoredTask, 'id' | 'dueAt'>, orgId: string): TransactItem {
  return {
    Update: {
      TableName: store.tableName,
      Key: { pk: taskPk(task.id), sk: TASK_SK },
      UpdateExpression: 'SET orgId = :org, gsi1pk = :key, gsi1sk = :sort',
      ConditionExpression: '#status = :open',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: { ':org': orgId, ':key': openTasksKey(orgId), ':sort': `${task.dueAt}#${task.id}`, ':open': 'open' },
    },
  };
}
