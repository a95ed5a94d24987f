/** State names of the assessment workflow (tests and the README refer to them). */
export const AssessmentState = {
  openReport: 'Report',
  openReview: 'Review',
  routeReview: 'RouteReview',
  periodDone: 'PeriodDone',
  scored: 'Scored',
} as const;

/** Handler ids of the assessment process's Lambda tasks. */
export const AssessmentHandler = {
  openReport: 'assessment-open-report',
  openReview: 'assessment-open-review',
  periodDone: 'assessment-period-done',
} as const;

/** State names of the year-end workflow (A17). */
export const YearEndState = {
  rateReports: 'RateReports',
  prepareApproval: 'PrepareApproval',
  approval: 'CommitteeApproval',
  noteDecision: 'NoteDecision',
  routeDecision: 'RouteDecision',
  publish: 'Publish',
  published: 'Published',
} as const;

/** Handler ids of the year-end workflow's Lambda tasks. */
export const YearEndHandler = {
  openRating: 'assessment-year-end-open-rating',
  prepareApproval: 'assessment-year-end-prepare-approval',
  noteDecision: 'assessment-year-end-note-decision',
  publish: 'assessment-year-end-publish',
} as const;
