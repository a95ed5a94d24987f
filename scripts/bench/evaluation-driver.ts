import type { ManualClock } from '../../infra/local/clock';
import type { LocalRuntime } from '../../infra/local/runtime';
import { chinaDate } from '../../shared/domain/calendar';
import { decideByLink, viewApprovalLink } from '../../shared/services/approval';
import { createEvaluationsForAll, getEvaluationFile, issueRaterCodes, submitEvaluationStep, submitRating } from '../../shared/services/evaluation';
import { getEvaluation } from '../../shared/store/evaluations-repo';
import { getNotice } from '../../shared/store/notices-repo';
import type { MemoryMailer } from './drafts';
import { approvalLinkIn } from './election-forms';
import { EVALUATION_APPROVER_EMAIL, EVALUATION_COMMITTEE_ID, MEMBERS_PER_BRANCH, type EvaluationBranch, type EvaluationWorld } from './evaluation-world';
import { mapLimit } from './stats';

const client = { ip: '203.0.113.7', userAgent: 'bench' };

/** The dates of the path, each at 10:00 China time (2026-12-07 is a Monday). */
const DAYS = { start: '2026-12-07', rating: '2026-12-09', meeting: '2026-12-10', decision: '2026-12-11' } as const;
export const EVALUATION_START = `${DAYS.start}T02:00:00.000Z`;

/**
 * Takes every branch's evaluation of 2026 through the services the pages call, on a hand-moved clock: committee staff
 * start all evaluations at once; each branch records its plan and closes the self-evaluations; it issues one code per
 * member and every member rates online (`raters` submissions in flight across all branches, each timed); then the
 * rating is closed, the proposal made (the rating majority: three 优秀, the rest 合格), the general meeting adopts it,
 * the higher committee approves from the mailed link, the notice runs out and the grades are recorded (no follow-up).
 */
export class EvaluationsDriver {
  evaluationIds: string[] = [];
  httpRequests = 0;
  /** Each online rating submission's latency, ms. */
  ratingMs: number[] = [];

  constructor(
    private readonly runtime: LocalRuntime,
    private readonly clock: ManualClock,
    private readonly mailer: MemoryMailer,
    private readonly world: EvaluationWorld,
    private readonly clients: number,
    private readonly raters: number,
    private readonly progress: (line: string) => void = () => {},
  ) {}

  private today = () => chinaDate(this.clock.now());

  private async each<R>(fn: (branch: EvaluationBranch, evaluationId: string) => Promise<R>): Promise<R[]> {
    const results = await mapLimit(this.world.branches, this.clients, async (branch, index) => {
      this.httpRequests += 1;
      return fn(branch, this.evaluationIds[index]);
    });
    await this.runtime.stepFunctions.settled();
    return results;
  }

  private async on(day: string) {
    this.clock.set(new Date(`${day}T02:00:00.000Z`));
    await this.runtime.stepFunctions.settled();
  }

  private submit(stepKey: string, form: (evaluationId: string) => Promise<Record<string, unknown>> | Record<string, unknown>) {
    return this.each(async (branch, evaluationId) => submitEvaluationStep(this.runtime.deps, branch.staff, evaluationId, stepKey, await form(evaluationId)));
  }

  private async members(evaluationId: string) {
    return (await getEvaluation(this.runtime.deps.store, evaluationId))!.evaluated;
  }

  /** Every member of every branch rates with their code: `raters` submissions in flight at once, each timed. */
  private async rateAll(codes: string[][]) {
    const sheets = await Promise.all(this.evaluationIds.map(async (id) => {
      const form: Record<string, string> = {};
      (await this.members(id)).forEach((m, i) => (form[`grade.${m.personId}`] = i < 3 ? 'excellent' : 'qualified'));
      return form;
    }));
    const jobs = codes.flatMap((list, b) => list.map((code) => ({ code, form: sheets[b] })));
    // Interleave the branches, as raters of many branches rate at once.
    jobs.sort((x, y) => x.code.localeCompare(y.code));
    await mapLimit(jobs, this.raters, async ({ code, form }) => {
      this.httpRequests += 1;
      const t0 = performance.now();
      await submitRating(this.runtime.deps, code, form);
      this.ratingMs.push(performance.now() - t0);
    });
    await this.runtime.stepFunctions.settled();
  }

  async allEvaluations(): Promise<void> {
    await this.on(DAYS.start);
    this.httpRequests += 1;
    const { started } = await createEvaluationsForAll(this.runtime.deps, this.world.committeeStaff, { orgId: EVALUATION_COMMITTEE_ID, year: '2026', date: DAYS.start });
    const byOrg = new Map(started.map((e) => [e.orgId, e.id]));
    this.evaluationIds = this.world.branches.map((b) => byOrg.get(b.orgId)!);
    await this.runtime.stepFunctions.settled();
    await this.submit('plan', () => ({ studyDate: this.today(), planNotes: '结合组织生活会开展民主评议，全体党员参加。' }));
    await this.submit('self-evaluation', () => ({ confirmMissing: 'on' }));

    this.progress('evaluations: started, plans and self-evaluations recorded; issuing codes…');
    await this.on(DAYS.rating);
    const codes = await this.each(async (branch, evaluationId) => (await issueRaterCodes(this.runtime.deps, branch.staff, evaluationId, { count: String(MEMBERS_PER_BRANCH) })).map((c) => c.code));
    this.progress(`evaluations: ${codes.flat().length} codes issued; rating…`);
    await this.rateAll(codes);
    this.progress('evaluations: rated; proposal, meeting, approval, publication…');
    await this.submit('rating', () => ({}));
    await this.submit('proposal', async (evaluationId) => {
      const form: Record<string, string> = {};
      (await this.members(evaluationId)).forEach((m, i) => (form[`grade.${m.personId}`] = i < 3 ? 'excellent' : 'qualified'));
      return form;
    });
    await this.on(DAYS.meeting);
    await this.submit('meeting', () => ({ meetingDate: this.today(), present: String(MEMBERS_PER_BRANCH - 2), yes: String(MEMBERS_PER_BRANCH - 2) }));

    await this.on(DAYS.decision);
    const links = new Map(this.world.branches.map((b) => [b.orgId, approvalLinkIn(this.mailer.sent, EVALUATION_APPROVER_EMAIL, (s) => s === `【审批】${b.orgName}2026年度民主评议党员定档结果`)]));
    await this.each(async (branch) => {
      this.httpRequests += 1;
      const link = links.get(branch.orgId)!;
      await viewApprovalLink(this.runtime.deps, link);
      await decideByLink(this.runtime.deps, link, { outcome: 'approved', meetingDate: this.today(), comment: '同意' }, client);
    });
    // The publication period runs out: the grades are recorded and, with no follow-up, the evaluations end.
    const ends = await Promise.all(this.evaluationIds.map(async (id) => (await getNotice(this.runtime.deps.store, (await getEvaluation(this.runtime.deps.store, id))!.noticeId!))!.endsAtMs));
    this.clock.set(new Date(Math.max(...ends) + 1000));
    await this.runtime.stepFunctions.settled();
    await this.each((_branch, evaluationId) => getEvaluationFile(this.runtime.deps, this.world.committeeStaff, evaluationId));
  }
}
