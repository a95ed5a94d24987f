import type { DevelopmentCase, StageOutcome } from '../../domain/development/case';
import { currentProbationEndDate } from '../../domain/development/conversion';
import type { DevelopmentRuleSet } from '../../domain/development/rule-set';
import type { StageNo } from '../../domain/development/steps';
import { MEMBERSHIP_STATUS_LABELS, type MembershipStatus, type Person } from '../../domain/registry/person';
import { auditPut } from '../../store/audit';
import { listCaseRecords } from '../../store/cases-repo';
import { getPerson, personPk, replacePerson } from '../../store/people-repo';
import type { TransactItem } from '../../store/transact';
import type { ServiceDeps } from '../deps';

interface StatusChange {
  status: MembershipStatus;
  from?: string;
}

/** The conversion general meeting's date of the stage V attempt that cancelled probation (step 23's record). */
async function cancellingMeetingDate(deps: Pick<ServiceDeps, 'store'>, devCase: DevelopmentCase): Promise<string | undefined> {
  const { steps } = await listCaseRecords(deps.store, devCase.id);
  const meeting = steps.find((s) => s.stepKey === 'conversionMeeting' && s.attempt === devCase.attempt);
  return typeof meeting?.values.meetingDate === 'string' ? meeting.values.meetingDate : undefined;
}

/** The registry status a stage's end sets, if any. */
async function statusChange(deps: Pick<ServiceDeps, 'store'>, devCase: DevelopmentCase, outcome: StageOutcome, rules: DevelopmentRuleSet, today: string): Promise<StatusChange | undefined> {
  const { dates } = devCase;
  if (outcome === 'cancelled') {
    return devCase.stage === 5 ? { status: 'probation-cancelled', from: (await cancellingMeetingDate(deps, devCase)) ?? today } : undefined;
  }
  if (outcome !== 'completed') return undefined;
  const change: Partial<Record<StageNo, StatusChange>> = {
    2: { status: 'activist', from: dates.activistDate },
    3: { status: 'development-target', from: dates.targetDate },
    4: { status: 'probationary', from: dates.admissionMeetingDate },
    5: { status: 'full', from: dates.admissionMeetingDate ? currentProbationEndDate(dates.admissionMeetingDate, dates.probationExtensions ?? [], rules) : undefined },
  };
  return change[devCase.stage];
}

/**
 * The registry follows the case (docs/domain/organizations-and-people.md): a completed stage II makes an activist (from the activist date), III a
 * development target, IV a probationary member (from the admitting general meeting), V a full member (from the end
 * of probation, where party standing counts from); a cancelled probation (stage V, 取消预备党员资格) ends the
 * probationary status from the conversion general meeting: the person is no longer a member. Skipped when staff
 * already recorded that status or a later date. The person's replacement (version-checked) and its audit event go
 * into the stage end's transaction.
 */
export async function membershipStatusItems(
  deps: Pick<ServiceDeps, 'store'>,
  devCase: DevelopmentCase,
  outcome: StageOutcome,
  rules: DevelopmentRuleSet,
  today: string,
  at: string,
): Promise<TransactItem[]> {
  const target = await statusChange(deps, devCase, outcome, rules, today);
  if (!target?.from) return [];
  const person = await getPerson(deps.store, devCase.personId);
  if (!person || person.status === target.status || (person.statusHistory.at(-1)?.from ?? '') > target.from) return [];
  const next: Person = {
    ...person, status: target.status, statusHistory: [...person.statusHistory, { value: target.status, from: target.from, note: '发展党员案件' }], version: person.version + 1,
  };
  return [
    replacePerson(deps.store, next),
    auditPut(deps.store, personPk(person.id), {
      at, action: 'person.status-changed', actor: 'system',
      details: { before: MEMBERSHIP_STATUS_LABELS[person.status], after: MEMBERSHIP_STATUS_LABELS[target.status], effective: target.from, caseId: devCase.id },
    }),
  ];
}

/** The statuses of someone on the way to membership: ending the case ends them. */
const ON_THE_WAY: readonly MembershipStatus[] = ['applicant', 'activist', 'development-target'];

/**
 * The registry after a case was ended by staff (终止发展): an applicant, activist or development target becomes
 * 已终止发展 from the ending date, with the kind of ending noted in the history. Other statuses are left alone.
 */
export async function caseEndedStatusItems(deps: Pick<ServiceDeps, 'store'>, devCase: DevelopmentCase, ending: { date: string; note: string }, at: string): Promise<TransactItem[]> {
  const person = await getPerson(deps.store, devCase.personId);
  if (!person || !ON_THE_WAY.includes(person.status)) return [];
  const from = [ending.date, person.statusHistory.at(-1)?.from ?? ''].sort().at(-1) as string;
  const next: Person = {
    ...person, status: 'development-ended', statusHistory: [...person.statusHistory, { value: 'development-ended', from, note: ending.note }], version: person.version + 1,
  };
  return [
    replacePerson(deps.store, next),
    auditPut(deps.store, personPk(person.id), {
      at, action: 'person.status-changed', actor: 'system',
      details: { before: MEMBERSHIP_STATUS_LABELS[person.status], after: MEMBERSHIP_STATUS_LABELS['development-ended'], effective: from, caseId: devCase.id },
    }),
  ];
}
