import { announcementForm, approvalLinkIn, summaryRound } from '../../../scripts/bench/election-forms';
import type { Actor } from '../../../shared/services/actor';
import { decideByLink } from '../../../shared/services/approval';
import { createElection, getElectionFile, recordRound, setOfficerCandidates, submitElectionStep } from '../../../shared/services/election';
import { putAccount } from '../../../shared/store/accounts-repo';
import { chinaDate } from '../../../shared/domain/calendar';
import { electionExecutionName } from '../../../shared/domain/election/election';
import { startTestRuntime, type TestRuntime } from '../../support/local-runtime';
import { putTestOrg, putTestPerson, testOrg, testPerson } from '../../support/registry-fixtures';

// The forms staff fill in, shared with the simulation and the benchmark (12 voters here).
export { announcementForm, recommendationForm } from '../../../scripts/bench/election-forms';

/** The branch's twelve full members (all voting, none excluded): should attend 12. */
export const MEMBERS = ['张伟', '王芳', '李娜', '刘洋', '陈静', '杨帆', '赵磊', '黄敏', '周杰', '吴丽', '徐强', '孙燕'];

export const branchStaff: Actor = { id: 'zuzhi-1', displayName: '钱组织委员', role: 'branch-staff', orgId: 'branch-1', scopeOrgIds: ['branch-1'] };

/** 机关党委 (approving, its secretary decides by e-mail link) › 办公室党支部 with twelve members and staff. */
export async function seedElectionRegistry(runtime: TestRuntime): Promise<void> {
  const secretary = await putTestPerson(runtime.store, testPerson({ orgId: 'committee-1', name: '赵书记', email: 'zhao@example.org' }));
  await putTestOrg(runtime.store, testOrg({ id: 'committee-1', kind: 'committee', name: '机关党委', committee: [{ personId: secretary.id, name: '赵书记', post: 'secretary' }] }));
  await putTestOrg(runtime.store, testOrg({
    id: 'branch-1', kind: 'branch', parentId: 'committee-1', name: '办公室党支部',
    committee: [{ name: '张伟', post: 'secretary' }], termStart: '2023-10-01', termEnd: '2026-09-30',
  }));
  for (const name of MEMBERS) await putTestPerson(runtime.store, testPerson({ orgId: 'branch-1', name }));
  await putAccount(runtime.store, { username: 'zuzhi-1', passwordHash: 'x', role: 'branch-staff', orgId: 'branch-1', email: 'zuzhi@example.org', displayName: '钱组织委员' });
}

/** A test runtime on Wednesday 2026-09-23 (China time 09:00) with the election registry seeded. */
export async function startElectionRuntime(): Promise<TestRuntime> {
  const runtime = await startTestRuntime('2026-09-23T01:00:00.000Z');
  await seedElectionRegistry(runtime);
  return runtime;
}

/** The planned general meeting of the request: the day the tests reach the rounds (a round may not be dated earlier). */
export const PLANNED_MEETING = '2026-09-30';

export const executionArnOf = (electionId: string) => `arn:aws:states:local:000000000000:execution:election:${electionExecutionName(electionId)}`;

/** Drives one election through the services, as the staff pages and the approver's link would. */
export class ElectionDriver {
  constructor(readonly runtime: TestRuntime, readonly electionId: string) {}

  static async create(runtime: TestRuntime, form: 'gongtui' | 'haixuan' | 'standard', seats = 3, deputies = 1, extra: Record<string, string> = {}): Promise<ElectionDriver> {
    const election = await createElection(runtime.deps, branchStaff, {
      orgId: 'branch-1', form, seats: String(seats), deputies: String(deputies), meetingDate: PLANNED_MEETING,
      structure: '委员 3 名：书记、副书记、组织委员', method: '差额选举，无记名投票', ...extra,
    });
    await runtime.stepFunctions.settled();
    return new ElectionDriver(runtime, election.id);
  }

  async state(): Promise<string | undefined> {
    const execution = await this.runtime.stepFunctions.describeExecution(executionArnOf(this.electionId));
    return execution.status === 'RUNNING' ? execution.currentState : execution.status;
  }

  async execution() {
    return this.runtime.stepFunctions.describeExecution(executionArnOf(this.electionId));
  }

  async file() {
    return getElectionFile(this.runtime.deps, branchStaff, this.electionId);
  }

  /** The approver decides through the link in the latest approval e-mail. */
  async decide(outcome: 'approved' | 'rejected'): Promise<void> {
    const link = approvalLinkIn(this.runtime.mailer.sent, 'zhao@example.org', (subject) => subject.startsWith('【审批】'));
    await decideByLink(this.runtime.deps, link, { outcome, meetingDate: '2026-10-01', comment: outcome === 'approved' ? '同意' : '请重新推荐' }, { ip: '203.0.113.7', userAgent: 'test' });
    await this.runtime.stepFunctions.settled();
  }

  async submit(stepKey: string, form: Record<string, unknown>) {
    const outcome = await submitElectionStep(this.runtime.deps, branchStaff, this.electionId, stepKey, form);
    await this.runtime.stepFunctions.settled();
    return outcome;
  }

  /** The candidates of the secretary's or deputy's ballot, entered before it is printed. */
  async officerCandidates(form: { contest?: 'secretary' | 'deputy'; candidates: string[] }) {
    return setOfficerCandidates(this.runtime.deps, branchStaff, this.electionId, form);
  }

  /** A round entered as the counters' summary; 12 should attend, all present, 12 ballots issued and returned. */
  async round(votes: Record<string, number>, extra: Record<string, unknown> = {}) {
    const roundNo = (await this.file()).election.roundCount + 1;
    return this.roundNo(roundNo, votes, extra);
  }

  /** A round entered for round `roundNo` (the number the page shows), held today. */
  async roundNo(roundNo: number, votes: Record<string, number>, extra: Record<string, unknown> = {}) {
    const meetingDate = chinaDate(this.runtime.clock.now());
    const round = await recordRound(this.runtime.deps, branchStaff, this.electionId, summaryRound(12, roundNo, votes, { meetingDate, ...extra }));
    await this.runtime.stepFunctions.settled();
    return round;
  }

  /** Step 1 to 2: request approved, announcement, mobilization, evaluation (孙燕 rated 不称职 by 5 of 12). */
  async throughEvaluation(): Promise<void> {
    await this.decide('approved');
    await this.submit('announcement', announcementForm());
    await this.submit('mobilization', { meetingDate: '2026-09-25', attendees: '12', notes: '传达换届选举工作安排' });
    await this.submit('evaluation', {
      meetingDate: '2026-09-28', raters: '12', teamGood: '8', teamFairlyGood: '3', teamAverage: '1', teamPoor: '0',
      personRatings: '张伟 8 4 0 0\n孙燕 2 3 2 5\n王芳 4 4 0 4',
    });
  }
}
