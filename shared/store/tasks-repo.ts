import { GetCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { PendingTask } from '../domain/tasks/pending-task';
import { queryAll } from './query-all';
import type { Store } from './store';
import { conditionFailed, type TransactItem } from './transact';
import { fromItem } from './item';
import { MAX_PAGE_SIZE } from './org-pages';

/**
 * Pending human steps: pk TASK#<id>, sk TASK, holding the workflow's task token (never shown).
 * Open tasks are listed per organization through gsi1: TASKS#open#<orgId> / <dueAt>#<id>. Claiming a task moves it to
 * TASKS#callback until the workflow has been told (SendTaskSuccess), so a failed callback is retried, never lost.
 * While open, a task is also in the province-wide list of open tasks by due date, gsi2 TASKS#open / <dueAt>#<id>
 * (a large scope's 待办 pages through it: `pageOpenTasks`); every change that takes a task out of `open` (claimTask,
 * closeTask in approvals-repo.ts) removes both entries in the same write.
 */
export const taskPk = (taskId: string) => `TASK#${taskId}`;
const TASK_SK = 'TASK';
const openTasksKey = (orgId: string) => `TASKS#open#${orgId}`;
const CALLBACK_KEY = 'TASKS#callback';
/** The province-wide list of open tasks (gsi2), soonest due first. */
export const OPEN_TASKS_KEY = 'TASKS#open';
const dueSort = (task: Pick<PendingTask, 'id' | 'dueAt'>) => `${task.dueAt}#${task.id}`;
/** The index entries of an open task: its organization's list (gsi1) and the province's (gsi2). */
export const openTaskIndexAttributes = (task: Pick<PendingTask, 'id' | 'dueAt' | 'orgId'>) => ({
  gsi1pk: openTasksKey(task.orgId), gsi1sk: dueSort(task), gsi2pk: OPEN_TASKS_KEY, gsi2sk: dueSort(task),
});

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
      Item: { pk: taskPk(task.id), sk: TASK_SK, type: 'task', ...openTaskIndexAttributes(task), ...task },
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

/** Claims an open task for the one who completes it (condition: still open), with the output owed to the workflow; it leaves the open lists. */
export function claimTask(store: Store, taskId: string, claim: { completedBy: string; completedAt: string; output: unknown }): TransactItem {
  return {
    Update: {
      TableName: store.tableName,
      Key: { pk: taskPk(taskId), sk: TASK_SK },
      UpdateExpression: 'SET #status = :done, completedBy = :by, completedAt = :at, #output = :output, gsi1pk = :callback, gsi1sk = :sort REMOVE gsi2pk, gsi2sk',
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

/** An open task handed to another organization (its 待办 list moves with it; the province's list keeps it); refused once it is done. */
export function moveOpenTask(store: Store, task: Pick<StoredTask, 'id' | 'dueAt'>, orgId: string): TransactItem {
  return {
    Update: {
      TableName: store.tableName,
      Key: { pk: taskPk(task.id), sk: TASK_SK },
      UpdateExpression: 'SET orgId = :org, gsi1pk = :key, gsi1sk = :sort, gsi2pk = :province, gsi2sk = :sort',
      ConditionExpression: '#status = :open',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: { ':org': orgId, ':key': openTasksKey(orgId), ':sort': dueSort(task), ':province': OPEN_TASKS_KEY, ':open': 'open' },
    },
  };
}

export interface OpenTaskPage {
  tasks: StoredTask[];
  /** The cursor of the next page (the last task given: its due date and id); absent on the last page. */
  next?: string;
}

/** The most tasks one query reads while looking for a page (a page itself is at most MAX_PAGE_SIZE, as every list's). */
const MAX_READ = 500;

const encodeCursor = (sort: string) => Buffer.from(sort).toString('base64url');

/** The index position a cursor names, or undefined when it names none (made up or damaged: the list starts over). */
function decodeCursor(cursor: string | undefined): Record<string, string> | undefined {
  if (!cursor) return undefined;
  const sort = Buffer.from(cursor, 'base64url').toString('utf8');
  const match = /^([^#]+)#(.+)$/.exec(sort);
  if (!match) return undefined;
  return { pk: taskPk(match[2]), sk: TASK_SK, gsi2pk: OPEN_TASKS_KEY, gsi2sk: sort };
}

/**
 * One page of the open tasks across the province (gsi2), soonest due first, keeping those `keep` accepts (the actor's
 * scope), at most `limit` (≤ 100). `share` (0–1] is the part of the province's tasks `keep` is expected to accept: a
 * query asks for about as many as make a page at that share, at most 500. The cursor is the last task given, so a task
 * open when the list began is given once however many are added meanwhile (those added show when they sort after it);
 * it only positions the read in the province's list, so a forged one shows nothing outside `keep`.
 */
export async function pageOpenTasks(store: Store, keep: (task: StoredTask) => boolean, options: { limit: number; cursor?: string; share: number }): Promise<OpenTaskPage> {
  const limit = Math.max(1, Math.min(MAX_PAGE_SIZE, Math.floor(options.limit)));
  const share = Math.min(1, Math.max(options.share, 1 / MAX_READ));
  const tasks: StoredTask[] = [];
  let startKey: Record<string, unknown> | undefined = decodeCursor(options.cursor);
  do {
    const want = Math.min(MAX_READ, Math.ceil((limit - tasks.length) / share) + 1);
    const page = await store.doc.send(new QueryCommand({
      TableName: store.tableName, IndexName: 'gsi2', KeyConditionExpression: 'gsi2pk = :key',
      ExpressionAttributeValues: { ':key': OPEN_TASKS_KEY }, Limit: want, ExclusiveStartKey: startKey,
    }));
    const items = page.Items ?? [];
    for (const [k, item] of items.entries()) {
      const task = toTask(item);
      if (!keep(task)) continue;
      tasks.push(task);
      if (tasks.length === limit) {
        const more = k < items.length - 1 || page.LastEvaluatedKey !== undefined;
        return more ? { tasks, next: encodeCursor(item.gsi2sk as string) } : { tasks };
      }
    }
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return { tasks };
}

/** Puts an open task stored before the province-wide list into it (the one-time backfill); false if it is no longer open or already there. */
export async function addToOpenTaskIndex(store: Store, task: Pick<StoredTask, 'id' | 'dueAt'>): Promise<boolean> {
  try {
    await store.doc.send(new UpdateCommand({
      TableName: store.tableName,
      Key: { pk: taskPk(task.id), sk: TASK_SK },
      UpdateExpression: 'SET gsi2pk = :province, gsi2sk = :sort',
      ConditionExpression: '#status = :open AND attribute_not_exists(gsi2pk)',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: { ':province': OPEN_TASKS_KEY, ':sort': dueSort(task), ':open': 'open' },
    }));
    return true;
  } catch (error) {
    if (conditionFailed(error)) return false;
    throw error;
  }
}
