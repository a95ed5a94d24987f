import { checkResult, onField, type CheckResult, type Finding } from './check-result';
import { checkApplicationFormDate } from './application-form';
import { checkTraining } from './training';
import { checkCultivationContacts, checkSponsors, type MemberOnDate } from './members';
import { checkTalkTiming } from './talk';
import { checkCultivationTime } from './cultivation';
import { checkEvaluations } from './evaluations';
import { checkLeavingWithinMonths } from './leaving';
import { checkGeneralMeetingVote, CONFIRM_VOTE_FAILED_FIELD, CONFIRM_VOTE_FAILED_LABEL, describeGeneralMeetingVote, isFailedVote, NO_QUORUM_MESSAGE } from './vote';
import { currentProbationEndDate, decideConversion, type ConversionOutcome } from './conversion';
import { DevelopmentInputError } from './check-result';
import type { DevelopmentCase } from './case';
import type { CaseDates } from './deadlines';
import type { DevelopmentRuleSet } from './rule-set';
import type { DevelopmentTaskKey } from './steps';

/** What a step's values mean for the case: rule findings, the dates it sets, and what the workflow is told. */
export interface StepEvaluation extends CheckResult {
  lateFlag?: boolean;
  dates: Partial<CaseDates>;
  /** The workflow's result of the step (e.g. { passed } for a vote). */
  output: Record<string, unknown>;
  /** Derived values recorded with the step (names of people, the vote's explanation). */
  derived: Record<string, unknown>;
}

type Values = Record<string, unknown>;

/**
 * What a step's rules need besides the case and the form, read by the service before the rules run (one read each):
 * the people chosen as contacts or sponsors, the roster's count for a meeting, the admission notice's last day.
 */
export interface StepFacts {
  /** Steps 5 and 9: the chosen people as members on the date; ids the registry does not know. */
  chosen?: { members: MemberOnDate[]; unknownIds: string[] };
  /** Steps 15 and 23: should-attend members by the roster on the meeting date, and how many were excluded with a reason. */
  attendance?: { shouldAttendCount: number; excludedCount: number };
  /** Step 14: the last day of the admission notice. */
  admissionNoticeLastDay?: string;
}

/** Which facts a step's rules need (the service reads only those). */
export function factsNeeded(key: DevelopmentTaskKey): { chosenField?: 'contactIds' | 'sponsorIds'; attendance?: boolean } {
  if (key === 'contacts') return { chosenField: 'contactIds' };
  if (key === 'sponsors') return { chosenField: 'sponsorIds' };
  if (key === 'generalMeeting' || key === 'conversionMeeting') return { attendance: true };
  return {};
}
const str = (v: unknown) => v as string;
const num = (v: unknown) => (v === undefined ? undefined : (v as number));

/** The main date of each step form: never in the future. */
const MAIN_DATE: Partial<Record<DevelopmentTaskKey, string>> = {
  talk: 'talkDate', activistDecision: 'decisionDate', contacts: 'assignedDate', evaluation: 'evaluationDate', targetDecision: 'decisionDate',
  sponsors: 'assignedDate', politicalReview: 'reviewDate', training: 'endDate', committeeReview: 'reviewDate', applicationForm: 'filledDate',
  generalMeeting: 'meetingDate', interview: 'interviewDate', placement: 'placedDate', oath: 'oathDate', probationEvaluation: 'evaluationDate',
  conversionApplication: 'applicationDate', conversionMeeting: 'meetingDate', archive: 'archivedDate',
};

function chosenMembers(facts: StepFacts): { members: MemberOnDate[]; problems: Finding[] } {
  const chosen = facts.chosen ?? { members: [], unknownIds: [] };
  const problems = chosen.unknownIds.map((id): Finding => ({ code: 'PERSON_UNKNOWN', message: `党员名册中没有编号为 ${id} 的人员。` }));
  return { members: chosen.members, problems };
}

