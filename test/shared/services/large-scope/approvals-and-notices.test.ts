import type { Actor } from '../../../../shared/services/actor';
import { approvalsPage } from '../../../../shared/services/approval/staff';
import type { ServiceDeps } from '../../../../shared/services/deps';
import { staffNoticeList } from '../../../../shared/services/notice/notice-queries';
import { backfillListings } from '../../../../shared/services/scheduled/listing-backfill';
import { LIST_PAGE_SIZE } from '../../../../shared/store/org-pages';
import type { Store } from '../../../../shared/store/store';
import { DeleteCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { meterStore } from '../../../../scripts/bench/capacity-meter';
import { AGENCY_BRANCHES as SMALL, agencyStaff, BIG_BRANCHES as BIG, bigStaff, putWideTree } from '../../../support/wide-tree';
import { approval, at, notice, putApprovalBeforeTheList, putApprovals, putNoticeBeforeTheList, putNotices } from '../../../support/listed-records';
import { createTestStore } from '../../../support/store';
import { getApproval, replaceApproval } from '../../../../shared/store/approvals-repo';
import { updateNotice } from '../../../../shared/store/notices-repo';
import { transactWrite } from '../../../../shared/store/transact';

/**
 * The approvals list and the notice list of a large scope (docs/domain/lists-and-counts.md): a page of the province-wide
 * list, filtered to the scope; a small scope reads per organization. The tree: working committee wc; committee big with
 * 110 branches; agency with 5.
 */

const clock = { now: () => new Date('2026-09-23T01:00:00.000Z') };
const workingStaff: Actor = { id: 'staff-wc', displayName: '王五', role: 'committee-staff', orgId: 'wc', scopeOrgIds: ['wc', 'big', 'agency', ...BIG, ...SMALL] };

async function everyApprovalPage(deps: Pick<ServiceDeps, 'store'>, who: Actor): Promise<{ ids: string[]; pages: number }> {
  const ids: string[] = [];
  let cursor: string | undefined;
  let pages = 0;
  do {
    const page = await approvalsPage(deps as ServiceDeps, who, cursor);
    expect(page.approvals.length).toBeLessThanOrEqual(LIST_PAGE_SIZE);
    ids.push(...page.approvals.map((a) => a.id));
    cursor = page.next;
    pages++;
  } while (cursor);
  return { ids, pages };
}

async function everyNoticePage(deps: Pick<ServiceDeps, 'store'>, who: Actor): Promise<{ ids: string[]; pages: number }> {
  const ids: string[] = [];
  let cursor: string | undefined;
  let pages = 0;
  do {
    const page = await staffNoticeList(deps as ServiceDeps, who, cursor);
    expect(page.notices.length).toBeLessThanOrEqual(LIST_PAGE_SIZE);
    ids.push(...page.notices.map((n) => n.id));
    cursor = page.next;
    pages++;
  } while (cursor);
  return { ids, pages };
}

const orgOf = (k: number) => (k % 10 === 9 ? SMALL[k % SMALL.length] : k % 10 === 8 ? 'wc' : BIG[(k * 7) % BIG.length]);
const newestFirst = (records: Array<{ id: string; at: string; orgId: string }>, scope: Actor) =>
  records.filter((r) => scope.scopeOrgIds.includes(r.orgId)).sort((a, b) => b.at.localeCompare(a.at)).map((r) => r.id);

let store: Store;
/** Every item's key and attributes but the markers' time (what a backfill run may write). */
async function itemsStored(): Promise<string[]> {
  const items = (await store.doc.send(new ScanCommand({ TableName: store.tableName }))).Items ?? [];
  return items.filter((item) => item.pk !== 'DUEINDEX').map((item) => JSON.stringify(item)).sort();
}
let deps: Pick<ServiceDeps, 'store'>;
beforeEach(async () => {
  store = await createTestStore();
  deps = { store };
  await putWideTree(store);
});

describe('the approvals list and the notice list of a large scope', () => {
  test('the working committee pages the whole province, a committee over 110 branches its subtree, a small committee all of its own per organization', async () => {
    await backfillListings({ store, clock }); // nothing stored yet: the markers only
    const records = Array.from({ length: 90 }, (_, k) => ({ id: `r${String(k).padStart(2, '0')}`, at: at(k), orgId: orgOf(k) }));
    await putApprovals(store, records.map((r) => approval(r.id, r.orgId, r.at)));
    await putNotices(store, records.map((r) => notice(r.id, r.orgId, r.at)));

    await approvalsPage(deps as ServiceDeps, workingStaff); // the tree and the markers read once
    await staffNoticeList(deps as ServiceDeps, workingStaff);
    const meter = meterStore(store);
    const province = await everyApprovalPage(deps, workingStaff);
    expect(province.pages).toBe(2);
    expect(meter.requests).toBeLessThanOrEqual(2 * 2); // per page: the tree's mark and the list's query, never one per organization
    expect(province.ids).toEqual(newestFirst(records, workingStaff));
    meter.reset();
    const provinceNotices = await everyNoticePage(deps, workingStaff);
    expect(provinceNotices.pages).toBe(2);
    expect(meter.requests).toBeLessThanOrEqual(2 * 2); // (notices without objection gates: nothing more to read)
    expect(provinceNotices.ids).toEqual(newestFirst(records, workingStaff));

    const subtree = await everyApprovalPage(deps, bigStaff);
    expect(subtree.ids).toEqual(newestFirst(records, bigStaff));
    expect(subtree.ids.length).toBe(72);
    expect((await everyNoticePage(deps, bigStaff)).ids).toEqual(newestFirst(records, bigStaff));

    meter.reset();
    const small = await approvalsPage(deps as ServiceDeps, agencyStaff);
    expect(small.next).toBeUndefined();
    expect(small.approvals.map((a) => a.id)).toEqual(newestFirst(records, agencyStaff));
    expect(meter.requests).toBe(SMALL.length + 1); // one query per organization
    expect((await staffNoticeList(deps as ServiceDeps, agencyStaff)).notices.map((n) => n.id)).toEqual(newestFirst(records, agencyStaff));
  });

  test('a cursor made up or taken from another scope shows nothing outside the scope; a damaged one the first page', async () => {
    await backfillListings({ store, clock });
    await putApprovals(store, [approval('big-1', BIG[0], at(1)), approval('agency-1', SMALL[0], at(2)), approval('wc-1', 'wc', at(3))]);
    const forged = Buffer.from(`${at(9)}#wc-1`).toString('base64url');
    for (const cursor of [forged, '乱码', 'AAAA']) {
      expect((await approvalsPage(deps as ServiceDeps, bigStaff, cursor)).approvals.map((a) => a.id)).toEqual(['big-1']);
    }
  });

  test('records stored before the lists: read per organization until the one-time backfill, then from the lists; the backfill runs once', async () => {
    await putApprovalBeforeTheList(store, approval('old-approval', BIG[3], at(5)));
    await putNoticeBeforeTheList(store, notice('old-notice', BIG[4], at(6)));
    await putApprovals(store, [approval('new-approval', BIG[5], at(7))]);
    await putNotices(store, [notice('new-notice', BIG[6], at(8))]);
    await putNoticeBeforeTheList(store, notice('old-withdrawn', BIG[7], at(4)));
    await putApprovalBeforeTheList(store, approval('old-decided', BIG[8], at(3)));
    // changed before the backfill: the notice's change leaves a partial entry outside the list, the approval's a whole one
    await transactWrite(store, updateNotice(store, 'old-withdrawn', { set: { status: 'withdrawn', result: 'withdrawn' }, remove: ['gsi1pk', 'gsi1sk'] }));
    const decided = (await getApproval(store, 'old-decided'))!;
    await transactWrite(store, replaceApproval(store, { ...decided, status: 'rejected', resolution: { approvalId: decided.id, outcome: 'rejected', decidedAt: at(9), decidedBy: '赵审批' }, version: 2 }, 1));
    // before the backfill: per organization, nothing missed
    const approvalsShown = ['new-approval', 'old-approval', 'old-decided'];
    const noticesShown = ['new-notice', 'old-notice', 'old-withdrawn'];
    expect((await approvalsPage(deps as ServiceDeps, bigStaff)).approvals.map((a) => a.id)).toEqual(approvalsShown);
    expect((await staffNoticeList(deps as ServiceDeps, bigStaff)).notices.map((n) => n.id)).toEqual(noticesShown);

    expect(await backfillListings({ store, clock })).toEqual({ approvals: 1, notices: 2, elections: 0 });
    expect(await backfillListings({ store, clock })).toEqual({ approvals: undefined, notices: undefined, elections: undefined });
    const meter = meterStore(store);
    expect((await everyApprovalPage(deps, bigStaff)).ids).toEqual(approvalsShown);
    const notices = (await staffNoticeList(deps as ServiceDeps, bigStaff)).notices;
    expect(notices.map((n) => [n.id, n.status, n.headline])).toEqual([['new-notice', 'open', '张三'], ['old-notice', 'open', '张三'], ['old-withdrawn', 'withdrawn', '张三']]);
    expect((await approvalsPage(deps as ServiceDeps, bigStaff)).approvals.map((a) => a.status)).toEqual(['pending', 'pending', 'rejected']);
    expect(meter.requests).toBeLessThanOrEqual(3 * 2 + 2); // from the lists: the tree's mark and one query a page (and each list's marker, read once)

    // run again without its markers (a crash before them): it finds every entry there and writes nothing
    for (const kind of ['approval-list', 'notice-list']) await store.doc.send(new DeleteCommand({ TableName: store.tableName, Key: { pk: 'DUEINDEX', sk: `BACKFILL#${kind}` } }));
    const before = await itemsStored();
    expect(await backfillListings({ store, clock })).toEqual({ approvals: 0, notices: 0, elections: undefined });
    expect(await itemsStored()).toEqual(before);
  });
});
