import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import fc from 'fast-check';
import { randomBytes } from 'node:crypto';
import { ManualClock } from '../../../../infra/local/manual-clock';
import type { DevelopmentCase } from '../../../../shared/domain/development/case';
import type { StageNo } from '../../../../shared/domain/development/steps';
import { resolveActor } from '../../../../shared/services/authorization';
import { backfillCaseCounters, caseCountItems, caseListingPath, relistActiveCases } from '../../../../shared/services/development/case-counts';
import { caseChangeItems } from '../../../../shared/services/development/case-writes';
import { developmentDashboard } from '../../../../shared/services/development-views/dashboard';
import { moveOrganization } from '../../../../shared/services/registry';
import { loadOrgTree } from '../../../../shared/services/authorization';
import { listCaseCounters } from '../../../../shared/store/case-counts-repo';
import { casePk, getCase, listActiveCases, putNewCase } from '../../../../shared/store/cases-repo';
import type { Store } from '../../../../shared/store/store';
import { StoreConditionFailedError, transactWrite } from '../../../../shared/store/transact';
import { putTestOrg, testOrg } from '../../../support/registry-fixtures';
import { createTestStore } from '../../../support/store';

// The dashboard's counters over DynamoDB Local: after any changes, at once or one by one, they equal a count of the cases.

const ORGS = ['b1', 'b2', 'b3'];

async function world() {
  const store = await createTestStore();
  for (const org of [
    testOrg({ id: 'wc', kind: 'working-committee' }),
    testOrg({ id: 'c1', kind: 'committee', parentId: 'wc' }),
    testOrg({ id: 'c2', kind: 'committee', parentId: 'wc' }),
    testOrg({ id: 'b1', kind: 'branch', parentId: 'c1' }),
    testOrg({ id: 'b2', kind: 'branch', parentId: 'c1' }),
    testOrg({ id: 'b3', kind: 'branch', parentId: 'c2' }),
  ]) await putTestOrg(store, org);
  const deps = { store, clock: new ManualClock('2026-09-23T01:00:00.000Z'), newId: () => randomBytes(9).toString('base64url') };
  const admin = await resolveActor(store, { id: 'admin', displayName: '管理员', role: 'admin', orgId: 'wc' });
  return { store, deps, admin };
}
type Deps = Awaited<ReturnType<typeof world>>['deps'];

const newCase = (id: string, orgId: string): DevelopmentCase => ({
  id, personId: `p-${id}`, personName: '张三', orgId, ruleSetVersion: '2014', status: 'active', stage: 1, attempt: 1, stageState: 'running',
  dates: { applicationDate: '2026-09-01' }, outcomeReasons: [], warnings: [], createdAt: '2026-09-23T01:00:00.000Z', updatedAt: '2026-09-23T01:00:00.000Z', version: 1,
});

async function open(deps: Deps, id: string, orgId: string): Promise<void> {
  const devCase = newCase(id, orgId);
  await transactWrite(deps.store, [...putNewCase(deps.store, devCase, await caseListingPath(deps, undefined, devCase)), ...(await caseCountItems(deps, undefined, devCase))]);
}

type Change = { kind: 'stage' } | { kind: 'move'; orgId: string } | { kind: 'close' } | { kind: 'step' };

/** One change of the case as the services make it (caseChangeItems); false when it lost to another change or the case is closed. */
async function change(deps: Deps, id: string, what: Change): Promise<boolean> {
  const previous = await getCase(deps.store, id);
  if (!previous || previous.status !== 'active') return false;
  const next: DevelopmentCase = { ...previous, version: previous.version + 1, updatedAt: deps.clock.now().toISOString() };
  if (what.kind === 'stage') next.stage = Math.min(5, previous.stage + 1) as StageNo;
  if (what.kind === 'move') next.orgId = what.orgId;
  if (what.kind === 'close') next.status = 'full-member';
  try {
    await transactWrite(deps.store, await caseChangeItems(deps, previous, next, { at: next.updatedAt, action: 'case.changed', actor: 'test' }));
    return true;
  } catch (error) {
    if (error instanceof StoreConditionFailedError) return false;
    throw error;
  }
}

/** The counters, and the active cases counted by hand, both as `<orgId>#<stage>` → count (zeros left out). */
async function countersAndCases(store: Store): Promise<[Record<string, number>, Record<string, number>]> {
  const counters: Record<string, number> = {};
  for (const c of await listCaseCounters(store)) for (const [stage, n] of Object.entries(c.counts)) if (n) counters[`${c.orgId}#${stage}`] = n;
  const cases: Record<string, number> = {};
  for (const c of await listActiveCases(store)) cases[`${c.orgId}#${c.stage}`] = (cases[`${c.orgId}#${c.stage}`] ?? 0) + 1;
  return [counters, cases];
}