function vote(facts: StepFacts, values: Values) {
  const input = { shouldAttend: num(values.shouldAttend) ?? 0, present: num(values.present) ?? 0, yes: num(values.yes) ?? 0, writtenYes: num(values.writtenYes), writtenNo: num(values.writtenNo) };
  const problems: Finding[] = [];
  const attendance = facts.attendance ?? { shouldAttendCount: 0, excludedCount: 0 };
  if (attendance.shouldAttendCount > 0 && attendance.shouldAttendCount !== input.shouldAttend) {
    problems.push({
      code: 'SHOULD_ATTEND_MISMATCH',
      message: `按党员名册，${str(values.meetingDate)} 应到会有表决权的正式党员为 ${attendance.shouldAttendCount} 人（已扣除登记原因的 ${attendance.excludedCount} 人），填写的是 ${input.shouldAttend} 人；请核对名册或登记不计入的原因。`,
    });
  }
  try {
    const result = checkGeneralMeetingVote(input);
    const explanation = describeGeneralMeetingVote(input, result);
    // A meeting without its quorum is no vote: held again, the step stays open. A real failed vote ends the stage,
    // a mistake that costs weeks, so staff confirm it.
    if (!result.quorumMet) problems.push({ code: 'NO_QUORUM', message: `${NO_QUORUM_MESSAGE}。${explanation}` });
    else if (isFailedVote(result) && values[CONFIRM_VOTE_FAILED_FIELD] !== true) {
      problems.push({ code: 'VOTE_FAILED_UNCONFIRMED', message: `${explanation}表决未通过将结束本阶段，须重新办理。请核对人数和票数，勾选“${CONFIRM_VOTE_FAILED_LABEL}”后再提交。` });
    }
    return { result, problems, explanation };
  } catch (error) {
    if (!(error instanceof DevelopmentInputError)) throw error;
    return { result: undefined, problems: [...problems, { code: 'VOTE_COUNTS', message: error.message }], explanation: '' };
  }
}

/** The rules of docs/domain/development.md for one step, on the case as it stands and the facts read for it. */
export function evaluateStep(
  key: DevelopmentTaskKey,
  values: Values,
  devCase: DevelopmentCase,
  facts: StepFacts,
  rules: DevelopmentRuleSet,
  today: string,
): StepEvaluation {
  const problems: Finding[] = [];
  const warnings: Finding[] = [];
  const done = (extra: Partial<StepEvaluation> = {}): StepEvaluation => ({ ...checkResult(problems, warnings), dates: {}, output: { done: true }, derived: {}, ...extra });
  const dateField = MAIN_DATE[key];
  if (dateField && str(values[dateField]) > today) problems.push({ code: 'DATE_IN_FUTURE', message: `日期 ${str(values[dateField])} 晚于今天（${today}），请登记已经发生的事项。`, field: dateField });
  const dates = devCase.dates;
  switch (key) {
    case 'talk': {
      const timing = checkTalkTiming({ applicationDate: dates.applicationDate, talkDate: str(values.talkDate) }, rules);
      problems.push(...timing.problems);
      warnings.push(...timing.warnings);
      const late = timing.warnings.length > 0;
      if (late && !values.lateReason) problems.push({ code: 'TALK_LATE_NO_REASON', message: '谈话已超过 1 个月期限，请填写超期原因。', field: 'lateReason' });
      return done({ lateFlag: late, dates: { talkDate: str(values.talkDate) } });
    }
    case 'activistDecision':
      if (dates.talkDate && str(values.decisionDate) < dates.talkDate) problems.push({ code: 'BEFORE_TALK', message: `确定入党积极分子的日期早于谈话日期 ${dates.talkDate}。`, field: 'decisionDate' });
      return done({ dates: { activistDate: str(values.decisionDate) } });
    case 'contacts': {
      const found = chosenMembers(facts);
      const check = checkCultivationContacts(found.members, devCase.personId, rules);
      problems.push(...onField('contactIds', [...found.problems, ...check.problems]));
      return done({ derived: { contactNames: found.members.map((m) => m.name) } });
    }
    case 'sponsors': {
      const found = chosenMembers(facts);
      const check = checkSponsors(found.members, devCase.personId, rules);
      problems.push(...onField('sponsorIds', [...found.problems, ...check.problems]));
      return done({ derived: { sponsorNames: found.members.map((m) => m.name) } });
    }
    case 'evaluation':
    case 'probationEvaluation': {
      const date = str(values.evaluationDate);
      const from = key === 'evaluation' ? dates.activistDate : dates.admissionMeetingDate;
      if (from && date < from) problems.push({ code: 'EVALUATION_BEFORE_PERIOD', message: `考察日期 ${date} 早于考察期开始的日期 ${from}。`, field: 'evaluationDate' });
      return done({ dates: key === 'evaluation' ? { evaluationDates: [...(dates.evaluationDates ?? []), date].sort() } : {} });
    }
    case 'targetDecision': {
      const check = checkCultivationTime({ activistDate: dates.activistDate ?? str(values.decisionDate), targetDate: str(values.decisionDate) }, rules);
      problems.push(...check.problems);
      // A missing half-yearly evaluation is recorded and shown with the decision, not a reason to refuse it.
      if (dates.activistDate && check.ok) {
        warnings.push(...checkEvaluations({ activistDate: dates.activistDate, evaluationDates: dates.evaluationDates ?? [], asOf: str(values.decisionDate) }, rules).problems);
      }
      return done({ dates: { targetDate: str(values.decisionDate) } });
    }
    case 'applicationForm':
      problems.push(...checkApplicationFormDate({ filledDate: str(values.filledDate), noticeLastDay: facts.admissionNoticeLastDay }).problems);
      return done();
    case 'politicalReview':
      return done({ output: { qualified: values.result === 'qualified' } });
    case 'training': {
      if (str(values.endDate) < str(values.startDate)) problems.push({ code: 'TRAINING_DATES', message: '培训结束日期早于开始日期。', field: 'endDate' });
      problems.push(...checkTraining({ days: num(values.days), hours: num(values.hours) }, rules).problems);
      return done();
    }
    case 'committeeReview': {
      const check = checkLeavingWithinMonths({ reviewDate: str(values.reviewDate), expectedLeavingDate: values.expectedLeavingDate as string | undefined, reason: values.leavingReason as string | undefined }, rules);
      problems.push(...check.problems);
      warnings.push(...check.warnings);
      return done();
    }
    case 'generalMeeting': {
      const counted = vote(facts, values);
      problems.push(...counted.problems);
      const passed = counted.result?.passed === true;
      return done({ output: { passed }, dates: passed ? { admissionMeetingDate: str(values.meetingDate) } : {}, derived: { voteResult: counted.explanation, passed } });
    }
    case 'conversionMeeting':
      return conversion(devCase, facts, values, rules, problems, warnings);
    default:
      return done(key.startsWith('noticeReview-') ? { output: { decision: values.decision } } : {});
  }
}

