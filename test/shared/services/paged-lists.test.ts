import { randomBytes } from 'node:crypto';
import { ManualClock } from '../../../infra/local/manual-clock';
import type { DevelopmentCase } from '../../../shared/domain/development/case';
import { ELECTION_RULE_SETS } from '../../../shared/domain/election/rule-set';
import type { Election } from '../../../shared/domain/election/election';
import { resolveActor } from '../../../shared/services/authorization';
import { caseCountItems } from '../../../shared/services/development/case-counts';
import { developmentCasesView } from '../../../shared/services/development-views/cases';
import { pageElections } from '../../../shared/services/election';
import { putNewCase } from '../../../shared/store/cases-repo';
import { putNewElection } from '../../../shared/store/elections-repo';
import { LIST_PAGE_SIZE } from '../../../shared/store/org-pages';
import { transactWrite } from '../../../shared/store/transact';
import { putTestOrg, testOrg } from '../../support/registry-fixtures';
import { createTestStore } from '../../support/store';

// The case list and the elections overview page by page over DynamoDB Local while records are added between pages:
// every record there at the start is given exactly once, never more than 50 a page, organizations in path order.

const BRANCHES = ['b1', 'b2', 'b3', 'b4', 'b5', 'b6'];

async function world() {
  const store = await createTestStore();
  await putTestOrg(store, testOrg({ id: 'wc', kind: 'working-committee' }));
  await putTestOrg(store, testOrg({ id: 'c1', kind: 'committee', parentId: 'wc' }));
  await putTestOrg(store, testOrg({ id: 'c2', kind: 'committee', parentId: 'wc' }));
  for (const [k, id] of BRANCHES.entries()) await putTestOrg(store, testOrg({ id, kind: 'branch', parentId: k < 4 ? 'c1' : 'c2' }));
  const deps = { store, clock: new ManualClock('2026-09-23T01:00:00.000Z'), newId: () => randomBytes(9).toString('base64url') };
  const staff = await resolveActor(store, { id: 'staff-wc', displayName: '王组织员', role: 'committee-staff', orgId: 'wc' });
  const agency = await resolveActor(store, { id: 'staff-c2', displayName: '李组织员', role: 'committee-staff', orgId: 'c2' });
  return { store, deps, staff, agency };
}
type Deps = Awaited<ReturnType<typeof world>>['deps'];

let serial = 0;
const instant = () => new Date(Date.UTC(2026, 0, 1) + (serial++) * 60_000).toISOString();

async function openCase(deps: Deps, orgId: string): Promise<string> {
  const id = `k${String(serial).padStart(4, '0')}`;
  const at = instant();
  const devCase: DevelopmentCase = {
    id, personId: `p-${id}`, personName: '张三', orgId, ruleSetVersion: '2014', status: 'active', stage: 1, attempt: 1, stageState: 'running',
    dates: { applicationDate: '2026-01-01' }, outcomeReasons: [], warnings: [], createdAt: at, updatedAt: at, version: 1,
  };
  await transactWrite(deps.store, [...putNewCase(deps.store, devCase), ...(await caseCountItems(deps, undefined, devCase))]);
  return id;
}

async function startElection(deps: Deps, orgId: string): Promise<string> {
  const id = `e${String(serial).padStart(4, '0')}`;
  const rules = ELECTION_RULE_SETS['2020'];
  const election: Election = {
    id, orgId, orgName: `${orgId} 组织`, form: 'standard', seats: 5, deputies: 0, rulesVersion: rules.rulesVersion, rules, termYears: rules.termYears.branch,
    plan: { meetingDate: '2026-11-01', structure: '书记1名，委员4名', method: '差额选举' }, status: 'running', phase: 'publicize', stepCounts: {}, roundCount: 0,
    excluded: [], candidates: [], elected: [], approvals: [], noticeRounds: 0, createdAt: instant(), createdBy: 'staff', version: 1,
  };
  await transactWrite(deps.store, [putNewElection(deps.store, election)]);
  return id;
}

