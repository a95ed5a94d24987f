import { approvalLinkIn } from '../../../scripts/bench/election-forms';
import { evaluationExecutionName } from '../../../shared/domain/evaluation/evaluation';
import type { Grade } from '../../../shared/domain/evaluation/grades';
import type { Actor } from '../../../shared/services/actor';
import { decideByLink } from '../../../shared/services/approval';
import { createEvaluation, getEvaluationFile, issueRaterCodes, submitEvaluationStep, submitRating } from '../../../shared/services/evaluation';
import { putAccount } from '../../../shared/store/accounts-repo';
import { startTestRuntime, type TestRuntime } from '../../support/local-runtime';
import { putTestOrg, putTestPerson, testOrg, testPerson } from '../../support/registry-fixtures';

/** Nine full members who vote, 孙燕 probationary, 赵磊 full but abroad (excluded): 10 evaluated, 9 should attend. */
export const FULL = ['张伟', '王芳', '李娜', '刘洋', '陈静', '杨帆', '黄敏', '周杰', '吴丽'];

export const branchStaff: Actor = { id: 'zuzhi-1', displayName: '钱组织委员', role: 'branch-staff', orgId: 'branch-1', scopeOrgIds: ['branch-1'] };

/** 机关党委 (approving; its secretary decides by e-mail link) › 办公室党支部. Answers person ids by name. */
export async function seedEvaluationRegistry(runtime: TestRuntime): Promise<Map<string, string>> {
  const secretary = await putTestPerson(runtime.store, testPerson({ orgId: 'committee-1', name: '赵书记', email: 'zhao@example.org' }));
  await putTestOrg(runtime.store, testOrg({ id: 'committee-1', kind: 'committee', name: '机关党委', committee: [{ personId: secretary.id, name: '赵书记', post: 'secretary' }] }));
  await putTestOrg(runtime.store, testOrg({ id: 'branch-1', kind: 'branch', parentId: 'committee-1', name: '办公室党支部' }));
  const ids = new Map<string, string>();
  for (const name of FULL) ids.set(name, (await putTestPerson(runtime.store, testPerson({ orgId: 'branch-1', name }))).id);
  ids.set('孙燕', (await putTestPerson(runtime.store, testPerson({ orgId: 'branch-1', name: '孙燕', status: 'probationary' }))).id);
  ids.set('赵磊', (await putTestPerson(runtime.store, testPerson({ orgId: 'branch-1', name: '赵磊', exclusions: [{ reason: 'abroad', from: '2026-06-01' }] }))).id);
  await putAccount(runtime.store, { username: 'zuzhi-1', passwordHash: 'x', role: 'branch-staff', orgId: 'branch-1', email: 'zuzhi@example.org', displayName: '钱组织委员' });
  return ids;
}

export const executionArnOf = (evaluationId: string) => `arn:aws:states:local:000000000000:execution:evaluation:${evaluationExecutionName(evaluationId)}`;

/** Drives one evaluation through the services, as the staff pages, the raters' page and the approver's link would. */
export class EvaluationDriver {
  constructor(readonly runtime: TestRuntime, readonly evaluationId: string, readonly ids: Map<string, string>) {}

  /** A runtime on Monday 2026-12-07 (09:00 China time) with the registry seeded and the 2026 evaluation started. */
  static async start(runtime: TestRuntime): Promise<EvaluationDriver> {
    const ids = await seedEvaluationRegistry(runtime);
    const evaluation = await createEvaluation(runtime.deps, branchStaff, { orgId: 'branch-1', year: '2026', date: '2026-12-07' });
    await runtime.stepFunctions.settled();
    return new EvaluationDriver(runtime, evaluation.id, ids);
  }

  id(name: string): string {
    const id = this.ids.get(name);
    if (!id) throw new Error(`no person ${name}`);
    return id;
  }

  async state(): Promise<string | undefined> {
    const execution = await this.runtime.stepFunctions.describeExecution(executionArnOf(this.evaluationId));
    return execution.status === 'RUNNING' ? execution.currentState : execution.status;
  }

  async file() {
    return getEvaluationFile(this.runtime.deps, branchStaff, this.evaluationId);
  }

  async submit(stepKey: string, form: Record<string, unknown>) {
    const outcome = await submitEvaluationStep(this.runtime.deps, branchStaff, this.evaluationId, stepKey, form);
    await this.runtime.stepFunctions.settled();
    return outcome;
  }

  async codes(count: number): Promise<string[]> {
    return (await issueRaterCodes(this.runtime.deps, branchStaff, this.evaluationId, { count: String(count) })).map((c) => c.code);
  }

  /** One rater's sheet: `grades` by name, 合格 for everyone else. */
  async rate(code: string, grades: Record<string, Grade> = {}): Promise<void> {
    const form: Record<string, string> = {};
    for (const member of (await this.file()).evaluation.evaluated) form[`grade.${member.personId}`] = grades[member.name] ?? 'qualified';
    await submitRating(this.runtime.deps, code, form);
  }

  /** A proposal form: `grades` by name (合格 for everyone else), `reasons` by name. */
  proposalForm(grades: Record<string, Grade>, reasons: Record<string, string> = {}): Record<string, string> {
    const form: Record<string, string> = {};
    for (const [name, id] of this.ids) {
      if (name === '赵磊') continue;
      form[`grade.${id}`] = grades[name] ?? 'qualified';
      if (reasons[name]) form[`reason.${id}`] = reasons[name];
    }
    return form;
  }

  /** The approver decides through the link in the latest approval e-mail. */
  async decide(outcome: 'approved' | 'rejected', meetingDate = '2026-12-08'): Promise<void> {
    const link = approvalLinkIn(this.runtime.mailer.sent, 'zhao@example.org', (subject) => subject.startsWith('【审批】'));
    await decideByLink(this.runtime.deps, link, { outcome, meetingDate, comment: outcome === 'approved' ? '同意' : '请重新评定' }, { ip: '203.0.113.7', userAgent: 'test' });
    await this.runtime.stepFunctions.settled();
  }

  /** Steps 1–3 with nine members rating online: 张伟, 王芳, 李娜 优秀 by most; 孙燕 基本合格 by most. */
  async throughRating(): Promise<string[]> {
    await this.submit('plan', { studyDate: '2026-12-07', planNotes: '结合组织生活会开展民主评议' });
    await this.submit('self-evaluation', { confirmMissing: 'on' });
    const codes = await this.codes(12);
    for (const code of codes.slice(0, 9)) await this.rate(code, { 张伟: 'excellent', 王芳: 'excellent', 李娜: 'excellent', 孙燕: 'basic' });
    await this.submit('rating', {});
    return codes;
  }

  /** The general meeting: 9 should attend, 8 present, 8 yes. */
  async meeting(present = 8, yes = 8) {
    return this.submit('meeting', { meetingDate: '2026-12-08', present: String(present), yes: String(yes) });
  }
}

export async function startEvaluationRuntime(): Promise<TestRuntime> {
  return startTestRuntime('2026-12-07T01:00:00.000Z');
}