function conversion(devCase: DevelopmentCase, facts: StepFacts, values: Values, rules: DevelopmentRuleSet, problems: Finding[], warnings: Finding[]): StepEvaluation {
  const dates = devCase.dates;
  const admission = dates.admissionMeetingDate as string;
  const end = currentProbationEndDate(admission, dates.probationExtensions ?? [], rules);
  const meetingDate = str(values.meetingDate);
  if (meetingDate < end) problems.push({ code: 'BEFORE_PROBATION_END', message: `预备期到 ${end} 期满，期满后方可讨论转正。` });
  const counted = vote(facts, values);
  problems.push(...counted.problems);
  const outcome = values.outcome as ConversionOutcome;
  if (outcome !== 'on-time' && !values.reason) problems.push({ code: 'REASON_REQUIRED', message: '延长预备期或取消预备党员资格，须写明理由。' });
  const decision = decideConversion({ admissionMeetingDate: admission, outcome, extensionMonths: num(values.extensionMonths), previousExtensions: dates.probationExtensions ?? [] }, rules);
  problems.push(...decision.problems);
  const passed = counted.result?.passed === true;
  const result = passed ? outcome : 'vote-failed';
  const changes: Partial<CaseDates> = {};
  if (passed && outcome === 'on-time') changes.conversionMeetingDate = meetingDate;
  if (passed && outcome === 'extend') changes.probationExtensions = [...(dates.probationExtensions ?? []), num(values.extensionMonths) as number];
  return {
    ...checkResult(problems, warnings),
    dates: changes,
    output: { outcome: result },
    derived: { voteResult: counted.explanation, passed, probationEndDate: end, ...(decision.extendedProbationEndDate ? { extendedProbationEndDate: decision.extendedProbationEndDate } : {}) },
  };
}
