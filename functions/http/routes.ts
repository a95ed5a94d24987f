/**
 * The HTTP routes, shared by the CDK HTTP API (one route each) and the local server.
 * Paths use API Gateway's syntax: `{name}` is a path parameter.
 */
export type HttpHandlerId = 'http-public' | 'http-staff' | 'http-approval';

export interface RouteDefinition {
  method: 'GET' | 'HEAD' | 'POST';
  path: string;
  handlerId: HttpHandlerId;
}

/** Module (relative to the repository root) of each HTTP handler. */
export const HTTP_HANDLER_ENTRIES: Record<HttpHandlerId, string> = {
  'http-public': 'functions/http/public-site.ts',
  'http-staff': 'functions/http/staff-site.ts',
  'http-approval': 'functions/http/approval-site.ts',
};

export const ROUTES: RouteDefinition[] = [
  // Public notice board (公示栏): no sign-in.
  { method: 'GET', path: '/', handlerId: 'http-public' },
  { method: 'GET', path: '/notices/{noticeId}', handlerId: 'http-public' },
  { method: 'GET', path: '/notices/{noticeId}/print', handlerId: 'http-public' },
  { method: 'POST', path: '/notices/{noticeId}/objections', handlerId: 'http-public' },
  { method: 'GET', path: '/assets/{file}', handlerId: 'http-public' },
  // Filing acknowledgment links (备案回执) mailed to the higher organization: GET shows, only POST acknowledges.
  { method: 'GET', path: '/filings/{linkId}', handlerId: 'http-public' },
  { method: 'POST', path: '/filings/{linkId}', handlerId: 'http-public' },
  // The raters' page of the annual evaluation (民主评议 网上评议): GET and HEAD show, only POST rates (spends the code).
  { method: 'GET', path: '/rate', handlerId: 'http-public' },
  { method: 'GET', path: '/rate/{code}', handlerId: 'http-public' },
  { method: 'HEAD', path: '/rate/{code}', handlerId: 'http-public' },
  { method: 'POST', path: '/rate/{code}', handlerId: 'http-public' },
  // Staff (工作人员): sign-in, pending steps (待办), forms.
  { method: 'GET', path: '/staff/sign-in', handlerId: 'http-staff' },
  { method: 'POST', path: '/staff/sign-in', handlerId: 'http-staff' },
  { method: 'POST', path: '/staff/sign-in/challenge', handlerId: 'http-staff' },
  // 忘记密码 (on AWS: Cognito mails a code; locally these answer 404, a reset there is a set-password link).
  { method: 'GET', path: '/staff/forgot-password', handlerId: 'http-staff' },
  { method: 'POST', path: '/staff/forgot-password', handlerId: 'http-staff' },
  { method: 'POST', path: '/staff/forgot-password/confirm', handlerId: 'http-staff' },
  { method: 'POST', path: '/staff/sign-out', handlerId: 'http-staff' },
  { method: 'GET', path: '/staff', handlerId: 'http-staff' },
  // Accounts (账号管理) and one's own password (修改密码); the set-password link mailed by a reset (GET shows, only POST sets).
  { method: 'GET', path: '/staff/accounts', handlerId: 'http-staff' },
  { method: 'POST', path: '/staff/accounts', handlerId: 'http-staff' },
  { method: 'POST', path: '/staff/accounts/unlock-address', handlerId: 'http-staff' },
  { method: 'POST', path: '/staff/accounts/{username}/disable', handlerId: 'http-staff' },
  { method: 'POST', path: '/staff/accounts/{username}/enable', handlerId: 'http-staff' },
  { method: 'POST', path: '/staff/accounts/{username}/reset-password', handlerId: 'http-staff' },
  { method: 'POST', path: '/staff/accounts/{username}/unlock', handlerId: 'http-staff' },
  { method: 'GET', path: '/staff/password', handlerId: 'http-staff' },
  { method: 'POST', path: '/staff/password', handlerId: 'http-staff' },
  { method: 'GET', path: '/staff/set-password/{linkId}', handlerId: 'http-staff' },
  { method: 'POST', path: '/staff/set-password/{linkId}', handlerId: 'http-staff' },
  { method: 'GET', path: '/staff/tasks/{taskId}', handlerId: 'http-staff' },
  { method: 'POST', path: '/staff/tasks/{taskId}', handlerId: 'http-staff' },
  { method: 'GET', path: '/staff/notices', handlerId: 'http-staff' },
  { method: 'GET', path: '/staff/notices/new', handlerId: 'http-staff' },
  { method: 'POST', path: '/staff/notices', handlerId: 'http-staff' },
  { method: 'GET', path: '/staff/notices/{noticeId}', handlerId: 'http-staff' },
  { method: 'GET', path: '/staff/notices/{noticeId}/print', handlerId: 'http-staff' },
  { method: 'POST', path: '/staff/notices/{noticeId}/withdraw', handlerId: 'http-staff' },
  { method: 'GET', path: '/staff/calendar', handlerId: 'http-staff' },
  { method: 'POST', path: '/staff/calendar', handlerId: 'http-staff' },
  // Roster (花名册): import (upload is multipart; the preview writes nothing), the template, exports of an organization's subtree.
  { method: 'GET', path: '/staff/roster/import', handlerId: 'http-staff' },
  { method: 'POST', path: '/staff/roster/import/preview', handlerId: 'http-staff' },
  { method: 'POST', path: '/staff/roster/import/confirm', handlerId: 'http-staff' },
  { method: 'GET', path: '/staff/roster/template.csv', handlerId: 'http-staff' },
  { method: 'GET', path: '/staff/roster/template.xlsx', handlerId: 'http-staff' },
  { method: 'GET', path: '/staff/orgs/{orgId}/roster.csv', handlerId: 'http-staff' },
  { method: 'GET', path: '/staff/orgs/{orgId}/roster.xlsx', handlerId: 'http-staff' },
  // Registry (组织管理, 党员名册): organizations and people; pages answer JSON when asked.
  { method: 'GET', path: '/staff/orgs', handlerId: 'http-staff' },
  { method: 'GET', path: '/staff/orgs/new', handlerId: 'http-staff' },
  { method: 'POST', path: '/staff/orgs', handlerId: 'http-staff' },
  { method: 'GET', path: '/staff/orgs/{orgId}', handlerId: 'http-staff' },
  { method: 'POST', path: '/staff/orgs/{orgId}', handlerId: 'http-staff' },
  { method: 'POST', path: '/staff/orgs/{orgId}/move', handlerId: 'http-staff' },
  { method: 'POST', path: '/staff/orgs/{orgId}/close', handlerId: 'http-staff' },
  { method: 'GET', path: '/staff/orgs/{orgId}/people', handlerId: 'http-staff' },
  { method: 'GET', path: '/staff/people', handlerId: 'http-staff' },
  { method: 'GET', path: '/staff/people/new', handlerId: 'http-staff' },
  { method: 'POST', path: '/staff/people', handlerId: 'http-staff' },
  { method: 'GET', path: '/staff/people/{personId}', handlerId: 'http-staff' },
  { method: 'GET', path: '/staff/people/{personId}/edit', handlerId: 'http-staff' },
  { method: 'POST', path: '/staff/people/{personId}', handlerId: 'http-staff' },
  { method: 'POST', path: '/staff/people/{personId}/status', handlerId: 'http-staff' },
  { method: 'POST', path: '/staff/people/{personId}/rights', handlerId: 'http-staff' },
  { method: 'POST', path: '/staff/people/{personId}/exclusions', handlerId: 'http-staff' },
  { method: 'POST', path: '/staff/people/{personId}/exclusions/end', handlerId: 'http-staff' },
  // Transfers of membership (组织关系转接): the lists, the request, a transfer's file, its steps and the letter.
  { method: 'GET', path: '/staff/transfers', handlerId: 'http-staff' },
  { method: 'GET', path: '/staff/transfers/new', handlerId: 'http-staff' },
  { method: 'POST', path: '/staff/transfers', handlerId: 'http-staff' },
  { method: 'GET', path: '/staff/transfers/incoming/new', handlerId: 'http-staff' },
  { method: 'POST', path: '/staff/transfers/incoming', handlerId: 'http-staff' },
  { method: 'GET', path: '/staff/transfers/{transferId}', handlerId: 'http-staff' },
  { method: 'GET', path: '/staff/transfers/{transferId}/letter', handlerId: 'http-staff' },
  { method: 'POST', path: '/staff/transfers/{transferId}/issue', handlerId: 'http-staff' },
  { method: 'POST', path: '/staff/transfers/{transferId}/accept', handlerId: 'http-staff' },
  { method: 'POST', path: '/staff/transfers/{transferId}/refuse', handlerId: 'http-staff' },
  { method: 'POST', path: '/staff/transfers/{transferId}/receipt', handlerId: 'http-staff' },
  { method: 'POST', path: '/staff/transfers/{transferId}/reissue', handlerId: 'http-staff' },
  // The party-building target assessment (党建工作目标考核): board (and its XLSX), an organization's file, a report with
  // its report and review forms, the scheme editor (administrators).
  { method: 'GET', path: '/staff/assessment', handlerId: 'http-staff' },
  { method: 'GET', path: '/staff/assessment/boards/{committeeId}/{year}', handlerId: 'http-staff' },
  { method: 'GET', path: '/staff/assessment/boards/{committeeId}/{year}/export.xlsx', handlerId: 'http-staff' },
  { method: 'GET', path: '/staff/assessment/orgs/{orgId}', handlerId: 'http-staff' },
  { method: 'GET', path: '/staff/assessment/reports/{committeeId}/{periodKey}/{orgId}', handlerId: 'http-staff' },
  { method: 'POST', path: '/staff/assessment/reports/{committeeId}/{periodKey}/{orgId}/submit', handlerId: 'http-staff' },
  { method: 'POST', path: '/staff/assessment/reports/{committeeId}/{periodKey}/{orgId}/review', handlerId: 'http-staff' },
  { method: 'GET', path: '/staff/assessment/schemes/{committeeId}/{year}', handlerId: 'http-staff' },
  { method: 'POST', path: '/staff/assessment/schemes/{committeeId}/{year}/drafts', handlerId: 'http-staff' },
  { method: 'POST', path: '/staff/assessment/schemes/{committeeId}/{year}/versions/{version}/indicators/{key}', handlerId: 'http-staff' },
  { method: 'POST', path: '/staff/assessment/schemes/{committeeId}/{year}/versions/{version}/publish', handlerId: 'http-staff' },
  { method: 'POST', path: '/staff/people/{personId}/id-number', handlerId: 'http-staff' },
  // Elections (换届选举): terms and reminders (the reminder setting: administrators), elections and their steps, ballot papers, ballot entry, results.
  { method: 'GET', path: '/staff/evaluations', handlerId: 'http-staff' },
  { method: 'POST', path: '/staff/evaluations', handlerId: 'http-staff' },
  { method: 'POST', path: '/staff/evaluations/all', handlerId: 'http-staff' },
  { method: 'GET', path: '/staff/evaluations/{evaluationId}', handlerId: 'http-staff' },
  { method: 'GET', path: '/staff/evaluations/{evaluationId}/slips', handlerId: 'http-staff' },
  { method: 'POST', path: '/staff/evaluations/{evaluationId}/steps/{stepKey}', handlerId: 'http-staff' },
  { method: 'POST', path: '/staff/evaluations/{evaluationId}/self', handlerId: 'http-staff' },
  { method: 'POST', path: '/staff/evaluations/{evaluationId}/codes', handlerId: 'http-staff' },
  { method: 'POST', path: '/staff/evaluations/{evaluationId}/paper', handlerId: 'http-staff' },
  { method: 'POST', path: '/staff/evaluations/{evaluationId}/objections', handlerId: 'http-staff' },
  { method: 'GET', path: '/staff/elections', handlerId: 'http-staff' },
  { method: 'GET', path: '/staff/elections/new', handlerId: 'http-staff' },
  { method: 'GET', path: '/staff/elections/settings', handlerId: 'http-staff' },
  { method: 'POST', path: '/staff/elections/settings', handlerId: 'http-staff' },
  { method: 'POST', path: '/staff/elections', handlerId: 'http-staff' },
  { method: 'GET', path: '/staff/elections/{electionId}', handlerId: 'http-staff' },
  { method: 'POST', path: '/staff/elections/{electionId}/end', handlerId: 'http-staff' },
  { method: 'GET', path: '/staff/elections/{electionId}/steps/{stepKey}', handlerId: 'http-staff' },
  { method: 'POST', path: '/staff/elections/{electionId}/steps/{stepKey}', handlerId: 'http-staff' },
  { method: 'GET', path: '/staff/elections/{electionId}/ballot', handlerId: 'http-staff' },
  { method: 'POST', path: '/staff/elections/{electionId}/ballot/candidates', handlerId: 'http-staff' },
  { method: 'GET', path: '/staff/elections/{electionId}/round', handlerId: 'http-staff' },
  { method: 'POST', path: '/staff/elections/{electionId}/round', handlerId: 'http-staff' },
  // Member development (发展党员): the dashboard (预警), cases, the 全程纪实 and its printable archive, stages, step forms, rule sets.
  { method: 'GET', path: '/staff/development', handlerId: 'http-staff' },
  { method: 'GET', path: '/staff/development/rule-sets', handlerId: 'http-staff' },
  { method: 'POST', path: '/staff/development/rule-sets', handlerId: 'http-staff' },
  { method: 'GET', path: '/staff/cases', handlerId: 'http-staff' },
  { method: 'POST', path: '/staff/cases', handlerId: 'http-staff' },
  { method: 'GET', path: '/staff/cases/{caseId}', handlerId: 'http-staff' },
  { method: 'GET', path: '/staff/cases/{caseId}/archive', handlerId: 'http-staff' },
  { method: 'POST', path: '/staff/cases/{caseId}/stages', handlerId: 'http-staff' },
  { method: 'GET', path: '/staff/cases/{caseId}/end', handlerId: 'http-staff' },
  { method: 'POST', path: '/staff/cases/{caseId}/end', handlerId: 'http-staff' },
  { method: 'GET', path: '/staff/cases/{caseId}/steps/{stepKey}', handlerId: 'http-staff' },
  { method: 'POST', path: '/staff/cases/{caseId}/steps/{stepKey}', handlerId: 'http-staff' },
  // Approvals (审批): the approvers' e-mail links (no account; GET and HEAD show, only the form POST decides) and the
  // staff pages. One handler, the only one allowed to complete or fail a task of the approval state machine.
  { method: 'GET', path: '/approvals/{linkId}', handlerId: 'http-approval' },
  { method: 'HEAD', path: '/approvals/{linkId}', handlerId: 'http-approval' },
  { method: 'POST', path: '/approvals/{linkId}', handlerId: 'http-approval' },
  { method: 'GET', path: '/staff/approvals', handlerId: 'http-approval' },
  { method: 'GET', path: '/staff/approvals/{approvalId}', handlerId: 'http-approval' },
  { method: 'POST', path: '/staff/approvals/{approvalId}/resend', handlerId: 'http-approval' },
  { method: 'POST', path: '/staff/approvals/{approvalId}/reassign', handlerId: 'http-approval' },
  { method: 'POST', path: '/staff/approvals/{approvalId}/paper-decision', handlerId: 'http-approval' },
];
