import type { CaseEnding } from './case-ending';
import type { Finding } from './check-result';
import type { CaseDates } from './deadlines';
import type { DevelopmentTaskKey, StageNo } from './steps';

/** A development case (一人一档): one person's way from application to full membership. */

/**
 * active: under way; full-member: converted and archived; stopped: a founded objection; cancelled: probation cancelled;
 * ended: ended by branch staff (终止发展: withdrawn, left, died, not continued); transferred-out: the person's membership
 * went to an organization outside the system, the case with it (docs/domain/transfer.md T8b: kept here, read-only).
 */
export type CaseStatus = 'active' | 'full-member' | 'stopped' | 'cancelled' | 'ended' | 'transferred-out';

export const CASE_STATUS_LABELS: Record<CaseStatus, string> = {
  active: '办理中',
  'full-member': '已转为正式党员',
  stopped: '已终止',
  cancelled: '已取消预备党员资格',
  ended: '已终止发展',
  'transferred-out': '已随组织关系转出本系统',
};

/**
 * How a stage execution ended. completed: every step done; rejected: the higher committee said no; vote-failed: the
 * general meeting did not pass; stopped: a founded objection (the case ends); extended: probation extended (a new
 * stage V attempt at the new date); cancelled: probationary status cancelled (the case ends); notice-withdrawn: the
 * notice was withdrawn; blocked: the admission approval passed its hard stop (6 months).
 */
export type StageOutcome = 'completed' | 'rejected' | 'vote-failed' | 'stopped' | 'extended' | 'cancelled' | 'notice-withdrawn' | 'blocked';

export const STAGE_OUTCOME_LABELS: Record<StageOutcome, string> = {
  completed: '已完成',
  rejected: '上级党委未同意',
  'vote-failed': '支部大会表决未通过',
  stopped: '公示异议查实，终止发展',
  extended: '延长预备期',
  cancelled: '取消预备党员资格',
  'notice-withdrawn': '公示已撤回',
  blocked: '审批超过最长期限，已冻结',
};

/** running: a stage execution is under way; between: waiting for the next stage (a date, or staff to start it). */
export type StageState = 'running' | 'between' | 'closed';

/** Warnings shown on the case (docs/domain/warnings.md); the admission approval one is also enforced. */
export type CaseWarningCode = 'admission-approval-overdue' | 'admission-approval-blocked';

export interface CaseWarning {
  code: CaseWarningCode;
  message: string;
  since: string;
}

export interface DevelopmentCase {
  id: string;
  personId: string;
  /** The person's name, for lists. */
  personName: string;
  orgId: string;
  /** The rule set the case started under; it finishes under it. */
  ruleSetVersion: string;
  status: CaseStatus;
  /** The stage running or last run, and its attempt (1, 2, … when a stage is run again). */
  stage: StageNo;
  attempt: number;
  stageState: StageState;
  lastOutcome?: StageOutcome;
  dates: CaseDates;
  /** The stage that may start next and its earliest date (YYYY-MM-DD); absent when the case is closed. */
  nextStage?: { stage: StageNo; attempt: number; earliestStart: string };
  /** Why a stage or the case ended otherwise than completed (Chinese), newest last. */
  outcomeReasons: string[];
  warnings: CaseWarning[];
  /** Set when branch staff ended the case (终止发展). */
  ending?: CaseEnding;
  /** The admission approval passed its hard stop: its decisions are refused. */
  blocked?: boolean;
  executionArn?: string;
  createdAt: string;
  updatedAt: string;
  /** Optimistic-locking version, incremented by every change. */
  version: number;
}

/** Attachment metadata only: the files themselves are kept outside the system. */
export interface AttachmentMeta {
  name: string;
  size: number;
  contentType: string;
  /** Hex SHA-256 of the file. */
  sha256: string;
}

/** One record of the file (一事一记): a step done, who did it, when, and what was decided. */
export interface StepRecord {
  caseId: string;
  stepNo: number;
  stepKey: DevelopmentTaskKey;
  stage: StageNo;
  attempt: number;
  /** When recorded (ISO instant). */
  at: string;
  actorId: string;
  actorName: string;
  /** The form's values, and for approvals/filings what was decided. */
  values: Record<string, unknown>;
  attachments: AttachmentMeta[];
  notes?: string;
  /** Done later than the rule says (e.g. the talk after 1 month); allowed, shown in the file. */
  lateFlag?: boolean;
  /** The rule findings shown and recorded with the step (warnings, explanations). */
  explanations: Finding[];
}

/** The execution of a case's stage: deterministic, so a second start is refused. */
export const stageExecutionName = (caseId: string, stage: StageNo, attempt: number) => `case-${caseId}-stage-${stage}-${attempt}`;

/** Person-facing name of a case's stage state. */
export function caseSummary(devCase: DevelopmentCase): string {
  return `${devCase.personName}（第${devCase.stage}阶段，第${devCase.attempt}次）`;
}
