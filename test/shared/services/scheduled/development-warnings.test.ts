import { randomBytes } from 'node:crypto';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { ManualClock } from '../../../../infra/local/manual-clock';
import type { WarningCase } from '../../../../shared/domain/development/warnings';
import type { ServiceDeps } from '../../../../shared/services/deps';
import { mailDevelopmentWarnings, warningMarkerKey } from '../../../../shared/services/scheduled/development-warnings';
import { listAudit } from '../../../../shared/store/audit';
import { addAccount } from '../../../functions/http/support/test-deps';
import { RecordingMailer } from '../../../support/notice-fixtures';
import { putTestOrg, testOrg } from '../../../support/registry-fixtures';
import { createTestStore } from '../../../support/store';

let deps: ServiceDeps & { clock: ManualClock; mailer: RecordingMailer };

beforeEach(async () => {
  const store = await createTestStore();
  await putTestOrg(store, testOrg({ id: 'c1', kind: 'committee', name: '数据局机关党委' }));
  await putTestOrg(store, testOrg({ id: 'b1', kind: 'branch', parentId: 'c1', name: '办公室党支部' }));
  await putTestOrg(store, testOrg({ id: 'b2', kind: 'branch', parentId: 'c1', name: '业务一处党支部' }));
  await addAccount(store, { username: 'li', password: 'x', orgId: 'b1', email: 'li@example.org' });
  await addAccount(store, { username: 'wang', password: 'x', role: 'committee-staff', orgId: 'c1', email: 'wang@example.org' });
  await addAccount(store, { username: 'zhao', password: 'x', orgId: 'b2', email: 'zhao@example.org' });
  await addAccount(store, { username: 'admin', password: 'x', role: 'admin', orgId: 'c1', email: 'admin@example.org' });
  const never = async () => {
    throw new Error('no workflow here');
  };
  deps = {
    store,
    clock: new ManualClock('2026-03-30T01:00:00.000Z'), // 2026-03-30 in China
    mailer: new RecordingMailer(),
    workflow: { startExecution: never, sendTaskSuccess: never, sendTaskFailure: never, stopExecution: never, executionArnOf: () => 'unused' },
    newId: () => randomBytes(9).toString('base64url'),
    publicBaseUrl: 'https://dangjian.example.cn',
  };
});

// Application 2026-03-10: the talk is due 2026-04-10, due soon from 2026-03-27, overdue from 2026-04-11.
const zhang: WarningCase = { caseId: 'case-zhang', personName: '张三', orgId: 'b1', stage: 1, dates: { applicationDate: '2026-03-10' } };

test('a due-soon warning is mailed once to the branch and committee staff, with the link; the file records it', async () => {
  expect((await mailDevelopmentWarnings(deps, [zhang])).map((i) => i.level)).toEqual(['due-soon']);
  expect(await mailDevelopmentWarnings(deps, [zhang])).toEqual([]); // the next tick: nothing new
  deps.clock.set(new Date('2026-04-05T01:00:00.000Z'));
  expect(await mailDevelopmentWarnings(deps, [zhang])).toEqual([]); // still due soon: already told
  expect(deps.mailer.sent).toHaveLength(1);
  const [mail] = deps.mailer.sent;
  expect(mail.to.sort()).toEqual(['li@example.org', 'wang@example.org']); // not the other branch, not the administrator
  expect(mail.subject).toBe('【发展党员预警】张三：谈话即将到期');
  expect(mail.text).toContain('张三：应在 2026-04-10 前与入党申请人谈话（还有 11 天）');
  expect(mail.text).toContain('https://dangjian.example.cn/staff/cases/case-zhang');
  const audit = await listAudit(deps.store, 'CASE#case-zhang');
  expect(audit).toEqual([expect.objectContaining({ action: 'case.warning-sent', actor: 'system', details: { kind: 'talk-due', dueDate: '2026-04-10', level: 'due-soon' } })]);
});

