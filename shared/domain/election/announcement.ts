import { chinaDateText } from '../notice/date-text';
import { ELECTION_FORM_LABELS, type Election } from './election';
import { DEFAULT_ELECTION_RULES } from './rule-set';

/** The election announcement's notice: one per election, so a retried task publishes nothing twice. */
export const announcementNoticeId = (electionId: string) => `${electionId}-announcement`;

/** The work plan by form; `officers` is 书记、副书记 or, without deputies, 书记. */
const NOMINATION: Record<Election['form'], (officers: string) => string> = {
  gongtui: (officers) => `述职与民主评议，党员和群众民主推荐，确定候选人预备人选报上级党组织审批并公示，党员大会直接选举委员会委员和${officers}`,
  haixuan: () => '述职与民主评议，全体党员首轮公开投票（海选）产生候选人预备人选，报上级党组织审批并公示，党员大会选举委员会委员',
  standard: (officers) => `述职与民主评议，民主推荐产生候选人预备人选，报上级党组织审批并公示，党员大会选举委员会委员，新一届委员会选举${officers}`,
};

/** The organization's committee: 办公室党支部 → 办公室党支部委员会; a name already ending in 委员会 stays as it is. */
export function committeeOf(orgName: string): string {
  return orgName.endsWith('委员会') ? orgName : `${orgName}委员会`;
}

/** The announcement's period by the election's rules (an election stored before the rule had none: the default). */
export function announcementPeriod(election: Pick<Election, 'rules'>): { unit: 'workingDays' | 'calendarDays'; count: number } {
  const rule = election.rules.announcement ?? DEFAULT_ELECTION_RULES.announcement;
  return { unit: rule.unit, count: rule.days };
}

/** The announcement as the step form first proposes it: organization, seats, form and method, schedule as known. */
export function proposedAnnouncement(election: Election): { title: string; body: string } {
  const approved = election.approvals.find((a) => a.kind === 'request' && a.outcome === 'approved');
  const officers = `书记 1 名${election.deputies > 0 ? `、副书记 ${election.deputies} 名` : ''}`;
  const officerPosts = election.deputies > 0 ? '书记、副书记' : '书记';
  const form = election.form === 'standard' ? `常规选举（党员大会选举委员会委员，新一届委员会选举${officerPosts}）` : ELECTION_FORM_LABELS[election.form];
  const body = [
    '全体党员：',
    `${committeeOf(election.orgName)}任期届满，${approved ? `经上级党组织于${chinaDateText(approved.decidedAt.slice(0, 10))}批准，` : '经上级党组织批准，'}定于${chinaDateText(election.plan.meetingDate)}召开党员大会，进行换届选举。现将有关事项公告如下：`,
    `一、选举方式：${form}。`,
    `二、委员名额：新一届委员会设委员 ${election.seats} 名（含${officers}）；委员会结构：${election.plan.structure}`,
    `三、选举办法：${election.plan.method}`,
    `四、工作安排：召开动员大会，${NOMINATION[election.form](officerPosts)}。`,
    '请全体党员积极参加换届选举各项工作。对选举工作有意见建议的，请向支部组织委员反映。',
  ].join('\n');
  return { title: `关于${election.orgName}召开党员大会进行换届选举的公告`, body };
}
