import fc from 'fast-check';
import { closeTask } from '../../../shared/store/approvals-repo';
import type { Store } from '../../../shared/store/store';
import { MAX_PAGE_SIZE } from '../../../shared/store/org-pages';
import { claimTask, getTask, moveOpenTask, pageOpenTasks, putNewTask, type StandaloneTask } from '../../../shared/store/tasks-repo';
import { transactWrite } from '../../../shared/store/transact';
import { createTestStore } from '../../support/store';

/** The province-wide list of open tasks by due date (gsi2 TASKS#open), read a page at a time and filtered to a scope. */

const task = (id: string, orgId: string, dueAt: string): StandaloneTask => ({
  id, kind: 'approval-overdue', title: `待办 ${id}`, orgId, assigneeRole: 'committee-staff', subject: {}, status: 'open', createdAt: '2026-09-01T00:00:00.000Z', dueAt,
});

async function putTasks(store: Store, tasks: StandaloneTask[]): Promise<void> {
  for (let i = 0; i < tasks.length; i += 25) await transactWrite(store, tasks.slice(i, i + 25).map((t) => putNewTask(store, t)));
}

const day = (n: number) => `2026-10-${String(1 + (n % 28)).padStart(2, '0')}T00:00:00.000Z`;
const inScope = (orgs: string[]) => { const set = new Set(orgs); return (t: { orgId: string }) => set.has(t.orgId); };

async function allPages(store: Store, keep: (t: { orgId: string }) => boolean, limit: number, share = 1): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await pageOpenTasks(store, keep, { limit, cursor, share });
    ids.push(...page.tasks.map((t) => t.id));
    cursor = page.next;
  } while (cursor);
  return ids;
}

let store: Store;
beforeEach(async () => {
  store = await createTestStore();
});

describe('the province-wide list of open tasks', () => {
  test('soonest due first, only the scope, the page size capped at 100, the last page without a cursor', async () => {
    await putTasks(store, Array.from({ length: 130 }, (_, k) => task(`t${String(k).padStart(3, '0')}`, k % 10 === 0 ? 'other' : 'mine', day(k))));
    const first = await pageOpenTasks(store, inScope(['mine']), { limit: 1000, share: 0.9 });
    expect(first.tasks).toHaveLength(MAX_PAGE_SIZE);
    expect(first.tasks.every((t) => t.orgId === 'mine')).toBe(true);
    expect(first.tasks.map((t) => t.dueAt)).toEqual([...first.tasks.map((t) => t.dueAt)].sort());
    const rest = await pageOpenTasks(store, inScope(['mine']), { limit: 100, cursor: first.next, share: 0.9 });
    expect(rest.tasks).toHaveLength(117 - MAX_PAGE_SIZE);
    expect(rest.next).toBeUndefined();
  });

  test('a task claimed or closed leaves the list; a task handed to another organization stays in it under that organization', async () => {
    await putTasks(store, [task('claimed', 'b1', day(1)), task('closed', 'b1', day(2)), task('moved', 'b1', day(3)), task('kept', 'b2', day(4))]);
    await transactWrite(store, [claimTask(store, 'claimed', { completedBy: '张三', completedAt: '2026-09-02T00:00:00.000Z', output: {} })]);
    await transactWrite(store, [closeTask(store, 'closed', '张三', '2026-09-02T00:00:00.000Z')]);
    await transactWrite(store, [moveOpenTask(store, (await getTask(store, 'moved'))!, 'b9')]);
    const page = await pageOpenTasks(store, () => true, { limit: 50, share: 1 });
    expect(page.tasks.map((t) => [t.id, t.orgId])).toEqual([['moved', 'b9'], ['kept', 'b2']]);
    expect(await allPages(store, inScope(['b1']), 50)).toEqual([]);
  });

  test('a cursor made up, damaged or naming a task elsewhere never shows a task outside the scope', async () => {
    await putTasks(store, [task('mine', 'b1', day(1)), task('theirs', 'x9', day(2))]);
    const forged = Buffer.from(`${day(0)}#theirs`).toString('base64url');
    for (const cursor of [forged, 'not a cursor', '', Buffer.from('#').toString('base64url')]) {
      const page = await pageOpenTasks(store, inScope(['b1']), { limit: 10, cursor, share: 0.5 });
      expect(page.tasks.map((t) => t.id)).toEqual(['mine']);
    }
  });

  test('property: paging while tasks are added and completed gives every task open throughout exactly once, none outside the scope', async () => {
    const record = fc.record({ org: fc.nat({ max: 4 }), due: fc.nat({ max: 6 }) });
    await fc.assert(fc.asyncProperty(
      fc.array(record, { maxLength: 40 }),
      fc.integer({ min: 1, max: 7 }),
      fc.double({ min: 0.05, max: 1, noNaN: true }),
      fc.array(fc.array(record, { maxLength: 4 }), { maxLength: 12 }),
      fc.array(fc.nat({ max: 39 }), { maxLength: 6 }),
      async (initial, limit, share, additions, completions) => {
        store = await createTestStore();
        const scope = ['o0', 'o1', 'o2'];
        const start = initial.map((r, k) => task(`s${String(k).padStart(2, '0')}`, `o${r.org}`, day(r.due)));
        await putTasks(store, start);
        const completed = new Set<string>();
        const seen: string[] = [];
        let cursor: string | undefined;
        let round = 0;
        do {
          const page = await pageOpenTasks(store, inScope(scope), { limit, cursor, share });
          expect(page.tasks.length).toBeLessThanOrEqual(limit);
          seen.push(...page.tasks.map((t) => t.id));
          cursor = page.next;
          await putTasks(store, (additions[round] ?? []).map((r, k) => task(`a${round}-${k}`, `o${r.org}`, day(r.due))));
          const done = start[completions[round] ?? -1];
          if (done && !completed.has(done.id) && !seen.includes(done.id)) {
            await transactWrite(store, [claimTask(store, done.id, { completedBy: '张三', completedAt: '2026-09-02T00:00:00.000Z', output: {} })]);
            completed.add(done.id);
          }
          round++;
        } while (cursor);
        expect(new Set(seen).size).toBe(seen.length);
        for (const t of start) expect(seen.includes(t.id)).toBe(scope.includes(t.orgId) && !completed.has(t.id));
        for (const id of seen) expect(completed.has(id)).toBe(false);
      },
    ), { numRuns: 25 });
  });
});
