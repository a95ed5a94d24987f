import { PutCommand } from '@aws-sdk/lib-dynamodb';
import type { Actor } from '../../../../shared/services/actor';
import { AGENCY_BRANCHES as SMALL, agencyStaff, BIG_BRANCHES as BIG, bigStaff, putWideTree as putTree } from '../../../support/wide-tree';
import { backfillOpenTaskIndex } from '../../../../shared/services/scheduled/open-task-backfill';
import { openTasksReadWay, pendingTasksPage } from '../../../../shared/services/tasks/pending-tasks';
import { LIST_PAGE_SIZE } from '../../../../shared/store/org-pages';
import type { Store } from '../../../../shared/store/store';
import { claimTask, listOpenTasks, putNewTask, taskPk, type StandaloneTask } from '../../../../shared/store/tasks-repo';
import { transactWrite } from '../../../../shared/store/transact';
import { createTestStore } from '../../../support/store';
import { meterStore } from '../../../../scripts/bench/capacity-meter';

/**
 * 待办 of a large scope (docs/domain/pending-tasks.md): a page of the province-wide list of open tasks, filtered to the scope;
 * a small scope reads per organization. The tree: working committee wc; committee big with 110 branches; agency with 5.
 */

const minutes = (n: number) => new Date(Date.UTC(2026, 9, 1) + n * 60_000).toISOString();
const task = (id: string, orgId: string, dueAt: string): StandaloneTask => ({
  id, kind: 'approval-overdue', title: `待办 ${id}`, orgId, assigneeRole: 'committee-staff', subject: {}, status: 'open', createdAt: '2026-09-01T00:00:00.000Z', dueAt,
});

async function putTasks(store: Store, tasks: StandaloneTask[]): Promise<void> {
  for (let i = 0; i < tasks.length; i += 25) await transactWrite(store, tasks.slice(i, i + 25).map((t) => putNewTask(store, t)));
}

/** A task as it was stored before the province-wide list: its organization's list only. */
async function putTaskBeforeTheList(store: Store, t: StandaloneTask): Promise<void> {
  await store.doc.send(new PutCommand({ TableName: store.tableName, Item: { pk: taskPk(t.id), sk: 'TASK', type: 'task', gsi1pk: `TASKS#open#${t.orgId}`, gsi1sk: `${t.dueAt}#${t.id}`, ...t } }));
}

const clock = { now: () => new Date('2026-09-23T01:00:00.000Z') };

async function everyPage(store: Store, who: Actor): Promise<{ ids: string[]; pages: number }> {
  const ids: string[] = [];
  let cursor: string | undefined;
  let pages = 0;
  do {
    const page = await pendingTasksPage({ store }, who, cursor);
    expect(page.tasks.length).toBeLessThanOrEqual(LIST_PAGE_SIZE);
    ids.push(...page.tasks.map((t) => t.id));
    cursor = page.next;
    pages++;
  } while (cursor);
  return { ids, pages };
}

describe('which way a scope\'s open tasks are read', () => {
  test.each([
    [35, 5000, 'per-organization'], // an agency committee
    [100, 100, 'per-organization'], // at the threshold: per organization
    [101, 101, 'province-list'], // just above it, the whole province
    [1001, 1001, 'province-list'], // a working committee
    [150, 5000, 'per-organization'], // above the threshold but a small part of a large province: the list would read more
    [400, 5000, 'province-list'],
  ] as const)('%i organizations of %i: %s', (scope, tree, way) => {
    expect(openTasksReadWay(scope, tree)).toBe(way);
  });
});

describe('待办 of a large scope', () => {
  let store: Store;
  beforeEach(async () => {
    store = await createTestStore();
    await putTree(store);
  });

  test('both ways give the same tasks of the scope; a task completed leaves both', async () => {
    await backfillOpenTaskIndex({ store, clock }); // nothing stored yet: the marker only
    const tasks = [
      ...Array.from({ length: 70 }, (_, k) => task(`big-${k}`, BIG[(k * 7) % BIG.length], minutes(1000 - k))),
      task('big-own', 'big', minutes(3)),
      ...SMALL.map((orgId, k) => task(`agency-${k}`, orgId, minutes(k))),
      task('wc-own', 'wc', minutes(1)),
    ];
    await putTasks(store, tasks);
    const perOrganization = (who: Actor) => listOpenTasks(store, who.scopeOrgIds).then((list) => list.map((t) => t.id));
    await pendingTasksPage({ store }, bigStaff); // the tree and the backfill marker read once
    const meter = meterStore(store);
    const listed = await everyPage(store, bigStaff);
    expect(listed.pages).toBe(2);
    expect(meter.requests).toBeLessThanOrEqual(6); // per page: the tree's mark and a query or two, never one per organization
    expect(listed.ids).toEqual(await perOrganization(bigStaff));
    expect(listed.ids).toHaveLength(71);
    expect((await pendingTasksPage({ store }, agencyStaff)).tasks.map((t) => t.id)).toEqual(await perOrganization(agencyStaff));

    await transactWrite(store, [claimTask(store, 'big-own', { completedBy: '王五', completedAt: '2026-09-23T01:00:00.000Z', output: {} })]);
    await transactWrite(store, [claimTask(store, 'agency-2', { completedBy: '王五', completedAt: '2026-09-23T01:00:00.000Z', output: {} })]);
    const after = await everyPage(store, bigStaff);
    expect(after.ids).not.toContain('big-own');
    expect(after.ids).toEqual(await perOrganization(bigStaff));
    expect((await pendingTasksPage({ store }, agencyStaff)).tasks.map((t) => t.id)).not.toContain('agency-2');
  });

  test('the tasks open before the list: read per organization until the one-time backfill, then from the list; the backfill runs once', async () => {
    await putTaskBeforeTheList(store, task('old-open', BIG[3], minutes(5)));
    await putTaskBeforeTheList(store, task('old-done', BIG[4], minutes(6)));
    await transactWrite(store, [claimTask(store, 'old-done', { completedBy: '王五', completedAt: '2026-09-23T01:00:00.000Z', output: {} })]);
    await putTasks(store, [task('new-open', BIG[5], minutes(7))]);
    expect((await pendingTasksPage({ store }, bigStaff)).tasks.map((t) => t.id)).toEqual(['old-open', 'new-open']); // per organization

    expect(await backfillOpenTaskIndex({ store, clock })).toBe(1);
    expect(await backfillOpenTaskIndex({ store, clock })).toBeUndefined();
    expect((await everyPage(store, bigStaff)).ids).toEqual(['old-open', 'new-open']); // from the list: the completed one never in it
    await transactWrite(store, [claimTask(store, 'old-open', { completedBy: '王五', completedAt: '2026-09-23T01:00:00.000Z', output: {} })]);
    expect((await everyPage(store, bigStaff)).ids).toEqual(['new-open']);
  });
});
