export type * from './types';
export { AssessmentRuleError } from './errors';
export {
  type AssessmentPeriod, indicatorsOfPeriod, isLate, periodByKey, periodReviewDeadline, periodsOf, periodsOpenAt, reportDueAt, reviewDueAt, schemePeriods,
} from './periods';
export { adjustmentBalance, checkAdjustment, checkIndicatorScore, countScore, periodScore, proposedScore, reviewScores, round1 } from './scoring';
export { gradeOf, isAdvancedCandidate, periodPercent, yearTotal } from './year-end';
export { rankByScore, type Ranked } from './ranking';
export { CIRCULAR_MAX_CHARS, CIRCULAR_TOP, circularBody } from './circular';
export {
  appliesFromAt, checkIndicator, checkScheme, FREQUENCY_LABELS, PREFILL_LABELS, requireDraft, SCORING_LABELS, versionFor,
} from './scheme';
export { checkReport, checkReturnReason, REPORT_STATUS_LABELS, type ReportEntry, type ReportStatus } from './report';
export { DEFAULT_ADJUSTMENTS, DEFAULT_INDICATORS, DEFAULT_SETTINGS } from './default-scheme';
export type { AssessmentReport, ReportReturn } from './assessment-report';
export {
  checkAdjustmentEntry, checkReviewScore, checkYearEnded, schemeAtYearEnd, yearEndLines, yearEndResultOf, yearEndResults,
  type AdjustmentEntry, type YearEndFacts, type YearEndResult,
} from './year-end-results';
export { YEAR_END_STATUS_LABELS, yearEndExecutionName, type AssessmentYearEnd, type YearEndApproval, type YearEndStatus } from './year-end-record';
export { nextPeriodOpening, openingInstant, periodsToOpen, type PeriodToOpen } from './period-opening';
export { lastInstantOfChinaYear, nextReportWake, reminderWakeEvents, reportWakeEvents, reviewWakeLowerBound, type ReminderWakeEvent } from './reminder-wake';
export { isDueSoon, REPORT_REMINDER_DAYS_BEFORE, reportReminderDue, reviewReminderDue, type ReportReminderKind } from './reminders';
export { adjustmentsFromTable, adjustmentTable, ADJUSTMENT_HEADINGS, INDICATOR_HEADINGS, indicatorsFromTable, indicatorTable } from './scheme-table';
