/** State names of the approval process; the local runtime, tests and pages speak of them. */
export const ApprovalState = {
  requestDecision: 'RequestDecision',
  routeDecision: 'RouteDecision',
  approved: 'Approved',
  rejected: 'Rejected',
} as const;

/** Handler ids of the Lambda tasks of the approval process. */
export const ApprovalHandler = {
  request: 'approval-request',
} as const;
