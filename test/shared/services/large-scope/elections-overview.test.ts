import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { meterStore } from '../../../../scripts/bench/capacity-meter';
import type { Election } from '../../../../shared/domain/election/election';
import { ELECTION_RULE_SETS } from '../../../../shared/domain/election/rule-set';
import type { Actor } from '../../../../shared/services/actor';
import { pageElections } from '../../../../shared/services/election';
import { backfillListings } from '../../../../shared/services/scheduled/listing-backfill';
import { electionPk, putNewElection } from '../../../../shared/store/elections-repo';
import { LIST_PAGE_SIZE } from '../../../../shared/store/org-pages';
import type { Store } from '../../../../shared/store/store';
import { transactWrite } from '../../../../shared/store/transact';
import { at } from '../../../support/listed-records';
import { createTestStore } from '../../../support/store';
import { AGENCY_BRANCHES as SMALL, agencyStaff, BIG_BRANCHES as BIG, bigStaff, putWideTree } from '../../../support/wide-tree';

/**
 * The elections overview of a large scope (docs/domain/lists-and-counts.md): a page of the province's elections newest
 * first, filtered to the scope, never one query per organization; a small scope pages per organization. The tree:
 * working committee wc; committee big with 110 branches; agency with 5.
 */

const clock = { now: () => new Date('2026-09-23T01:00:00.000Z') };
const workingStaff: Actor = { id: 'staff-wc', displayName: '王五', role: 'committee-staff', orgId: 'wc', scopeOrgIds: ['wc', 'big', 'agency', ...BIG, ...SMALL] };

function election(id: string, orgId: string, createdAt: string): Election {
  const rules = ELECTION_RULE_SETS['2020'];
  return {
    id, orgId, orgName: `${orgId} 组织`, form: 'standard', seats: 5, deputies: 0, rulesVersion: rules.rulesVersion, rules, termYears: rules.termYears.branch,
    plan: { meetingDate: '2026-11-01', structure: '书记1名，委员4名', method: '差额选举' }, status: 'running', phase: 'publicize', stepCounts: {}, roundCount: 0,
    excluded: [], candidates: [], elected: [], approvals: [], noticeRounds: 0, createdAt, createdBy: 'staff', version: 1,
  };
}
const put = (store: Store, elections: Election[]) => Promise.all(elections.map((e) => transactWrite(store, [putNewElection(store, e)])));
const orgOf = (k: number) => (k % 10 === 9 ? SMALL[k % SMALL.length] : k % 10 === 8 ? 'wc' : BIG[(k * 7) % BIG.length]);

let store: Store;
beforeEach(async () => {
  store = await createTestStore();
  await putWideTree(store);
});

/** Every page from the first, `between` run after each page; the ids in the order shown. */
async function everyPage(who: Actor, between: (page: number) => Promise<void> = async () => {}): Promise<{ ids: string[]; pages: number }> {
  const ids: string[] = [];
  let cursor: string | undefined;
  let pages = 0;
  do {
    const page = await pageElections({ store }, who, who.scopeOrgIds, cursor);
    expect(page.elections.length).toBeLessThanOrEqual(LIST_PAGE_SIZE);
    ids.push(...page.elections.map((e) => e.id));
    cursor = page.next;
    await between(++pages);
  } while (cursor);
  return { ids, pages };
}

test('the working committee pages the province newest first, a committee over 110 branches its subtree, a small committee per organization', async () => {
  await backfillListings({ store, clock }); // nothing stored yet: the markers only
  const records = Array.from({ length: 90 }, (_, k) => election(`e${String(k).padStart(2, '0')}`, orgOf(k), at(k)));
  await put(store, records);
  const newestFirst = (scope: Actor) => records.filter((e) => scope.scopeOrgIds.includes(e.orgId)).sort((a, b) => b.createdAt.localeCompare(a.createdAt)).map((e) => e.id);
  await pageElections({ store }, workingStaff, workingStaff.scopeOrgIds); // the tree and the marker read once
  const meter = meterStore(store);
  const province = await everyPage(workingStaff);
  expect(province).toEqual({ ids: newestFirst(workingStaff), pages: 2 });
  expect(meter.requests).toBeLessThanOrEqual(2 * 2); // per page: the tree's mark and the list's query, never one per organization
  expect((await everyPage(bigStaff)).ids).toEqual(newestFirst(bigStaff));
  meter.reset();
  const small = await pageElections({ store }, agencyStaff, agencyStaff.scopeOrgIds);
  expect(new Set(small.elections.map((e) => e.id))).toEqual(new Set(newestFirst(agencyStaff)));
  expect(meter.requests).toBeGreaterThan(SMALL.length); // per organization
});

test('elections added while paging: each one there at the start is shown exactly once', async () => {
  await backfillListings({ store, clock });
  const start = Array.from({ length: 120 }, (_, k) => election(`s${String(k).padStart(3, '0')}`, orgOf(k), at(k)));
  await put(store, start);
  let added = 0;
  const { ids } = await everyPage(workingStaff, async () => {
    await put(store, [election(`n${added}`, BIG[added % BIG.length], at(1000 + added)), election(`o${added}`, BIG[added % BIG.length], at(500 + added))]);
    added += 1;
  });
  for (const e of start) expect(ids.filter((id) => id === e.id)).toHaveLength(1);
  expect(new Set(ids).size).toBe(ids.length);
});

test('a cursor made up shows nothing outside the scope; a damaged one the first page', async () => {
  await backfillListings({ store, clock });
  await put(store, [election('big-1', BIG[0], at(1)), election('agency-1', SMALL[0], at(2)), election('wc-1', 'wc', at(3))]);
  const forged = Buffer.from(`${at(9)}#wc-1`).toString('base64url');
  for (const cursor of [forged, '乱码', 'AAAA']) {
    expect((await pageElections({ store }, bigStaff, bigStaff.scopeOrgIds, cursor)).elections.map((e) => e.id)).toEqual(['big-1']);
  }
});

test('elections stored before the list: read per organization until the one-time backfill, then from the list; it runs once', async () => {
  await put(store, [election('old', BIG[3], at(5)), election('new', BIG[5], at(7))]);
  // As stored before the province's list: no gsi1 entry.
  await store.doc.send(new UpdateCommand({ TableName: store.tableName, Key: { pk: electionPk('old'), sk: 'ELECTION' }, UpdateExpression: 'REMOVE gsi1pk, gsi1sk' }));
  expect((await pageElections({ store }, bigStaff, bigStaff.scopeOrgIds)).elections.map((e) => e.id).sort()).toEqual(['new', 'old']);
  expect((await backfillListings({ store, clock })).elections).toBe(1);
  expect((await backfillListings({ store, clock })).elections).toBeUndefined();
  const meter = meterStore(store);
  expect((await pageElections({ store }, bigStaff, bigStaff.scopeOrgIds)).elections.map((e) => e.id)).toEqual(['new', 'old']);
  expect(meter.requests).toBeLessThanOrEqual(3); // the tree's mark, the marker (read once), the list's query
});
