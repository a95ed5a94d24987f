import type { ManualClock } from '../../infra/local/clock';
import type { LocalRuntime } from '../../infra/local/runtime';
import { chinaDate } from '../../shared/domain/calendar';
import type { NoticeNode } from '../../shared/domain/development/rule-set';
import type { StageNo } from '../../shared/domain/development/steps';
import type { Actor } from '../../shared/services/actor';
import { decideByLink, viewApprovalLink } from '../../shared/services/approval';
import { acknowledgeFiling, caseNoticeId, getCaseFile, openCase, recordPeriodStep, startStage, submitStepForm, viewFilingLink } from '../../shared/services/development';
import { getCase } from '../../shared/store/cases-repo';
import { getNotice } from '../../shared/store/notices-repo';
import type { MemoryMailer } from './drafts';
import { BENCH_APPROVER_EMAIL, benchBranchStaff as branch, benchCommitteeStaff as committee, type BenchWorld } from './development-world';
import { mapLimit } from './stats';

const client = { ip: '203.0.113.7', userAgent: 'bench' };

/**
 * Takes every applicant of the world from application to full membership through the services the pages call,
 * on a hand-moved clock: all cases take each step (`clients` requests in flight), then time jumps to the next date.
 * Counts the HTTP requests staff and approvers would have sent.
 */
export class DevelopmentDriver {
  caseIds: string[] = [];
  httpRequests = 0;

  constructor(
    private readonly runtime: LocalRuntime,
    private readonly clock: ManualClock,
    private readonly mailer: MemoryMailer,
    private readonly world: BenchWorld,
    private readonly clients: number,
  ) {}

  private today = () => chinaDate(this.clock.now());

  /** One request per case (a staff member's form submission), then the workflows run until they wait again. */
  private async each(fn: (caseId: string, index: number) => Promise<unknown>) {
    await mapLimit(this.caseIds, this.clients, async (caseId, index) => {
      this.httpRequests += 1;
      await fn(caseId, index);
    });
    await this.runtime.stepFunctions.settled();
  }

  private submit(stepKey: string, form: (caseId: string) => Record<string, unknown>, actor: Actor = branch) {
    return this.each((caseId) => submitStepForm(this.runtime.deps, actor, caseId, stepKey, form(caseId)));
  }

  private record(stepKey: string, form: Record<string, unknown>) {
    return this.each((caseId) => recordPeriodStep(this.runtime.deps, branch, caseId, stepKey, form));
  }

  private start(stage: StageNo) {
    return this.each((caseId) => startStage(this.runtime.deps, branch, caseId, stage));
  }

  private async at(instant: string | Date) {
    this.clock.set(new Date(instant));
    await this.runtime.stepFunctions.settled();
  }

  /** Moves the clock past the latest end of the node's notices. */
  private async endNotices(node: NoticeNode) {
    const ends = await Promise.all(this.caseIds.map(async (caseId) => {
      const devCase = await getCase(this.runtime.deps.store, caseId);
      return (await getNotice(this.runtime.deps.store, caseNoticeId(caseId, node, devCase!.attempt)))!.endsAtMs;
    }));
    await this.at(new Date(Math.max(...ends) + 1000));
  }

  /** Each approver opens the mailed link (GET) and decides (POST): two requests per case. */
  private async decideAll(titleOf: (name: string) => string) {
    const links = this.world.applicants.map(({ name }) => {
      const mail = this.mailer.sent.filter((m) => m.to.includes(BENCH_APPROVER_EMAIL) && m.subject === `【审批】${titleOf(name)}`).at(-1);
      const link = /\/approvals\/([A-Za-z0-9_-]{43})/.exec(mail?.text ?? '')?.[1];
      if (!link) throw new Error(`no approval link for ${name}`);
      return link;
    });
    await this.each(async (_caseId, index) => {
      this.httpRequests += 1;
      await viewApprovalLink(this.runtime.deps, links[index]);
      await decideByLink(this.runtime.deps, links[index], { outcome: 'approved', meetingDate: this.today(), comment: '同意' }, client);
    });
  }

