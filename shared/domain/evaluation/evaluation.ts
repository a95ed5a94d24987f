import type { CorrectionOutcome, FollowUp } from './follow-up';
import type { EvaluatedMember, ExcludedFromEvaluation } from './participants';
import type { ProposedGrade } from './proposal';
import type { EvaluationRules } from './rule-set';

/** The human steps of an evaluation (docs/domain/evaluation.md), in §9's order. */
export const EVALUATION_STEPS = {
  plan: { label: '制定方案、学习教育', phase: 'plan' },
  'self-evaluation': { label: '个人自评', phase: 'self-evaluation' },
  rating: { label: '民主评议', phase: 'rating' },
  proposal: { label: '支部委员会提出评定意见', phase: 'proposal' },
  meeting: { label: '支部大会审议', phase: 'meeting' },
  'follow-up': { label: '组织处置', phase: 'follow-up' },
  'disposal-meeting': { label: '支部大会讨论组织处置', phase: 'follow-up' },
} as const;

export type EvaluationStepKey = keyof typeof EVALUATION_STEPS;
export type EvaluationPhase = (typeof EVALUATION_STEPS)[EvaluationStepKey]['phase'] | 'approval' | 'publication' | 'completed';

export const EVALUATION_PHASE_LABELS: Record<EvaluationPhase, string> = {
  plan: '制定方案',
  'self-evaluation': '个人自评',
  rating: '民主评议',
  proposal: '组织评定',
  meeting: '支部大会审议',
  approval: '上级党委审核审批',
  publication: '公开定档结果',
  'follow-up': '组织处置',
  completed: '已完成',
};

export type EvaluationStatus = 'running' | 'completed';

/** A member's grade as decided, with what follows from it. */
export interface DecidedGrade extends ProposedGrade {
  name: string;
  probationary: boolean;
  followUp?: FollowUp;
  /** 限期改正 reviewed: the outcome. */
  correction?: CorrectionOutcome;
  /** 劝其退党 / 除名: the general meeting's decision, then the higher committee's (V12). */
  disposal?: 'adopted' | 'not-adopted' | 'approved' | 'returned';
  /** A probationary member graded 不合格: the development case to handle it in (extension or cancellation), if open. */
  developmentCaseId?: string;
}

/** One branch's evaluation of one year. */
export interface Evaluation {
  id: string;
  orgId: string;
  orgName: string;
  year: number;
  rulesVersion: string;
  rules: EvaluationRules;
  /** Whether non-member staff rate too (群众评议). */
  massRating: boolean;
  /** The evaluation date: who is a member on it is evaluated. */
  date: string;
  evaluated: EvaluatedMember[];
  excluded: ExcludedFromEvaluation[];
  status: EvaluationStatus;
  phase: EvaluationPhase;
  currentStep?: EvaluationStepKey;
  currentTaskId?: string;
  stepCounts: Partial<Record<EvaluationStepKey, number>>;
  /** Codes issued so far, per kind of rater. */
  codesIssued: { member: number; mass: number };
  /** The proposal in force (the last one the committee made). */
  proposal?: ProposedGrade[];
  /** The grades adopted by the general meeting, then approved and published. */
  grades?: DecidedGrade[];
  approvals: { approvalId: string; outcome: 'approved' | 'rejected'; decidedAt: string; comment?: string }[];
  noticeId?: string;
  publishedOn?: string;
  createdAt: string;
  createdBy: string;
  completedAt?: string;
  version: number;
}

export const evaluationExecutionName = (evaluationId: string) => `evaluation-${evaluationId}`;

