import type { StageOutcome } from '../../shared/domain/development/case';
import type { NoticeNode } from '../../shared/domain/development/rule-set';
import { stepByKey, type StageNo, type StepKey, type StepKind } from '../../shared/domain/development/steps';

/** After a form step: end the stage when the step's result field has a value. */
export interface EndWhen {
  field: string;
  equals: string | boolean;
  outcome: StageOutcome;
  /** Distinguishes end states of the same outcome (state name suffix) and is the recorded reason. */
  why?: { name: string; reason: string };
}

/** A step of the stage (what it is — form, approval, filing — is the step's kind in the domain's step list), or a notice node. */
export type PlanNode = { step: StepKey; endWhen?: EndWhen[] } | { notice: NoticeNode };

/** Whether a stage's plan has a notice, or a step of the kind (its state machine then needs those tasks). */
export function planUses(plan: PlanNode[], kind: 'notice' | StepKind): boolean {
  return plan.some((node) => ('notice' in node ? kind === 'notice' : stepByKey(node.step).kind === kind));
}

/**
 * The steps each stage execution runs, in order (docs/domain/development.md, docs/domain/notices-and-calendar.md). Step 1 is recorded when the case is opened; the
 * 'record' steps 6, 19, 20, 21 are recorded between executions (the cultivation year, probation).
 */
export const STAGE_PLANS: Record<StageNo, PlanNode[]> = {
  1: [{ step: 'talk' }],
  2: [{ step: 'activistDecision' }, { notice: 'activist' }, { step: 'activistFiling' }, { step: 'contacts' }],
  3: [
    { step: 'targetDecision' },
    { notice: 'developmentTarget' },
    { step: 'targetFiling' },
    { step: 'sponsors' },
    { step: 'politicalReview', endWhen: [{ field: 'qualified', equals: false, outcome: 'rejected', why: { name: 'PoliticalReview', reason: '政治审查不合格' } }] },
    { step: 'training' },
  ],
  4: [
    { step: 'committeeReview' },
    { step: 'preReview' },
    { notice: 'admission' },
    { step: 'applicationForm' },
    { step: 'generalMeeting', endWhen: [{ field: 'passed', equals: false, outcome: 'vote-failed' }] },
    { step: 'interview' },
    { step: 'admissionApproval' },
    { step: 'admissionFiling' },
  ],
  5: [
    { step: 'conversionApplication' },
    { notice: 'conversion' },
    {
      step: 'conversionMeeting',
      endWhen: [
        { field: 'outcome', equals: 'vote-failed', outcome: 'vote-failed' },
        { field: 'outcome', equals: 'extend', outcome: 'extended' },
        { field: 'outcome', equals: 'cancel', outcome: 'cancelled' },
      ],
    },
    { step: 'conversionApproval' },
    { step: 'archive' },
  ],
};