/** Pages through a list, adding records after each page; answers what the pages gave, in order, and each page's size. */
async function pageWhileAdding(readPage: (cursor?: string) => Promise<{ ids: string[]; next?: string }>, add: (round: number) => Promise<unknown>) {
  const seen: string[] = [];
  const sizes: number[] = [];
  let cursor: string | undefined;
  let round = 0;
  do {
    const page = await readPage(cursor);
    seen.push(...page.ids);
    sizes.push(page.ids.length);
    cursor = page.next;
    await add(round++);
  } while (cursor);
  return { seen, sizes };
}

describe('paged lists while records are added', () => {
  test('the case list: every case of the start once, 50 a page, organizations in path order, each newest first', async () => {
    const { deps, staff } = await world();
    const start: string[] = [];
    for (let k = 0; k < 130; k++) start.push(await openCase(deps, BRANCHES[(k * 7) % BRANCHES.length]));
    const { seen, sizes } = await pageWhileAdding(
      async (cursor) => {
        const view = await developmentCasesView(deps, staff, 'wc', cursor);
        return { ids: view.cases.map((c) => c.id), next: view.next };
      },
      async (round) => {
        for (const orgId of BRANCHES) await openCase(deps, orgId); // new cases everywhere: before and after the cursor
        if (round === 0) await putTestOrg(deps.store, testOrg({ id: 'b0', kind: 'branch', parentId: 'c1' })); // an organization added meanwhile
        await openCase(deps, 'b0').catch(() => undefined);
      },
    );
    expect(new Set(seen).size).toBe(seen.length);
    for (const id of start) expect(seen).toContain(id);
    expect(Math.max(...sizes)).toBe(LIST_PAGE_SIZE);
    // The first page as it was: b1's cases newest first, then b2's (paths /wc/c1/b1/ < /wc/c1/b2/).
    const first = await developmentCasesView(deps, staff, 'c1');
    const orgsInOrder = first.cases.map((c) => c.orgId).filter((orgId, k, all) => all.indexOf(orgId) === k);
    expect(orgsInOrder).toEqual([...orgsInOrder].sort());
    const b1 = first.cases.filter((c) => c.orgId === orgsInOrder[0]).map((c) => c.createdAt);
    expect(b1).toEqual([...b1].sort().reverse());
  });

  test('the case list stays within the staff member’s subtree, also with a cursor from another list', async () => {
    const { deps, staff, agency } = await world();
    for (let k = 0; k < 120; k++) await openCase(deps, BRANCHES[k % BRANCHES.length]);
    const wide = await developmentCasesView(deps, staff, 'wc');
    const own = await developmentCasesView(deps, agency, 'c2', wide.next);
    expect(own.cases.every((c) => c.orgId === 'b5' || c.orgId === 'b6')).toBe(true);
    expect(own.cases.length).toBeGreaterThan(0);
  });

  test('the elections overview: every election of the start once while elections are started', async () => {
    const { deps, staff } = await world();
    const start: string[] = [];
    for (let k = 0; k < 110; k++) start.push(await startElection(deps, BRANCHES[(k * 5) % BRANCHES.length]));
    const orgIds = ['wc', 'c1', 'c2', ...BRANCHES];
    const { seen, sizes } = await pageWhileAdding(
      async (cursor) => {
        const page = await pageElections(deps, staff, orgIds, cursor);
        return { ids: page.elections.map((e) => e.id), next: page.next };
      },
      async () => {
        for (const orgId of BRANCHES) await startElection(deps, orgId);
      },
    );
    expect(new Set(seen).size).toBe(seen.length);
    for (const id of start) expect(seen).toContain(id);
    expect(Math.max(...sizes)).toBe(LIST_PAGE_SIZE);
  });

  test('the elections overview gives only elections of organizations the staff member may view, whatever organizations are asked', async () => {
    const { deps, agency } = await world();
    for (const orgId of BRANCHES) await startElection(deps, orgId);
    const page = await pageElections(deps, agency, ['wc', 'c1', 'c2', ...BRANCHES]);
    expect(page.elections.map((e) => e.orgId).sort()).toEqual(['b5', 'b6']);
  });
});
