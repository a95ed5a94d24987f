import { RIGHTS_STATE_LABELS, MEMBERSHIP_STATUS_LABELS, rightsOn, statusOn, type MembershipStatus, type Person, type RightsState } from '../registry';
import { checkResult, type CheckResult, type Finding } from './check-result';
import { requireDate } from './dates';
import { DEFAULT_RULE_SET, type DevelopmentRuleSet } from './rule-set';

/** A member as of the date of the step: their status and rights on that date. */
export interface MemberOnDate {
  id: string;
  name: string;
  status: MembershipStatus | undefined;
  rightsState: RightsState;
}

/** A registry person as of `date` (YYYY-MM-DD), from their status and rights histories. */
export function memberOnDate(person: Pick<Person, 'id' | 'name' | 'statusHistory' | 'rightsHistory'>, date: string): MemberOnDate {
  requireDate(date, '日期');
  return { id: person.id, name: person.name, status: statusOn(person, date), rightsState: rightsOn(person, date) };
}

function eligibility(member: MemberOnDate, role: string, candidateId: string | undefined): Finding[] {
  const problems: Finding[] = [];
  if (candidateId !== undefined && member.id === candidateId) {
    problems.push({ code: 'SELF_ASSIGNED', message: `${member.name}是本人，不能担任自己的${role}。` });
  }
  if (member.status !== 'full') {
    const status = member.status === undefined ? '非党员' : MEMBERSHIP_STATUS_LABELS[member.status];
    problems.push({ code: 'NOT_FULL_MEMBER', message: `${role}须为正式党员，${member.name}当时为${status}。` });
  }
  if (member.rightsState !== 'normal') {
    problems.push({ code: 'UNDER_DISCIPLINE', message: `${role}不能是受党纪处分、权利受限的党员，${member.name}当时处于“${RIGHTS_STATE_LABELS[member.rightsState]}”状态。` });
  }
  return problems;
}

function duplicates(members: readonly MemberOnDate[], role: string): Finding[] {
  const seen = new Set<string>();
  const problems: Finding[] = [];
  for (const member of members) {
    if (seen.has(member.id)) problems.push({ code: 'DUPLICATE_MEMBER', message: `${member.name}被重复指定为${role}。` });
    seen.add(member.id);
  }
  return problems;
}

/** Step 5: 1–2 cultivation contacts (培养联系人), full members not under discipline. */
export function checkCultivationContacts(contacts: readonly MemberOnDate[], candidateId?: string, rules: DevelopmentRuleSet = DEFAULT_RULE_SET): CheckResult {
  const { min, max } = rules.cultivationContacts;
  const problems: Finding[] = [];
  if (contacts.length < min || contacts.length > max) {
    problems.push({ code: 'CONTACT_COUNT', message: `应指定 ${min === max ? min : `${min}至${max}`} 名培养联系人，现为 ${contacts.length} 名。` });
  }
  problems.push(...duplicates(contacts, '培养联系人'));
  for (const contact of contacts) problems.push(...eligibility(contact, '培养联系人', candidateId));
  return checkResult(problems);
}

/** Step 9: two sponsors (入党介绍人), full members not under party discipline. */
export function checkSponsors(sponsors: readonly MemberOnDate[], candidateId?: string, rules: DevelopmentRuleSet = DEFAULT_RULE_SET): CheckResult {
  const problems: Finding[] = [];
  if (sponsors.length !== rules.sponsorCount) {
    problems.push({ code: 'SPONSOR_COUNT', message: `应有 ${rules.sponsorCount} 名入党介绍人，现为 ${sponsors.length} 名。` });
  }
  problems.push(...duplicates(sponsors, '入党介绍人'));
  for (const sponsor of sponsors) problems.push(...eligibility(sponsor, '入党介绍人', candidateId));
  return checkResult(problems);
}