  private async acknowledgeFilings() {
    const links = this.mailer.sent.filter((m) => m.subject.startsWith('【备案】')).map((m) => /\/filings\/([A-Za-z0-9_-]{43})/.exec(m.text)?.[1]).filter((l): l is string => !!l);
    await mapLimit(links, this.clients, async (link) => {
      this.httpRequests += 2;
      await viewFilingLink(this.runtime.deps, link);
      await acknowledgeFiling(this.runtime.deps, link);
    });
  }

  async allCases() {
    const { members, applicants } = this.world;
    this.caseIds = await mapLimit(applicants, this.clients, async ({ id }) => {
      this.httpRequests += 1;
      return (await openCase(this.runtime.deps, branch, { personId: id, applicationDate: this.today() })).id;
    });
    await this.runtime.stepFunctions.settled();
    await this.submit('talk', () => ({ talkDate: this.today(), talker: '李组织委员', content: '了解入党动机。' }));
    await this.start(2);
    await this.submit('activistDecision', () => ({ decisionDate: this.today(), memberRecommendations: 3, massRecommendations: 1, decidedBy: 'branch-committee', minutes: '支委会研究同意。' }));
    await this.endNotices('activist');
    await this.submit('contacts', () => ({ assignedDate: this.today(), contactIds: [members[0]] }));
    await this.at('2026-07-03T02:00:00.000Z');
    await this.record('evaluation', { evaluationDate: this.today(), content: '表现良好。' });

    await this.at('2027-01-05T02:00:00.000Z');
    await this.start(3);
    await this.submit('targetDecision', () => ({ decisionDate: this.today(), groupOpinion: '同意', contactsOpinion: '同意', membersOpinion: '同意', minutes: '支委会研究同意。' }));
    await this.endNotices('developmentTarget');
    await this.submit('sponsors', () => ({ assignedDate: this.today(), sponsorIds: members.slice(1, 3) }));
    await this.submit('politicalReview', () => ({ reviewDate: this.today(), result: 'qualified', conclusion: '政治审查合格。' }), committee);
    await this.submit('training', () => ({ startDate: this.today(), endDate: this.today(), days: 3, organizer: '机关党委' }), committee);

    await this.start(4);
    await this.submit('committeeReview', () => ({ reviewDate: this.today(), conclusion: '同意提交预审。' }));
    await this.decideAll((name) => `${name}：发展对象预审`);
    await this.endNotices('admission');
    await this.submit('applicationForm', () => ({ filledDate: this.today() }));
    const meetingDate = this.today();
    const vote = { shouldAttend: 3, exclusions: '无', present: 3, yes: 3, oneAtATime: 'on', discussion: '与会党员一致认为该同志符合条件。' };
    await this.submit('generalMeeting', () => ({ meetingDate, ...vote }));
    await this.submit('interview', () => ({ interviewDate: this.today(), interviewer: '王组织员', content: '谈话情况良好。' }), committee);
    await this.decideAll((name) => `接收${name}为中共预备党员`);
    await this.record('placement', { placedDate: this.today(), partyGroup: '第一党小组' });
    await this.record('oath', { oathDate: this.today(), place: '党员活动室' });
    await this.record('probationEvaluation', { evaluationDate: this.today(), content: '表现良好。' });

    await this.at(`${Number(meetingDate.slice(0, 4)) + 1}${meetingDate.slice(4)}T02:00:00.000Z`);
    await this.start(5);
    await this.submit('conversionApplication', () => ({ applicationDate: this.today() }));
    await this.endNotices('conversion');
    await this.submit('conversionMeeting', () => ({ meetingDate: this.today(), ...vote, outcome: 'on-time' }));
    await this.decideAll((name) => `${name}转为中共正式党员`);
    await this.submit('archive', () => ({ archivedDate: this.today(), location: '机关党委组织科档案柜' }), committee);
    await this.acknowledgeFilings();
    // The case file a committee member opens at the end (全程纪实): one page view per case.
    await this.each((caseId) => getCaseFile(this.runtime.deps, committee, caseId));
  }
}
