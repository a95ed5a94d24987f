import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import type { PendingTask } from '../domain/tasks/pending-task';
import { queryAll } from './query-all';
import type { Store } from './store';
import type { TransactItem } from './transact';

/**
 * Pending human steps: pk TASK#<id>, sk TASK, holding the workflow's task token (never shown).
 * Open tasks are listed per organization through gsi1: TASKS#open#<orgId> / <dueAt>#<id>; claiming removes the listing.
 */
export const taskPk = (taskId: string) => `TASK#${taskId}`;
const TASK_SK = 'TASK';
const openTasksKey = (orgId: string) => `TASKS#open#${orgId}`;

export interface StoredTask extends PendingTask {
  taskToken: string;
}

function toTask(item: Record<string, unknown>): StoredTask {
  const { pk: _pk, sk: _sk, gsi1pk: _g1, gsi1sk: _g2, type: _t, ...task } = item;
  return task as unknown as StoredTask;
}

/**
 * Stores an open task, or, when the workflow asks again for the same step (a retry, a resumed or redriven execution),
 * gives the open task the new token. Returns false when the task exists and is already done.
 */
export async function saveOpenTask(store: Store, task: StoredTask): Promise<boolean> {
  try {
    await store.doc.send(
      new PutCommand({
        TableName: store.tableName,
        Item: { pk: taskPk(task.id), sk: TASK_SK, type: 'task', gsi1pk: openTasksKey(task.orgId), gsi1sk: `${task.dueAt}#${task.id}`, ...task },
        ConditionExpression: 'attribute_not_exists(pk) OR #status = :open',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':open': 'open' },
      }),
    );
    return true;
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return false;
    throw error;
  }
}

export async function getTask(store: Store, taskId: string): Promise<StoredTask | undefined> {
  const result = await store.doc.send(
    new GetCommand({ TableName: store.tableName, Key: { pk: taskPk(taskId), sk: TASK_SK }, ConsistentRead: true }),
  );
  return result.Item ? toTask(result.Item) : undefined;
}

/** Claims an open task for the one who completes it (condition: still open). */
export function claimTask(store: Store, taskId: string, completedBy: string, completedAt: string): TransactItem {
  return {
    Update: {
      TableName: store.tableName,
      Key: { pk: taskPk(taskId), sk: TASK_SK },
      UpdateExpression: 'SET #status = :done, completedBy = :by, completedAt = :at REMOVE gsi1pk, gsi1sk',
      ConditionExpression: '#status = :open',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: { ':done': 'done', ':open': 'open', ':by': completedBy, ':at': completedAt },
    },
  };
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
