export { checkResult, DevelopmentInputError, type CheckResult, type Finding } from './check-result';
export { addMonths, addYears, ageOn } from './dates';
export { DEFAULT_RULE_SET, NOTICE_NODE_LABELS, defineRuleSet, type DevelopmentRuleSet, type NoticeNode } from './rule-set';
export { checkApplicationAge } from './age';
export { checkTalkTiming, talkDueDate } from './talk';
export { checkCultivationContacts, checkSponsors, memberOnDate, type MemberOnDate } from './members';
export { checkEvaluations, evaluationDueDates, evaluationSchedule, nextEvaluationDueDate, type MissingEvaluation } from './evaluations';
export { checkCultivationTime, cultivationCompleteDate } from './cultivation';
export { checkTraining } from './training';
export { checkLeavingWithinMonths } from './leaving';
export { checkApplicationFormDate } from './application-form';
export { checkGeneralMeetingVote, CONFIRM_VOTE_FAILED_FIELD, CONFIRM_VOTE_FAILED_LABEL, describeGeneralMeetingVote, isFailedVote, moreThanHalf, NO_QUORUM_MESSAGE, type GeneralMeetingVoteInput, type GeneralMeetingVoteResult } from './vote';
export {
  CONVERSION_OUTCOME_LABELS,
  currentProbationEndDate,
  decideConversion,
  probationEndDate,
  type ConversionDecision,
  type ConversionInput,
  type ConversionOutcome,
} from './conversion';
export {
  admissionApprovalDeadlines,
  admissionApprovalStatus,
  checkAdmissionApprovalTiming,
  checkConversionApprovalTiming,
  type AdmissionApprovalDeadlines,
  type ApprovalTimingStatus,
} from './approval-deadline';
export { caseDeadlines, type CaseDates, type CaseDeadline, type DeadlineKind, type DeadlineStatus, type DeadlineType } from './deadlines';
export { CASE_ENDING_KINDS, CASE_ENDING_KIND_LABELS, caseAfterEnding, caseEndingText, checkCaseEnding, type CaseEnding, type CaseEndingKind } from './case-ending';
