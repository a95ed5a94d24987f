import { randomBytes } from 'node:crypto';
import { ManualClock } from '../../../../infra/local/manual-clock';
import type { DevelopmentCase } from '../../../../shared/domain/development/case';
import { caseDueItem } from '../../../../shared/services/development/case-wake';
import type { ServiceDeps } from '../../../../shared/services/deps';
import { backfillDueIndex } from '../../../../shared/services/scheduled/due-backfill';
import { runScheduledWork } from '../../../../shared/services/scheduled/tick';
import { auditPut } from '../../../../shared/store/audit';
import { casePk, putNewCase } from '../../../../shared/store/cases-repo';
import { getDueEntry } from '../../../../shared/store/due-index';
import { transactWrite } from '../../../../shared/store/transact';
import { meterStore } from '../../../../scripts/bench/capacity-meter';
import { addAccount } from '../../../functions/http/support/test-deps';
import { RecordingMailer } from '../../../support/notice-fixtures';
import { putTestOrg, testOrg } from '../../../support/registry-fixtures';
import { createTestStore } from '../../../support/store';

// docs/domain/scheduler.md: the tick reads the cases whose wake date has come, never every active case.

type Deps = ServiceDeps & { clock: ManualClock; mailer: RecordingMailer };

async function freshDeps(): Promise<Deps> {
  const store = await createTestStore();
  await putTestOrg(store, testOrg({ id: 'c1', kind: 'committee', name: '数据局机关党委' }));
  await putTestOrg(store, testOrg({ id: 'b1', kind: 'branch', parentId: 'c1', name: '办公室党支部' }));
  await addAccount(store, { username: 'li', password: 'x', orgId: 'b1', email: 'li@example.org' });
  await addAccount(store, { username: 'wang', password: 'x', role: 'committee-staff', orgId: 'c1', email: 'wang@example.org' });
  const never = async () => {
    throw new Error('no workflow here');
  };
  return {
    store,
    clock: new ManualClock('2026-03-30T01:00:00.000Z'), // 2026-03-30 in China
    mailer: new RecordingMailer(),
    workflow: { startExecution: never, sendTaskSuccess: never, sendTaskFailure: never, stopExecution: never, executionArnOf: () => 'unused' },
    newId: () => randomBytes(9).toString('base64url'),
    publicBaseUrl: 'https://dangjian.example.cn',
  };
}

function stageOneCase(id: string, applicationDate: string): DevelopmentCase {
  return {
    id, personId: `p-${id}`, personName: `申请人${id}`, orgId: 'b1', ruleSetVersion: '2014', status: 'active', stage: 1, attempt: 1, stageState: 'running',
    dates: { applicationDate }, outcomeReasons: [], warnings: [], createdAt: `${applicationDate}T02:00:00.000Z`, updatedAt: `${applicationDate}T02:00:00.000Z`, version: 1,
  };
}

/** Cases as the services store them (with their due-index entry), or as stored before the index (`withEntry` false). */
async function putCases(deps: Deps, cases: DevelopmentCase[], withEntry = true): Promise<void> {
  for (let i = 0; i < cases.length; i += 20) {
    await Promise.all(cases.slice(i, i + 20).map(async (devCase) => transactWrite(deps.store, [
      ...putNewCase(deps.store, devCase),
      auditPut(deps.store, casePk(devCase.id), { at: devCase.createdAt, action: 'case.opened', actor: 'system' }),
      ...(withEntry ? [await caseDueItem(deps, devCase)] : []),
    ])));
  }
}

// Application 2026-01-05: the talk was due 2026-02-05, overdue now. Application 2026-03-29: due 2026-04-29, due soon from 2026-04-15.
const overdue = (n: number) => Array.from({ length: n }, (_, i) => stageOneCase(`due-${i}`, '2026-01-05'));
const notDue = (n: number) => Array.from({ length: n }, (_, i) => stageOneCase(`later-${String(i).padStart(3, '0')}`, '2026-03-29'));

async function tickReads(notDueCount: number) {
  const deps = await freshDeps();
  await runScheduledWork(deps); // nothing stored yet: the one-time backfills leave their markers only
  await putCases(deps, [...overdue(3), ...notDue(notDueCount)]);
  const meter = meterStore(deps.store);
  meter.reset();
  const work = await runScheduledWork(deps);
  const reads = { requests: meter.requests, readUnits: meter.readUnits };
  meter.reset();
  const again = await runScheduledWork(deps);
  return { work, reads, again, againReads: { requests: meter.requests, readUnits: meter.readUnits }, deps };
}

test('one tick reads the 3 cases due and nothing of the 500 not due: the same reads as with no other case', async () => {
  const alone = await tickReads(0);
  const among = await tickReads(500);
  for (const run of [alone, among]) {
    expect(run.work.dueIndex).toEqual({ backfilled: undefined, casesWoken: 3, transfersWoken: 0 });
    expect(run.work.developmentWarnings).toBe(3); // each talk overdue, mailed once
    expect(run.again.dueIndex.casesWoken).toBe(0); // moved past today in the write that recorded the mail
    expect(run.again.developmentWarnings).toBe(0);
  }
  expect(among.reads).toEqual(alone.reads);
  expect(among.againReads).toEqual(alone.againReads);
  expect(among.deps.mailer.sent).toHaveLength(3);
  // The entries: the due ones have nothing left until the case changes (the talk stays overdue); the others wake when due soon.
  expect(await getDueEntry(among.deps.store, casePk('due-0'))).toBeUndefined();
  expect(await getDueEntry(among.deps.store, casePk('later-000'))).toMatchObject({ wakeAt: '2026-04-15', version: 1 });
}, 120_000);

