/** Approvals by e-mail link (docs/domain/approvals.md, issue 4): the service API the task Lambda, the pages and the scheduler use. */
export { createApprovalRequest } from './request';
export { viewApprovalLink, type ApprovalLinkView, type ApprovalPublicView, type LinkDecisionView } from './view';
export { decideByLink, type ClientInfo } from './decide';
export {
  approvalsPage, getApprovalForStaff, listApprovals, reassignApprover, recordPaperDecision, resendApprovalLink,
  type StaffApprovalSummary, type StaffApprovalView, type StaffLinkState,
} from './staff';
export { runApprovalReminders, overdueTaskId } from './reminders';
export { deliverApprovalCallback, retryUndeliveredApprovalCallbacks } from './callback';
export { ApprovalNotPendingError, ApproverAlreadyDecidedError, ApprovalWindowClosedError } from './errors';
export { approvalExecutionName, startApprovalProcess } from './start';
