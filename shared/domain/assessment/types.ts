/** The party-building target assessment (党建工作目标考核): docs/domain/assessment.md. */

/** How often an indicator is reported: every month, quarter, half year, or once a year. */
export type Frequency = 'monthly' | 'quarterly' | 'half-yearly' | 'yearly';

/**
 * How an indicator is scored (A4): done or not (all or nothing), graded 0..max by the reviewer, or points per
 * counted occurrence up to the max.
 */
export type ScoringKind = 'done' | 'graded' | 'count';

/** What the system can fill in from its own records (A9). */
export type PrefillSource = 'development-on-time' | 'election-on-time' | 'notice-objections-handled';

export interface Indicator {
  /** Stable key within a scheme, e.g. 'I01'. */
  key: string;
  area: string;
  name: string;
  /** Highest score of the indicator in one period. */
  maxPoints: number;
  frequency: Frequency;
  /** What the report must contain (shown on the report form). */
  requirement: string;
  scoring: ScoringKind;
  /** For 'count': points per counted occurrence. */
  pointsPerCount?: number;
  prefill?: PrefillSource;
}

/** A bonus (加分) or deduction (减分) item the committee applies with evidence, up to its cap per year. */
export interface AdjustmentItem {
  key: string;
  kind: 'bonus' | 'deduction';
  name: string;
  /** Highest total of this item for one organization in one year. */
  cap: number;
}

export type Grade = '好' | '较好' | '一般' | '差';

export interface GradeThresholds {
  /** Lowest total for 好, 较好 and 一般 (below 一般: 差). */
  good: number;
  fairlyGood: number;
  average: number;
}

export interface SchemeSettings {
  /** Working days after a period's last day for the report (A6; default 5). */
  reportDueWorkingDays: number;
  /** Working days for the committee's review after the report (default 5). */
  reviewDueWorkingDays: number;
  /** Points deducted from a period's score for a late report (A7). */
  lateDeduction: number;
  /** Year end (A12): the weights of the period part and the 述职评议 part, in percent; they add up to 100. */
  periodWeight: number;
  reviewWeight: number;
  grades: GradeThresholds;
}

export interface Scheme {
  committeeId: string;
  year: number;
  /** 1, 2, … A published version is never changed (A2). */
  version: number;
  status: 'draft' | 'published';
  /** The first period key this version applies to (A3); the first version applies from the year's first period. */
  appliesFrom?: string;
  indicators: Indicator[];
  adjustments: AdjustmentItem[];
  settings: SchemeSettings;
}