test('a not-due case is woken on its day, mailed once, and its entry moves to the next level', async () => {
  const deps = await freshDeps();
  await backfillDueIndex(deps);
  await putCases(deps, notDue(1));
  expect((await runScheduledWork(deps)).dueIndex.casesWoken).toBe(0);
  deps.clock.set(new Date('2026-04-15T01:00:00.000Z'));
  const first = await runScheduledWork(deps);
  expect([first.dueIndex.casesWoken, first.developmentWarnings]).toEqual([1, 1]);
  expect(await getDueEntry(deps.store, casePk('later-000'))).toMatchObject({ wakeAt: '2026-04-30' }); // overdue the day after 2026-04-29
  deps.clock.set(new Date('2026-04-20T01:00:00.000Z'));
  expect((await runScheduledWork(deps)).dueIndex.casesWoken).toBe(0);
  deps.clock.set(new Date('2026-05-03T01:00:00.000Z'));
  expect((await runScheduledWork(deps)).developmentWarnings).toBe(1);
  expect(deps.mailer.sent.map((m) => m.subject)).toEqual(['【发展党员预警】申请人later-000：谈话即将到期', '【发展党员预警】申请人later-000：谈话已逾期']);
  expect(await getDueEntry(deps.store, casePk('later-000'))).toBeUndefined();
});

test('nobody to tell yet: the case stays due and the next tick tries again', async () => {
  const deps = await freshDeps();
  await backfillDueIndex(deps);
  await putTestOrg(deps.store, testOrg({ id: 'lonely', kind: 'branch', name: '无人支部' }));
  await putCases(deps, [{ ...stageOneCase('lonely-1', '2026-01-05'), orgId: 'lonely' }]);
  expect((await runScheduledWork(deps)).developmentWarnings).toBe(0);
  expect(await getDueEntry(deps.store, casePk('lonely-1'))).toMatchObject({ wakeAt: '2026-02-06' });
  await addAccount(deps.store, { username: 'zhou', password: 'x', orgId: 'lonely', email: 'zhou@example.org' });
  expect((await runScheduledWork(deps)).developmentWarnings).toBe(1);
  expect(await getDueEntry(deps.store, casePk('lonely-1'))).toBeUndefined();
});

test('the one-time backfill: cases stored before the index get their entry from what was already mailed; it runs once', async () => {
  const deps = await freshDeps();
  await putCases(deps, [...overdue(2), ...notDue(2)], false);
  await putCases(deps, [stageOneCase('closed-1', '2026-01-05')].map((c) => ({ ...c, status: 'ended' as const, stageState: 'closed' as const })), false);
  // One of the overdue talks was mailed by the scanning tick before the index existed.
  await deps.store.doc.send(new (await import('@aws-sdk/lib-dynamodb')).PutCommand({ TableName: deps.store.tableName, Item: { pk: 'DEVWARN#due-0', sk: 'talk-due#2026-02-05#overdue', type: 'development-warning', at: '2026-02-06T01:00:00.000Z' } }));
  const first = await runScheduledWork(deps);
  expect(first.dueIndex).toEqual({ backfilled: 3, casesWoken: 1, transfersWoken: 0 }); // due-0 has nothing left; the closed case none
  expect(first.developmentWarnings).toBe(1);
  expect(deps.mailer.sent.map((m) => m.subject)).toEqual(['【发展党员预警】申请人due-1：谈话已逾期']);
  expect(await getDueEntry(deps.store, casePk('later-001'))).toMatchObject({ wakeAt: '2026-04-15' });
  const second = await runScheduledWork(deps);
  expect(second.dueIndex).toEqual({ backfilled: undefined, casesWoken: 0, transfersWoken: 0 });
  // Run again without its marker (a crash before it): writes nothing twice, keeps the entries written since.
  await deps.store.doc.send(new (await import('@aws-sdk/lib-dynamodb')).DeleteCommand({ TableName: deps.store.tableName, Key: { pk: 'DUEINDEX', sk: 'BACKFILL#case' } }));
  expect(await backfillDueIndex(deps)).toBe(0);
  expect(deps.mailer.sent).toHaveLength(1);
});

test('two ticks at once mail each warning once, and a case changed meanwhile keeps the entry its change wrote', async () => {
  const deps = await freshDeps();
  await backfillDueIndex(deps);
  await putCases(deps, overdue(2));
  const [a, b] = await Promise.all([runScheduledWork(deps), runScheduledWork(deps)]);
  expect(a.developmentWarnings + b.developmentWarnings).toBe(2);
  expect(deps.mailer.sent).toHaveLength(2);

  // The tick read version 1; the case is now at version 2 with its own (early) entry: the tick's move is refused.
  const [devCase] = notDue(1);
  await putCases(deps, [devCase]);
  const { moveDueEntry } = await import('../../../../shared/store/due-index');
  const changed = { ...devCase, version: 2, dates: { ...devCase.dates, applicationDate: '2026-01-05' } };
  await transactWrite(deps.store, [await caseDueItem(deps, changed)]);
  await expect(transactWrite(deps.store, [moveDueEntry(deps.store, { kind: 'case', pk: casePk(devCase.id), id: devCase.id, wakeAt: '2026-04-15', version: 1 })])).rejects.toThrow('condition');
  expect(await getDueEntry(deps.store, casePk(devCase.id))).toMatchObject({ wakeAt: '2026-02-06', version: 2 });
});
