import fc from 'fast-check';
import { cancelApproval, getApproval, pageProvinceApprovals, replaceApproval } from '../../../shared/store/approvals-repo';
import { countObjectionOnNotice, getNotice, pageProvinceNotices, updateNotice } from '../../../shared/store/notices-repo';
import { MAX_PAGE_SIZE } from '../../../shared/store/org-pages';
import type { Store } from '../../../shared/store/store';
import { transactWrite } from '../../../shared/store/transact';
import { createTestStore } from '../../support/store';
import { approval, at, notice, putApprovals, putNotices } from '../../support/listed-records';

/** The province-wide lists of approvals and of notices (listings.ts), newest first, read a page at a time and filtered to a scope. */

const inScope = (orgs: string[]) => { const set = new Set(orgs); return (orgId: string) => set.has(orgId); };
const pad = (k: number) => String(k).padStart(3, '0');

async function allApprovalPages(store: Store, keep: (orgId: string) => boolean, limit: number, share = 1): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await pageProvinceApprovals(store, keep, { limit, cursor, share });
    ids.push(...page.approvals.map((a) => a.id));
    cursor = page.next;
  } while (cursor);
  return ids;
}

let store: Store;
beforeEach(async () => {
  store = await createTestStore();
});

describe('the province-wide lists of approvals and notices', () => {
  test('newest first, only the scope, the page size capped at 100, the last page without a cursor', async () => {
    await putApprovals(store, Array.from({ length: 130 }, (_, k) => approval(`a${pad(k)}`, k % 10 === 0 ? 'other' : 'mine', at(k))));
    const first = await pageProvinceApprovals(store, inScope(['mine']), { limit: 1000, share: 0.9 });
    expect(first.approvals).toHaveLength(MAX_PAGE_SIZE);
    expect(first.approvals.every((a) => a.subject.orgId === 'mine')).toBe(true);
    expect(first.approvals.map((a) => a.createdAt)).toEqual([...first.approvals.map((a) => a.createdAt)].sort().reverse());
    expect(first.approvals[0].id).toBe('a129');
    const rest = await pageProvinceApprovals(store, inScope(['mine']), { limit: 100, cursor: first.next, share: 0.9 });
    expect(rest.approvals).toHaveLength(117 - MAX_PAGE_SIZE);
    expect(rest.next).toBeUndefined();
    const paged = await allApprovalPages(store, inScope(['mine']), 30, 0.9);
    expect(paged).toEqual([...first.approvals, ...rest.approvals].map((a) => a.id));

    await putNotices(store, Array.from({ length: 60 }, (_, k) => notice(`n${pad(k)}`, k % 3 === 0 ? 'other' : 'mine', at(k))));
    const notices = await pageProvinceNotices(store, inScope(['mine']), { limit: 50, share: 0.6 });
    expect(notices.notices.map((n) => n.id)).toEqual(Array.from({ length: 60 }, (_, k) => `n${pad(59 - k)}`).filter((_, k) => (59 - k) % 3 !== 0));
    expect(notices.next).toBeUndefined();
  });

  test('the list shows each record as it is now: decided, withdrawn, closed, two changes at once', async () => {
    await putApprovals(store, [approval('decided', 'b1', at(1)), approval('cancelled', 'b1', at(2)), approval('waiting', 'b1', at(3))]);
    await putNotices(store, [notice('withdrawn', 'b1', at(1)), notice('closed', 'b1', at(2))]);
    const decided = (await getApproval(store, 'decided'))!;
    const resolution = { approvalId: 'decided', outcome: 'approved' as const, decidedAt: at(10), decidedBy: '赵审批' };
    const cancelled = (await getApproval(store, 'cancelled'))!;
    await Promise.all([ // two changes at once, and two records created at once
      transactWrite(store, replaceApproval(store, { ...decided, status: 'approved', resolution, version: 2 }, 1)),
      transactWrite(store, cancelApproval(store, cancelled, { at: at(11), reason: '终止发展' })),
      putApprovals(store, [approval('new-1', 'b1', at(20))]),
      putApprovals(store, [approval('new-2', 'b2', at(21))]),
      transactWrite(store, updateNotice(store, 'withdrawn', { set: { status: 'withdrawn', result: 'withdrawn', withdrawnAt: at(12), withdrawReason: '信息有误' }, remove: ['gsi1pk', 'gsi1sk'] })),
      transactWrite(store, updateNotice(store, 'closed', { set: { status: 'closed', closedAt: at(13), result: 'proceed' } })),
      putNotices(store, [notice('new-n', 'b2', at(22))]),
    ]);
    const approvals = await pageProvinceApprovals(store, () => true, { limit: 50, share: 1 });
    expect(approvals.approvals.map((a) => [a.id, a.status])).toEqual([['new-2', 'pending'], ['new-1', 'pending'], ['waiting', 'pending'], ['cancelled', 'cancelled'], ['decided', 'approved']]);
    const notices = await pageProvinceNotices(store, () => true, { limit: 50, share: 1 });
    expect(notices.notices.map((n) => [n.id, n.status])).toEqual([['new-n', 'open'], ['closed', 'closed'], ['withdrawn', 'withdrawn']]);
  });

  test('two changes of one approval at once: one wins (version check), and its entry shows the winner', async () => {
    await putApprovals(store, [approval('raced', 'b1', at(1))]);
    const stored = (await getApproval(store, 'raced'))!;
    const decide = (outcome: 'approved' | 'rejected') => transactWrite(store, replaceApproval(store, {
      ...stored, status: outcome, resolution: { approvalId: 'raced', outcome, decidedAt: at(5), decidedBy: outcome === 'approved' ? '赵审批' : '钱审批' }, version: 2,
    }, 1));
    const results = await Promise.allSettled([decide('approved'), decide('rejected'), transactWrite(store, cancelApproval(store, stored, { at: at(6), reason: '终止发展' }))]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const now = (await getApproval(store, 'raced'))!;
    const [listed] = (await pageProvinceApprovals(store, () => true, { limit: 10, share: 1 })).approvals;
    expect([listed.status, listed.resolution?.decidedBy]).toEqual([now.status, now.resolution?.decidedBy]);
  });

  test('objections counted on a notice (one without gates) at once are all counted on its entry; its end moved shows too', async () => {
    await putNotices(store, [notice('counted', 'b1', at(1))]);
    const now = Date.parse('2026-10-01T00:00:00.000Z');
    await Promise.all(Array.from({ length: 5 }, () => transactWrite(store, countObjectionOnNotice(store, 'counted', now))));
    await transactWrite(store, updateNotice(store, 'counted', { set: { endsAt: '2026-10-12T23:59:59+08:00', endsAtMs: Date.parse('2026-10-12T23:59:59+08:00'), provisional: true, gsi1sk: 'x' } }));
    const stored = (await getNotice(store, 'counted'))!;
    const [listed] = (await pageProvinceNotices(store, () => true, { limit: 10, share: 1 })).notices;
    expect(stored.objectionCount).toBe(5);
    expect(listed).toMatchObject({ objectionCount: 5, endsAt: stored.endsAt, endsAtMs: stored.endsAtMs, provisional: true, status: 'open', headline: '张三', orgName: '某党支部' });
    expect(listed).not.toHaveProperty('gsi1sk');
  });

  test('a cursor made up, damaged or naming a record elsewhere never shows a record outside the scope', async () => {
    await putApprovals(store, [approval('mine', 'b1', at(1)), approval('theirs', 'x9', at(2))]);
    await putNotices(store, [notice('mine', 'b1', at(1)), notice('theirs', 'x9', at(2))]);
    const forged = Buffer.from(`${at(3)}#theirs`).toString('base64url');
    for (const cursor of [forged, 'not a cursor', '', Buffer.from('#').toString('base64url'), '乱码']) {
      expect((await pageProvinceApprovals(store, inScope(['b1']), { limit: 10, cursor, share: 0.5 })).approvals.map((a) => a.id)).toEqual(['mine']);
      expect((await pageProvinceNotices(store, inScope(['b1']), { limit: 10, cursor, share: 0.5 })).notices.map((n) => n.id)).toEqual(['mine']);
    }
  });

  test('property: paging while approvals are added and decided gives every approval there at the start exactly once, none outside the scope', async () => {
    const record = fc.record({ org: fc.nat({ max: 4 }), minute: fc.nat({ max: 60 }) });
    await fc.assert(fc.asyncProperty(
      fc.array(record, { maxLength: 40 }),
      fc.integer({ min: 1, max: 7 }),
      fc.double({ min: 0.05, max: 1, noNaN: true }),
      fc.array(fc.array(record, { maxLength: 4 }), { maxLength: 12 }),
      fc.array(fc.nat({ max: 39 }), { maxLength: 6 }),
      async (initial, limit, share, additions, decisions) => {
        store = await createTestStore();
        const scope = ['o0', 'o1', 'o2'];
        const start = initial.map((r, k) => approval(`s${pad(k)}`, `o${r.org}`, at(r.minute)));
        await putApprovals(store, start);
        const seen: string[] = [];
        let cursor: string | undefined;
        let round = 0;
        do {
          const page = await pageProvinceApprovals(store, inScope(scope), { limit, cursor, share });
          expect(page.approvals.length).toBeLessThanOrEqual(limit);
          seen.push(...page.approvals.map((a) => a.id));
          cursor = page.next;
          // added meanwhile: some newer than all, some older (they sort after the cursor and may show)
          await putApprovals(store, (additions[round] ?? []).map((r, k) => approval(`a${round}-${k}`, `o${r.org}`, at(r.minute))));
          const decided = start[decisions[round] ?? -1];
          if (decided) {
            const current = (await getApproval(store, decided.id))!;
            if (current.status === 'pending') await transactWrite(store, cancelApproval(store, current, { at: at(100), reason: '终止发展' }));
          }
          round++;
        } while (cursor);
        expect(new Set(seen).size).toBe(seen.length);
        for (const a of start) expect(seen.includes(a.id)).toBe(scope.includes(a.subject.orgId));
        const added = additions.flatMap((list, r) => list.map((rec, k) => ({ id: `a${r}-${k}`, orgId: `o${rec.org}` })));
        for (const id of seen) expect(start.some((a) => a.id === id) || added.some((a) => a.id === id && scope.includes(a.orgId))).toBe(true);
      },
    ), { numRuns: 25 });
  }, 120_000);
});
