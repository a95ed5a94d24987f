import { chinaDate } from '../../../shared/domain/calendar';
import type { DevelopmentCase } from '../../../shared/domain/development/case';
import type { NoticeNode } from '../../../shared/domain/development/rule-set';
import type { StageNo } from '../../../shared/domain/development/steps';
import type { Actor } from '../../../shared/services/actor';
import { decideByLink } from '../../../shared/services/approval';
import { caseNoticeId, getCaseFile, openCase, recordPeriodStep, startStage, submitStepForm } from '../../../shared/services/development';
import { putAccount } from '../../../shared/store/accounts-repo';
import { getCase } from '../../../shared/store/cases-repo';
import { getNotice } from '../../../shared/store/notices-repo';
import type { TestRuntime } from '../../support/local-runtime';
import { putTestOrg, putTestPerson, testOrg, testPerson } from '../../support/registry-fixtures';

/** A committee above a branch with three full members, an applicant, staff of both and one approver (赵书记). */

export const branchStaff: Actor = { id: 'branch-staff-1', displayName: '李组织委员', role: 'branch-staff', orgId: 'branch-1', scopeOrgIds: ['branch-1'] };
export const committeeStaff: Actor = { id: 'org-staff-1', displayName: '王组织员', role: 'committee-staff', orgId: 'committee-1', scopeOrgIds: ['committee-1', 'branch-1'] };
export const APPROVER_EMAIL = 'zhao@example.org';
const client = { ip: '203.0.113.7', userAgent: 'Mozilla/5.0 (测试浏览器)' };

export interface World {
  applicantId: string;
  members: string[];
}

export async function setUpWorld(runtime: TestRuntime): Promise<World> {
  const approver = await putTestPerson(runtime.store, testPerson({ orgId: 'committee-1', name: '赵书记', email: APPROVER_EMAIL }));
  await putTestOrg(runtime.store, testOrg({ id: 'committee-1', kind: 'committee', name: '机关党委', committee: [{ personId: approver.id, name: '赵书记', post: 'secretary' }] }));
  await putTestOrg(runtime.store, testOrg({ id: 'branch-1', kind: 'branch', parentId: 'committee-1', name: '办公室党支部' }));
  await putAccount(runtime.store, { username: 'branch-staff-1', passwordHash: 'x', role: 'branch-staff', orgId: 'branch-1', email: 'branch@example.org', displayName: '李组织委员' });
  await putAccount(runtime.store, { username: 'org-staff-1', passwordHash: 'x', role: 'committee-staff', orgId: 'committee-1', email: 'zuzhi@example.org', displayName: '王组织员' });
  const members = [];
  for (const name of ['钱一', '孙二', '周三']) members.push((await putTestPerson(runtime.store, testPerson({ orgId: 'branch-1', name }))).id);
  const applicant = await putTestPerson(runtime.store, testPerson({ orgId: 'branch-1', name: '张三', status: 'applicant', birthDate: '1998-03-01', statusHistory: [{ value: 'applicant', from: '2025-12-01' }] }));
  return { applicantId: applicant.id, members };
}

export class CaseDriver {
  caseId = '';

  constructor(private readonly runtime: TestRuntime, private readonly people: World) {}

  async world(): Promise<World> {
    return this.people;
  }

  today(): string {
    return chinaDate(this.runtime.clock.now());
  }

  async open(ruleSetVersion?: string): Promise<DevelopmentCase> {
    const opened = await openCase(this.runtime.deps, branchStaff, { personId: this.people.applicantId, applicationDate: this.today(), ...(ruleSetVersion ? { ruleSetVersion } : {}) });
    this.caseId = opened.id;
    await this.runtime.stepFunctions.settled();
    return opened;
  }

  async case(): Promise<DevelopmentCase> {
    return (await getCase(this.runtime.store, this.caseId)) as DevelopmentCase;
  }

  async submit(stepKey: string, form: Record<string, unknown>, actor: Actor = branchStaff) {
    const record = await submitStepForm(this.runtime.deps, actor, this.caseId, stepKey, form);
    await this.runtime.stepFunctions.settled();
    return record;
  }