test('the next level is mailed once more: overdue after the due date', async () => {
  await mailDevelopmentWarnings(deps, [zhang]);
  deps.clock.set(new Date('2026-04-11T01:00:00.000Z'));
  expect((await mailDevelopmentWarnings(deps, [zhang])).map((i) => i.level)).toEqual(['overdue']);
  deps.clock.set(new Date('2026-04-20T01:00:00.000Z'));
  expect(await mailDevelopmentWarnings(deps, [zhang])).toEqual([]);
  expect(deps.mailer.sent.map((m) => m.subject)).toEqual(['【发展党员预警】张三：谈话即将到期', '【发展党员预警】张三：谈话已逾期']);
});

test('two scheduler runs at once send one mail: the marker is a conditional put', async () => {
  const results = await Promise.all([mailDevelopmentWarnings(deps, [zhang]), mailDevelopmentWarnings(deps, [zhang])]);
  expect(results.flat()).toHaveLength(1);
  expect(deps.mailer.sent).toHaveLength(1);
  const marker = await deps.store.doc.send(new GetCommand({ TableName: deps.store.tableName, Key: warningMarkerKey({ caseId: 'case-zhang', kind: 'talk-due', dueDate: '2026-04-10', level: 'due-soon' }) }));
  expect(marker.Item).toMatchObject({ type: 'development-warning' });
});

test('nothing due, a closed case, or nobody to tell: no mail and no marker', async () => {
  const later: WarningCase = { ...zhang, caseId: 'case-later', dates: { applicationDate: '2026-03-29' } }; // due 2026-04-29
  const closed: WarningCase = { ...zhang, caseId: 'case-closed', dates: { applicationDate: '2026-01-05', closedDate: '2026-02-01' } };
  expect(await mailDevelopmentWarnings(deps, [later, closed])).toEqual([]);
  await putTestOrg(deps.store, testOrg({ id: 'lonely', kind: 'branch', name: '无人支部' }));
  const unstaffed: WarningCase = { ...zhang, caseId: 'case-lonely', orgId: 'lonely' };
  expect(await mailDevelopmentWarnings(deps, [unstaffed])).toEqual([]);
  expect(await listAudit(deps.store, 'CASE#case-lonely')).toEqual([]);
  expect(deps.mailer.sent).toEqual([]);
});

test('an admission approval: due soon is mailed here, overdue is left to the reminders that enforce it (no second mail)', async () => {
  const admitted: WarningCase = {
    caseId: 'case-admit', personName: '李四', orgId: 'b1', stage: 4,
    dates: { applicationDate: '2024-01-05', talkDate: '2024-01-10', activistDate: '2024-03-01', targetDate: '2025-03-01', admissionMeetingDate: '2026-01-05' },
  };
  expect((await mailDevelopmentWarnings(deps, [admitted])).map((i) => [i.kind, i.level])).toEqual([['admission-approval-due', 'due-soon']]); // due 2026-04-05
  deps.clock.set(new Date('2026-04-10T01:00:00.000Z'));
  expect(await mailDevelopmentWarnings(deps, [admitted])).toEqual([]);
  expect(deps.mailer.sent.map((m) => m.subject)).toEqual(['【发展党员预警】李四：接收预备党员审批即将到期']);
});

test('the cultivation year: due soon is mailed here; reached is left to the stage-start reminder (no second mail)', async () => {
  const activist: WarningCase = {
    caseId: 'case-activist', personName: '王五', orgId: 'b1', stage: 2,
    dates: { applicationDate: '2025-03-01', talkDate: '2025-03-10', activistDate: '2025-04-10', evaluationDates: ['2025-10-09'] },
  };
  deps.clock.set(new Date('2026-04-01T01:00:00.000Z')); // the year is reached on 2026-04-10
  const cultivation = (items: { kind: string; level: string }[]) => items.filter((i) => i.kind === 'cultivation-reached').map((i) => i.level);
  expect(cultivation(await mailDevelopmentWarnings(deps, [activist]))).toEqual(['due-soon']);
  deps.clock.set(new Date('2026-04-12T01:00:00.000Z'));
  expect(cultivation(await mailDevelopmentWarnings(deps, [activist]))).toEqual([]);
  expect(deps.mailer.sent.filter((m) => m.subject.includes('培养满一年'))).toHaveLength(1);
});
