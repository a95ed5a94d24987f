import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { DEFAULT_ADJUSTMENTS, DEFAULT_INDICATORS, DEFAULT_SETTINGS, type AssessmentReport } from '../../../../shared/domain/assessment';
import type { Actor } from '../../../../shared/services/actor';
import { addAdjustment, editSchemeIndicator, publishScheme, saveYearEnd } from '../../../../shared/services/assessment';
import type { ServiceDeps } from '../../../../shared/services/deps';
import { listSchemeVersions, putNewReport, putNewScheme } from '../../../../shared/store/assessment-repo';
import { getAdjustments, getYearEnd, putNewYearEnd } from '../../../../shared/store/assessment-year-end-repo';
import type { Store } from '../../../../shared/store/store';
import { transactWrite } from '../../../../shared/store/transact';
import { putTestOrg, testOrg } from '../../../support/registry-fixtures';
import { createTestStore } from '../../../support/store';

// Two staff members save the same record at the same moment: the one who loses is told what somebody else changed
// (the year end, an organization's bonuses and deductions, the scheme), in words that fit it, and nothing of theirs
// is written. The race is made certain: the competing save runs just before the loser's transaction is sent.
let store: Store;
const clock = { now: () => new Date('2027-01-05T02:00:00.000Z') };
const deps = (s: Store) => ({ store: s, clock, publicBaseUrl: 'http://localhost' }) as unknown as ServiceDeps;
const staff = (id: string, displayName: string): Actor => ({ id, displayName, role: 'committee-staff', orgId: 'c1', scopeOrgIds: ['c1', 'b1'] });
const admin: Actor = { id: 'admin', displayName: '系统管理员', role: 'admin', orgId: 'c1', scopeOrgIds: ['c1', 'b1'] };

/** The store as the loser sees it: its first transaction is sent only after `competitor` has saved. */
function racing(competitor: () => Promise<unknown>): Store {
  let armed = true;
  const send = async (command: Parameters<Store['doc']['send']>[0]) => {
    if (armed && command instanceof TransactWriteCommand) {
      armed = false;
      await competitor();
    }
    return store.doc.send(command as never);
  };
  return { ...store, doc: { send } as unknown as Store['doc'] };
}

beforeAll(async () => {
  store = await createTestStore();
  await putTestOrg(store, testOrg({ id: 'c1', kind: 'committee', name: '机关党委' }));
  await putTestOrg(store, testOrg({ id: 'b1', kind: 'branch', parentId: 'c1', name: '办公室党支部' }));
  const monthly = DEFAULT_INDICATORS.filter((i) => i.frequency === 'monthly');
  const report: AssessmentReport = {
    committeeId: 'c1', year: 2026, periodKey: '2026-M12', periodLabel: '2026年12月', orgId: 'b1', orgName: '办公室党支部', schemeVersion: 1, indicators: monthly, lateDeduction: 1,
    reviewDueWorkingDays: 5, status: 'submitted', dueAt: '2027-01-08T23:59:59+08:00', entries: [], late: false, submissions: 1, reviews: 0, returns: [], fullMarks: 16, version: 2,
  };
  await transactWrite(store, [
    putNewScheme(store, { committeeId: 'c1', year: 2026, version: 1, status: 'published', appliesFrom: '2026-M01', indicators: monthly, adjustments: DEFAULT_ADJUSTMENTS, settings: DEFAULT_SETTINGS }),
    putNewScheme(store, { committeeId: 'c1', year: 2027, version: 1, status: 'draft', indicators: DEFAULT_INDICATORS, adjustments: DEFAULT_ADJUSTMENTS, settings: DEFAULT_SETTINGS }),
    putNewReport(store, report),
    putNewYearEnd(store, { committeeId: 'c1', committeeName: '机关党委', year: 2026, status: 'rating', reviewScores: {}, approvals: [], startedAt: '2027-01-04T01:00:00.000Z', startedByName: '李组织员', version: 1 }),
  ]);
}, 60_000);

test.each([
  {
    record: '年终考核（述职评议得分）',
    competitor: () => saveYearEnd(deps(store), staff('li', '李组织员'), 'c1', 2026, { 'review_b1': '90' }, false),
    loser: (s: Store) => saveYearEnd(deps(s), staff('wang', '王组织员'), 'c1', 2026, { 'review_b1': '85' }, false),
    message: '年终考核已被他人修改（述职评议得分已由他人保存，或已提交审批），本次未保存。请刷新页面，核对最新内容后重新操作。',
    kept: async () => expect((await getYearEnd(store, 'c1', 2026))?.reviewScores).toEqual({ b1: 90 }),
  },
  {
    record: '加减分',
    competitor: () => addAdjustment(deps(store), staff('li', '李组织员'), { committeeId: 'c1', periodKey: '2026-M12', orgId: 'b1' }, { itemKey: 'B1', points: '1', reason: '获市直机关工委表彰' }),
    loser: (s: Store) => addAdjustment(deps(s), staff('wang', '王组织员'), { committeeId: 'c1', periodKey: '2026-M12', orgId: 'b1' }, { itemKey: 'D1', points: '1', reason: '被上级通报批评一次' }),
    message: '该组织本年度的加减分刚由他人录入或修改，本次未录入。请刷新页面，核对最新的加减分后重新录入。',
    kept: async () => expect((await getAdjustments(store, 'c1', 2026, 'b1'))?.entries.map((e) => e.itemKey)).toEqual(['B1']),
  },
  {
    record: '考核方案',
    competitor: () => publishScheme(deps(store), admin, 'c1', 2027, 1),
    loser: (s: Store) => editSchemeIndicator(deps(s), admin, 'c1', 2027, 1, 'I01', { maxPoints: '8', requirement: '每月召开支委会、党员大会' }),
    message: '考核方案已被他人修改或已发布，本次未保存。请刷新页面，核对最新内容后重新操作。',
    kept: async () => expect((await listSchemeVersions(store, 'c1', 2027)).map((v) => [v.status, v.indicators.find((i) => i.key === 'I01')?.maxPoints])).toEqual([['published', 6]]),
  },
])('$record changed by somebody else meanwhile: 409 saying so, nothing written', async ({ competitor, loser, message, kept }) => {
  await expect(loser(racing(competitor))).rejects.toMatchObject({ httpStatus: 409, userMessage: message });
  await kept();
});
