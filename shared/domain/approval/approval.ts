/**
 * Approvals by a higher committee through e-mail links (docs/domain/approvals.md): what is decided, by whom, under which policy,
 * and when the links expire. Pure: no I/O.
 */

export type ApprovalSubjectKind =
  | 'pre-review' | 'admission' | 'conversion' | 'election-request' | 'candidate-list' | 'election-result' | 'evaluation-grades' | 'evaluation-disposal' | 'assessment-year-end' | 'other';

export const APPROVAL_SUBJECT_KIND_LABELS: Record<ApprovalSubjectKind, string> = {
  'pre-review': '预审',
  admission: '接收预备党员',
  conversion: '预备党员转正',
  'election-request': '换届选举请示',
  'candidate-list': '候选人预备人选',
  'election-result': '选举结果',
  'evaluation-grades': '民主评议党员定档结果',
  'evaluation-disposal': '民主评议不合格党员组织处置',
  'assessment-year-end': '党建工作目标考核年终结果',
  other: '其他事项',
};

export type ApprovalPolicy = 'any' | 'all' | 'majority';

export const APPROVAL_POLICY_LABELS: Record<ApprovalPolicy, string> = {
  any: '任一审批人决定',
  all: '全体审批人同意',
  majority: '过半数审批人同意',
};

export type ApprovalOutcome = 'approved' | 'rejected';
/** cancelled: withdrawn before a decision because what it was about ended (a development case ended, 终止发展). */
export type ApprovalState = 'pending' | ApprovalOutcome | 'cancelled';

/**
 * The one deadline an approver is given: the approval's due date, or the link's expiry when that comes first (a link
 * past its expiry cannot decide; staff resend it). Mails and the link page state this date only.
 */
export function decideBy(dueDate: string, linkExpiresAt: string): string {
  return Date.parse(linkExpiresAt) < Date.parse(dueDate) ? linkExpiresAt : dueDate;
}

export const APPROVAL_OUTCOME_LABELS: Record<ApprovalOutcome, string> = { approved: '同意', rejected: '不同意' };

export interface ApprovalSubject {
  kind: ApprovalSubjectKind;
  title: string;
  /** The case summary, plain text. */
  summary: string;
  orgId: string;
  /** The organization's name as the approver reads it. */
  orgName?: string;
  caseUrl?: string;
}

export interface Approver {
  name: string;
  email: string;
}

/** What a workflow asks for (the input of the approval state machine: `{ approval: ApprovalRequest }`). */
export interface ApprovalRequest {
  approvalId: string;
  subject: ApprovalSubject;
  approvers: Approver[];
  policy: ApprovalPolicy;
  /** ISO instant. */
  dueDate: string;
  /** Days a link stays valid (default 14). */
  linkValidDays?: number;
  /** Days before a link's expiry that the reminder goes out (default 3). */
  reminderDaysBefore?: number;
  /**
   * A deadline the decision itself is held to (e.g. the admission approval, docs/domain/development.md step 17): after
   * `reasonRequiredAfter` a decision needs a comment giving the reason; after `closesAt` no decision is taken.
   */
  decisionWindow?: DecisionWindow;
}

export interface DecisionWindow {
  /** ISO instant. */
  reasonRequiredAfter: string;
  /** ISO instant. */
  closesAt: string;
}

/** One approver's decision (by link), or the decision taken on paper for the whole approval. */
export interface ApprovalDecision {
  approverIndex: number;
  outcome: ApprovalOutcome;
  comment?: string;
  /** YYYY-MM-DD: the committee meeting that decided. */
  meetingDate: string;
  /** The approver's name (by link) or the person recorded on paper. */
  decidedBy: string;
  decidedAt: string;
  byLink: boolean;
}

/** What the workflow receives: the output of the approval state machine (plus approvalId). */
export interface ApprovalResolution {
  approvalId: string;
  outcome: ApprovalOutcome;
  decidedAt: string;
  meetingDate?: string;
  comment?: string;
  decidedBy: string;
}

/**
 * The overall state of an approval from the decisions so far (in the order they were recorded):
 * - any: the first decision decides;
 * - all: one rejection rejects; approved once every approver approved;
 * - majority: approved once more than half of the approvers approved; rejected once that has become impossible
 *   (the approvals plus the approvers still to decide are no more than half). So a tie (2:2 of 4, 1:1 of 2) rejects:
 *   without a majority for it, the proposal is not approved.
 */
export function resolveDecision(
  policy: ApprovalPolicy,
  approvers: readonly unknown[],
  decisions: readonly Pick<ApprovalDecision, 'outcome'>[],
): 'pending' | ApprovalOutcome {
  const total = approvers.length;
  if (total === 0) throw new Error('An approval needs at least one approver');
  if (decisions.length === 0) return 'pending';
  const approvals = decisions.filter((d) => d.outcome === 'approved').length;
  const rejections = decisions.length - approvals;
  switch (policy) {
    case 'any':
      return decisions[0].outcome;
    case 'all':
      if (rejections > 0) return 'rejected';
      return approvals >= total ? 'approved' : 'pending';
    case 'majority': {
      if (approvals * 2 > total) return 'approved';
      const undecided = Math.max(0, total - approvals - rejections);
      if ((approvals + undecided) * 2 <= total) return 'rejected';
      return 'pending';
    }
  }
}

export const DEFAULT_LINK_VALID_DAYS = 14;
export const DEFAULT_REMINDER_DAYS_BEFORE = 3;
const DAY_MS = 86_400_000;

/** When a link issued at `issuedAt` expires and when its reminder is due. */
export function linkDates(
  issuedAt: Date,
  config: { linkValidDays?: number; reminderDaysBefore?: number } = {},
): { expiresAt: string; reminderAt: string } {
  const validDays = config.linkValidDays ?? DEFAULT_LINK_VALID_DAYS;
  const before = Math.min(config.reminderDaysBefore ?? DEFAULT_REMINDER_DAYS_BEFORE, validDays);
  const expires = issuedAt.getTime() + validDays * DAY_MS;
  return { expiresAt: new Date(expires).toISOString(), reminderAt: new Date(expires - before * DAY_MS).toISOString() };
}

/** Whether a link expiring at `expiresAt` (ISO) has expired at `now`. */
export const linkExpired = (expiresAt: string, now: Date) => now.getTime() >= Date.parse(expiresAt);
