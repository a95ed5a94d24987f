import { DEFAULT_INDICATORS, DEFAULT_SETTINGS, DEFAULT_ADJUSTMENTS, type AssessmentReport, type Scheme } from '../../../shared/domain/assessment';
import type { Actor } from '../../../shared/services/actor';
import { assessmentExecutionName, openDueAssessmentPeriods, reviewAssessmentReport, submitAssessmentReport } from '../../../shared/services/assessment';
import { putAccount } from '../../../shared/store/accounts-repo';
import { getReport, putNewScheme } from '../../../shared/store/assessment-repo';
import { transactWrite } from '../../../shared/store/transact';
import { startTestRuntime, type TestRuntime } from '../../support/local-runtime';
import { putTestOrg, testOrg } from '../../support/registry-fixtures';

export const committeeStaff: Actor = { id: 'zuzhiyuan', displayName: '李组织员', role: 'committee-staff', orgId: 'committee-1', scopeOrgIds: ['committee-1', 'branch-1', 'branch-2'] };
export const branchStaff = (orgId: string): Actor => ({ id: `staff-${orgId}`, displayName: `${orgId === 'branch-1' ? '钱' : '孙'}组织委员`, role: 'branch-staff', orgId, scopeOrgIds: [orgId] });

/** The monthly indicators of the default scheme: 三会一课 (per count, 2 a time, max 6), 主题党日 (done, 4), 理论学习 (per count, 3 a time, max 6). */
export const MONTHLY = DEFAULT_INDICATORS.filter((i) => i.frequency === 'monthly');

/** 机关党委 assessing two branches under a published scheme of the monthly indicators (version 1, from January). */
export async function startAssessmentRuntime(start = '2025-12-31T16:00:00.000Z'): Promise<TestRuntime> {
  const runtime = await startTestRuntime(start);
  await putTestOrg(runtime.store, testOrg({ id: 'committee-1', kind: 'committee', name: '机关党委' }));
  await putTestOrg(runtime.store, testOrg({ id: 'branch-1', kind: 'branch', parentId: 'committee-1', name: '办公室党支部' }));
  await putTestOrg(runtime.store, testOrg({ id: 'branch-2', kind: 'branch', parentId: 'committee-1', name: '财务处党支部' }));
  await putAccount(runtime.store, { username: 'staff-branch-1', passwordHash: 'x', role: 'branch-staff', orgId: 'branch-1', email: 'qian@example.org', displayName: '钱组织委员' });
  const scheme: Scheme = {
    committeeId: 'committee-1', year: 2026, version: 1, status: 'published', appliesFrom: '2026-M01',
    indicators: MONTHLY, adjustments: DEFAULT_ADJUSTMENTS, settings: DEFAULT_SETTINGS,
  };
  await transactWrite(runtime.store, [putNewScheme(runtime.store, scheme)]);
  return runtime;
}

export const executionArnOf = (periodKey: string, orgId: string) =>
  `arn:aws:states:local:000000000000:execution:assessment:${assessmentExecutionName('committee-1', periodKey, orgId)}`;

/** A complete report of the monthly indicators. */
export function reportForm(meetings = '3'): Record<string, string> {
  return {
    value_I01: meetings, text_I01: '1月8日支委会、1月15日党员大会、1月22日党课', evidence_I01: '会议记录.pdf\n签到表.jpg',
    value_I02: 'done', text_I02: '1月20日主题党日：学习全会精神，到会 12 人',
    value_I10: '2', text_I10: '集中学习 2 次',
  };
}

/** Drives one organization's period through the services, as the report and review pages would. */
export class AssessmentDriver {
  constructor(readonly runtime: TestRuntime, readonly orgId: string, readonly periodKey = '2026-M01') {}

  get request() {
    return { committeeId: 'committee-1', periodKey: this.periodKey, orgId: this.orgId };
  }

  async state(): Promise<string | undefined> {
    const execution = await this.runtime.stepFunctions.describeExecution(executionArnOf(this.periodKey, this.orgId));
    return execution.status === 'RUNNING' ? execution.currentState : execution.status;
  }

  async report(): Promise<AssessmentReport> {
    return (await getReport(this.runtime.store, 'committee-1', this.periodKey, this.orgId))!;
  }

  async submit(form = reportForm()) {
    const report = await submitAssessmentReport(this.runtime.deps, branchStaff(this.orgId), this.request, form);
    await this.runtime.stepFunctions.settled();
    return report;
  }

  async review(form: Record<string, string>) {
    const report = await reviewAssessmentReport(this.runtime.deps, committeeStaff, this.request, form);
    await this.runtime.stepFunctions.settled();
    return report;
  }
}

/** The scheduler's tick, as far as the assessment goes, then every execution to rest. */
export async function tick(runtime: TestRuntime): Promise<string[]> {
  const opened = await openDueAssessmentPeriods(runtime.deps);
  await runtime.stepFunctions.settled();
  return opened;
}
