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