describe('the dashboard counters', () => {
  test('follow opening, each stage, a step within a stage, a move to another branch and closing', async () => {
    const { deps } = await world();
    await open(deps, 'k1', 'b1');
    await open(deps, 'k2', 'b1');
    expect((await countersAndCases(deps.store))[0]).toEqual({ 'b1#1': 2 });
    await change(deps, 'k1', { kind: 'stage' });
    await change(deps, 'k1', { kind: 'step' });
    expect((await countersAndCases(deps.store))[0]).toEqual({ 'b1#1': 1, 'b1#2': 1 });
    await change(deps, 'k1', { kind: 'move', orgId: 'b3' });
    expect((await countersAndCases(deps.store))[0]).toEqual({ 'b1#1': 1, 'b3#2': 1 });
    await change(deps, 'k2', { kind: 'close' });
    const [counters, cases] = await countersAndCases(deps.store);
    expect(counters).toEqual({ 'b3#2': 1 });
    expect(counters).toEqual(cases);
  });

  test('property: any changes, two at a time (on one case or two), leave the counters equal to the cases', async () => {
    const op = fc.record({
      caseNo: fc.nat({ max: 3 }),
      change: fc.oneof(
        fc.constant<Change>({ kind: 'stage' }), fc.constant<Change>({ kind: 'close' }), fc.constant<Change>({ kind: 'step' }),
        fc.constantFrom(...ORGS).map((orgId): Change => ({ kind: 'move', orgId })),
      ),
    });
    await fc.assert(fc.asyncProperty(fc.array(fc.tuple(op, op), { minLength: 1, maxLength: 6 }), async (pairs) => {
      const { deps } = await world();
      for (let k = 0; k < 4; k++) await open(deps, `k${k}`, ORGS[k % ORGS.length]);
      for (const [a, b] of pairs) await Promise.all([change(deps, `k${a.caseNo}`, a.change), change(deps, `k${b.caseNo}`, b.change)]);
      const [counters, cases] = await countersAndCases(deps.store);
      expect(counters).toEqual(cases);
    }), { numRuns: 15 });
  });

  test('the backfill counts the cases stored before the counters once, also while they change', async () => {
    for (let round = 0; round < 4; round++) {
      const { deps } = await world();
      for (const [k, orgId] of [...ORGS, ...ORGS].entries()) {
        await transactWrite(deps.store, putNewCase(deps.store, newCase(`old${k}`, orgId)));
        // As stored before the counters: not marked counted.
        await deps.store.doc.send(new UpdateCommand({ TableName: deps.store.tableName, Key: { pk: casePk(`old${k}`), sk: 'CASE' }, UpdateExpression: 'REMOVE countedAs' }));
      }
      await open(deps, 'new', 'b1');
      // Changes of cases not yet counted race the backfill (a change that lost is not retried here).
      await Promise.all([
        backfillCaseCounters(deps), change(deps, 'old0', { kind: 'stage' }), change(deps, 'old1', { kind: 'close' }), change(deps, 'old4', { kind: 'move', orgId: 'b1' }),
        backfillCaseCounters(deps), change(deps, 'old5', { kind: 'stage' }),
      ]);
      const [counters, cases] = await countersAndCases(deps.store);
      expect(counters).toEqual(cases);
      await backfillCaseCounters(deps);
      expect((await countersAndCases(deps.store))[0]).toEqual(cases);
    }
  });

  test('above 200 active cases the dashboard shows the counts and the organizations below, the warnings on theirs', async () => {
    const { deps, admin } = await world();
    for (let k = 0; k < 201; k++) await open(deps, `m${k}`, ORGS[k % 2]);
    const wide = await developmentDashboard(deps, admin, 'wc');
    expect(wide.activeCases).toBe(201);
    expect(wide.counts[0]).toEqual({ stage: 1, cases: 201 });
    expect(wide.warnings).toBeUndefined();
    expect(wide.below).toEqual([{ org: { id: 'c1', name: 'c1 组织' }, cases: 201 }, { org: { id: 'c2', name: 'c2 组织' }, cases: 0 }]);
    const branch = await developmentDashboard(deps, admin, 'b1');
    expect(branch.counts[0]).toMatchObject({ stage: 1, cases: 101, dueSoon: 101 }); // the talk is due 2026-10-01
    expect(branch.warnings).toHaveLength(101);
  });

  test('the dashboard sums its subtree; after a branch moves, its counts follow it', async () => {
    const { deps, admin } = await world();
    await open(deps, 'k1', 'b1');
    await open(deps, 'k2', 'b2');
    await open(deps, 'k3', 'b3');
    await change(deps, 'k2', { kind: 'stage' });
    const c1 = await developmentDashboard(deps, admin, 'c1');
    expect(c1.counts.map((row) => row.cases)).toEqual([1, 1, 0, 0, 0]);
    expect(c1.below).toEqual([{ org: { id: 'b1', name: 'b1 组织' }, cases: 1 }, { org: { id: 'b2', name: 'b2 组织' }, cases: 1 }]);
    await moveOrganization(deps, admin, 'b1', { parentId: 'c2', version: '1' });
    expect((await developmentDashboard(deps, admin, 'c1')).counts.map((row) => row.cases)).toEqual([0, 1, 0, 0, 0]);
    expect((await developmentDashboard(deps, admin, 'c2')).counts.map((row) => row.cases)).toEqual([2, 0, 0, 0, 0]);
    expect((await developmentDashboard(deps, admin, 'wc')).counts.map((row) => row.cases)).toEqual([2, 1, 0, 0, 0]);
  });

  describe('the warnings read the active cases of the subtree as one range', () => {
    /** The store requests the dashboard of `orgId` makes, by command. */
    async function dashboardRequests(deps: Deps, admin: Awaited<ReturnType<typeof world>>['admin'], orgId: string) {
      const sent: string[] = [];
      deps.store.doc.middlewareStack.add((next, context) => async (args) => {
        sent.push(String(context.commandName));
        return next(args);
      }, { step: 'initialize', name: 'countDashboardRequests' });
      try {
        const dashboard = await developmentDashboard(deps, admin, orgId);
        return { dashboard, sent };
      } finally {
        deps.store.doc.middlewareStack.remove('countDashboardRequests');
      }
    }
    const warned = (dashboard: { warnings?: { caseId: string }[] }) => [...new Set(dashboard.warnings?.map((w) => w.caseId))].sort();

    test('its requests do not grow with the branches that have cases', async () => {
      const { deps, admin } = await world();
      await open(deps, 'k1', 'b1');
      await developmentDashboard(deps, admin, 'wc'); // the counters made ready once
      const one = await dashboardRequests(deps, admin, 'wc');
      await open(deps, 'k2', 'b2');
      await open(deps, 'k3', 'b3');
      await open(deps, 'k4', 'b3');
      const three = await dashboardRequests(deps, admin, 'wc');
      expect(three.sent).toEqual(one.sent);
      expect(warned(three.dashboard)).toEqual(['k1', 'k2', 'k3', 'k4']);
    });

    test('cases listed before their branch moved, or stored before listing by path, are still warned about', async () => {
      const { deps, admin } = await world();
      await open(deps, 'k1', 'b1');
      await open(deps, 'k2', 'b2');
      const old = newCase('old', 'b3');
      await transactWrite(deps.store, [...putNewCase(deps.store, old), ...(await caseCountItems(deps, undefined, old))]);
      expect(warned(await developmentDashboard(deps, admin, 'wc'))).toEqual(['k1', 'k2', 'old']);
      await moveOrganization(deps, admin, 'b1', { parentId: 'c2', version: '1' });
      expect(warned(await developmentDashboard(deps, admin, 'c1'))).toEqual(['k2']);
      expect(warned(await developmentDashboard(deps, admin, 'c2'))).toEqual(['k1', 'old']);
      const queries = (sent: string[]) => sent.filter((name) => name === 'QueryCommand').length;
      const before = await dashboardRequests(deps, admin, 'c2');
      // The tick lists both under their branch's path now: the dashboard reads no branch's cases one by one.
      expect(await relistActiveCases(deps, await loadOrgTree(deps.store))).toBe(2);
      expect(await relistActiveCases(deps, await loadOrgTree(deps.store))).toBeUndefined();
      const after = await dashboardRequests(deps, admin, 'c2');
      expect(warned(after.dashboard)).toEqual(['k1', 'old']);
      expect(queries(after.sent)).toBe(queries(before.sent) - 2);
      // A later change keeps the listing.
      await change(deps, 'k1', { kind: 'stage' });
      await change(deps, 'k1', { kind: 'step' });
      expect(queries((await dashboardRequests(deps, admin, 'c2')).sent)).toBe(queries(after.sent));
    });
  });
});
