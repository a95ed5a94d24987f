import type { ReportEntry, ReportStatus } from './report';
import type { Indicator } from './types';

/** A return for correction (A11): why, by whom, when. */
export interface ReportReturn {
  reason: string;
  at: string;
  byName: string;
}

/** One organization's report for one period (A9–A11), with its review. */
export interface AssessmentReport {
  committeeId: string;
  year: number;
  periodKey: string;
  periodLabel: string;
  orgId: string;
  orgName: string;
  schemeVersion: number;
  /** The period's indicators and settings under the version in force when it opened (A3). */
  indicators: Indicator[];
  lateDeduction: number;
  reviewDueWorkingDays: number;
  status: ReportStatus;
  /** When the report is due (A6) and, once it came in, when the review is due (A10). */
  dueAt: string;
  reviewDueAt?: string;
  entries: ReportEntry[];
  submittedAt?: string;
  submittedByName?: string;
  /** Submitted after the due instant at least once (A7). */
  late: boolean;
  /** How many times the report was submitted and reviewed (returns and the final score). */
  submissions: number;
  reviews: number;
  returns: ReportReturn[];
  scores?: Record<string, number>;
  /** The period score (A8), once scored. */
  score?: number;
  fullMarks: number;
  scoredAt?: string;
  scoredByName?: string;
  currentTaskId?: string;
  version: number;
}
