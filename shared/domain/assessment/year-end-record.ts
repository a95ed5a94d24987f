import type { YearEndResult } from './year-end-results';

/**
 * A committee's year end (A12–A15, A17): the 述职评议 scores being entered (rating), the results waiting for the
 * committee's approval by link (approval), published as an internal notice (published). Returned by the approver:
 * back to rating.
 */
export type YearEndStatus = 'rating' | 'approval' | 'published';

export const YEAR_END_STATUS_LABELS: Record<YearEndStatus, string> = { rating: '述职评议评分中', approval: '待审批', published: '已公布' };

export interface YearEndApproval {
  approvalId: string;
  outcome: 'approved' | 'rejected';
  decidedAt: string;
  decidedBy?: string;
  comment?: string;
}

export interface AssessmentYearEnd {
  committeeId: string;
  committeeName: string;
  year: number;
  status: YearEndStatus;
  /** The 述职评议 score of each organization's secretary's report, by organization id (0–100). */
  reviewScores: Record<string, number>;
  /** Worked out when submitted for approval; what the approver decides and what is published. */
  results?: YearEndResult[];
  approvals: YearEndApproval[];
  startedAt: string;
  startedByName: string;
  submittedAt?: string;
  publishedAt?: string;
  currentTaskId?: string;
  version: number;
}

/** One execution per committee and year end (A17): `assessment-year-end-<year>-<key>`. */
export const yearEndExecutionName = (year: number, key: string) => `assessment-year-end-${year}-${key}`;
