import { DEFAULT_INDICATORS, periodByKey } from '../../../../shared/domain/assessment';
import type { Notice } from '../../../../shared/domain/notice/notice';
import { prefilledEntries } from '../../../../shared/services/assessment';
import type { ServiceDeps } from '../../../../shared/services/deps';
import { putNewNotice } from '../../../../shared/store/notices-repo';
import type { Store } from '../../../../shared/store/store';
import { transactWrite } from '../../../../shared/store/transact';
import { noticeDraft } from '../../../support/notice-fixtures';
import { putTestOrg, testOrg } from '../../../support/registry-fixtures';
import { createTestStore } from '../../../support/store';

// Prefilled values (A9) match the system's records: the registry's terms and the notices with their objections.
let store: Store;
const deps = () => ({ store }) as unknown as ServiceDeps;
const indicator = (key: string) => DEFAULT_INDICATORS.filter((i) => i.key === key);

async function putNotice(orgId: string, publishedAt: string, objectionCount: number, status: Notice['status'], result?: Notice['result']): Promise<void> {
  const notice = {
    ...noticeDraft({ orgId }), status, publishedAt, endsAt: '2026-02-10T23:59:59+08:00', endsAtMs: Date.parse('2026-02-10T15:59:59Z'), provisional: false, objectionCount, ...(result ? { result } : {}),
  } as Notice;
  await transactWrite(store, putNewNotice(store, notice));
}

beforeAll(async () => {
  store = await createTestStore();
  await putTestOrg(store, testOrg({ id: 'c1', kind: 'committee', name: '机关党委' }));
  await putTestOrg(store, testOrg({ id: 'b1', kind: 'branch', parentId: 'c1', name: '办公室党支部', termStart: '2024-10-01', termEnd: '2027-09-30' }));
  await putTestOrg(store, testOrg({ id: 'b2', kind: 'branch', parentId: 'c1', name: '财务处党支部', termStart: '2021-06-01', termEnd: '2024-05-31' }));
  await putNotice('b1', '2026-02-02T01:00:00.000Z', 1, 'closed', 'proceed');
  await putNotice('b1', '2026-02-03T01:00:00.000Z', 0, 'closed', 'proceed');
  await putNotice('b2', '2026-03-30T01:00:00.000Z', 2, 'open');
  await putNotice('b2', '2026-04-01T01:00:00.000Z', 1, 'open'); // the next quarter: not counted
}, 60_000);

test('election on time: a term running past the period is done; a term ended without an election is not', async () => {
  const period = periodByKey('2026-Y');
  const [office] = await prefilledEntries(deps(), 'b1', period, indicator('I06'));
  expect(office).toMatchObject({ value: 'done', text: '本届任期至 2027-09-30，期内未到换届时间。', prefillSource: '换届选举按期完成（换届选举记录）' });
  // b2's term ended in 2024 and no election is completed: not done.
  const [finance] = await prefilledEntries(deps(), 'b2', period, indicator('I06'));
  expect(finance).toMatchObject({ value: 'not-done', text: '本届任期已于 2024-05-31 届满，尚未完成换届选举。' });
});

test('objections handled: counted over the period\'s notices only; one still open is not handled', async () => {
  const q1 = periodByKey('2026-Q1');
  const [office] = await prefilledEntries(deps(), 'b1', q1, indicator('I14'));
  expect(office).toMatchObject({ value: 'done', text: '2026年第一季度发布公示 2 件，收到异议的 1 件，均已处理完毕。', prefillSource: '公示异议均已处理（公示记录）' });
  const [finance] = await prefilledEntries(deps(), 'b2', q1, indicator('I14'));
  expect(finance).toMatchObject({ value: 'not-done', text: '2026年第一季度发布公示 1 件，收到异议的 1 件，尚有 1 件未处理完毕。' });
});

test('development on time: no open case, nothing overdue; an indicator without a source is left empty', async () => {
  const h1 = periodByKey('2026-H1');
  const [development, plain] = await prefilledEntries(deps(), 'b1', h1, [...indicator('I05'), ...indicator('I09')]);
  expect(development).toMatchObject({ text: '截至2026年上半年末，本组织在办发展党员 0 人，各步骤均按期办理。', prefillSource: '发展党员各步骤按期办理（发展党员全程纪实）' });
  expect(plain).toEqual({ indicatorKey: 'I09', text: '', evidence: [] });
});