  async record(stepKey: string, form: Record<string, unknown>) {
    return recordPeriodStep(this.runtime.deps, branchStaff, this.caseId, stepKey, form);
  }

  async start(stage: StageNo) {
    const started = await startStage(this.runtime.deps, branchStaff, this.caseId, stage);
    await this.runtime.stepFunctions.settled();
    return started;
  }

  async at(instant: string) {
    await this.runtime.advanceTo(instant);
  }

  /** Lets the node's notice run to its end (one second after it). */
  async endNotice(node: NoticeNode) {
    const devCase = await this.case();
    const notice = await getNotice(this.runtime.store, caseNoticeId(this.caseId, node, devCase.attempt));
    if (!notice) throw new Error(`no ${node} notice`);
    await this.runtime.advanceTo(new Date(notice.endsAtMs + 1000));
    return notice;
  }

  /** The latest link mailed to the approver. */
  link(): string {
    const mails = this.runtime.mailer.sent.filter((m) => m.to.includes(APPROVER_EMAIL) && m.subject.startsWith('【审批】'));
    const match = /\/approvals\/([A-Za-z0-9_-]{43})/.exec(mails.at(-1)?.text ?? '');
    if (!match) throw new Error('no approval link');
    return match[1];
  }

  async decide(outcome: 'approved' | 'rejected', extra: Record<string, unknown> = {}) {
    const view = await decideByLink(this.runtime.deps, this.link(), { outcome, meetingDate: this.today(), comment: outcome === 'approved' ? '同意' : '不同意', ...extra }, client);
    await this.runtime.stepFunctions.settled();
    return view;
  }

  async openSteps(): Promise<string[]> {
    return (await getCaseFile(this.runtime.deps, committeeStaff, this.caseId)).openSteps.map((s) => s.stepKey);
  }

  vote(date: string, extra: Record<string, unknown> = {}) {
    return { meetingDate: date, shouldAttend: 3, exclusions: '无', present: 3, yes: 3, oneAtATime: 'on', discussion: '与会党员一致认为该同志符合条件。', ...extra };
  }

  // Stage drivers on the happy path, from the current clock.
  async stage1() {
    await this.submit('talk', { talkDate: this.today(), talker: '李组织委员', content: '了解入党动机。' });
  }

  async stage2() {
    await this.start(2);
    await this.submit('activistDecision', { decisionDate: this.today(), memberRecommendations: 3, massRecommendations: 1, decidedBy: 'branch-committee', minutes: '支委会研究同意。' });
    await this.endNotice('activist');
    await this.submit('contacts', { assignedDate: this.today(), contactIds: [this.people.members[0]] });
  }

  async stage3() {
    await this.start(3);
    await this.submit('targetDecision', { decisionDate: this.today(), groupOpinion: '同意', contactsOpinion: '同意', membersOpinion: '同意', minutes: '支委会研究同意。' });
    await this.endNotice('developmentTarget');
    await this.submit('sponsors', { assignedDate: this.today(), sponsorIds: this.people.members.slice(1, 3) });
    await this.submit('politicalReview', { reviewDate: this.today(), result: 'qualified', conclusion: '政治审查合格。' }, committeeStaff);
    await this.submit('training', { startDate: this.today(), endDate: this.today(), days: 3, organizer: '机关党委' }, committeeStaff);
  }

  /** Stage IV up to the general meeting (the admission notice ended, the application form filled in). */
  async stage4ToMeeting() {
    await this.start(4);
    await this.submit('committeeReview', { reviewDate: this.today(), conclusion: '同意提交预审。' });
    await this.decide('approved');
    await this.endNotice('admission');
    await this.submit('applicationForm', { filledDate: this.today() });
  }

  async stage4FromMeeting(meetingDate = this.today()) {
    await this.submit('generalMeeting', this.vote(meetingDate));
    await this.submit('interview', { interviewDate: this.today(), interviewer: '王组织员', content: '谈话情况良好。' }, committeeStaff);
    await this.decide('approved');
  }
}
