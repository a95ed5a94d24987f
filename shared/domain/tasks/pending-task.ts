/** A human step waiting in a workflow (ARCHITECTURE §3): shown in the 待办 list of the staff who may act. */

/**
 * 'approval-overdue': every link of an approval expired undecided; staff resend, reassign or record a paper decision.
 * 'development-step': a stage of a development case waits on a staff form; subject { caseId, stepKey, attempt }.
 * 'election-step': a step of a branch election waits on a form or a round's ballots; subject { electionId, stepKey, attempt }.
 * 'assessment-report' / 'assessment-review': an organization's assessment report for a period waits on the organization
 *   or on the committee's review; subject { committeeId, periodKey, orgId }.
 * 'assessment-year-end': the committee rates the 述职评议 and submits the year end for approval; subject { committeeId, year }.
 * 'evaluation-step': a step of an annual evaluation (民主评议党员) waits on a form; subject { evaluationId, stepKey, attempt }.
 */
/** 'transfer-step': a transfer of membership waits on its letter, arrival or receipt; subject { transferId, step, attempt }. */
export type PendingTaskKind = 'notice-objections' | 'approval-overdue' | 'development-step' | 'election-step' | 'transfer-step' | 'assessment-report' | 'assessment-review' | 'assessment-year-end' | 'evaluation-step';
export type PendingTaskStatus = 'open' | 'done';

export interface PendingTask {
  id: string;
  kind: PendingTaskKind;
  title: string;
  orgId: string;
  /** The role expected to act; authorization is by organization scope. */
  assigneeRole: 'branch-staff' | 'committee-staff';
  /** What the step is about, e.g. { noticeId }. */
  subject: Record<string, string>;
  status: PendingTaskStatus;
  createdAt: string;
  dueAt: string;
  completedBy?: string;
  completedAt?: string;
}

export const PENDING_TASK_KIND_LABELS: Record<PendingTaskKind, string> = {
  'notice-objections': '公示异议处理',
  'approval-overdue': '审批逾期',
  'development-step': '发展党员',
  'election-step': '换届选举',
  'transfer-step': '组织关系转接',
  'assessment-report': '党建考核报送',
  'assessment-review': '党建考核审核',
  'assessment-year-end': '党建考核年终考核',
  'evaluation-step': '民主评议党员',
};
