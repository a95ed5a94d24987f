import type { StageOutcome } from '../../shared/domain/development/case';
import type { NoticeNode } from '../../shared/domain/development/rule-set';
import type { StageNo, StepKey } from '../../shared/domain/development/steps';

/** After a form step: end the stage when the step's result field has a value. */
export interface EndWhen {
  field: string;
  equals: string | boolean;
  outcome: StageOutcome;
  /** Distinguishes end states of the same outcome (state name suffix) and is the recorded reason. */
  why?: { name: string; reason: string };
}

export type PlanNode =
  | { form: StepKey; endWhen?: EndWhen[] }
  | { notice: NoticeNode }
  | { approval: 'preReview' | 'admissionApproval' | 'conversionApproval' }
  | { filing: 'activistFiling' | 'targetFiling' | 'admissionFiling' };

/**
 * The steps each stage execution runs, in order (docs/domain/development.md, docs/domain/notices-and-calendar.md). Step 1 is recorded when the case is opened; the
 * 'record' steps 6, 19, 20, 21 are recorded between executions (the cultivation year, probation).
 */
export const STAGE_PLANS: Record<StageNo, PlanNode[]> = {
  1: [{ form: 'talk' }],
  2: [{ form: 'activistDecision' }, { notice: 'activist' }, { filing: 'activistFiling' }, { form: 'contacts' }],
  3: [
    { form: 'targetDecision' },
    { notice: 'developmentTarget' },
    { filing: 'targetFiling' },
    { form: 'sponsors' },
    { form: 'politicalReview', endWhen: [{ field: 'qualified', equals: false, outcome: 'rejected', why: { name: 'PoliticalReview', reason: '政治审查不合格' } }] },
    { form: 'training' },
  ],
  4: [
    { form: 'committeeReview' },
    { approval: 'preReview' },
    { notice: 'admission' },
    { form: 'applicationForm' },
    { form: 'generalMeeting', endWhen: [{ field: 'passed', equals: false, outcome: 'vote-failed' }] },
    { form: 'interview' },
    { approval: 'admissionApproval' },
    { filing: 'admissionFiling' },
  ],
  5: [
    { form: 'conversionApplication' },
    { notice: 'conversion' },
    {
      form: 'conversionMeeting',
      endWhen: [
        { field: 'outcome', equals: 'vote-failed', outcome: 'vote-failed' },
        { field: 'outcome', equals: 'extend', outcome: 'extended' },
        { field: 'outcome', equals: 'cancel', outcome: 'cancelled' },
      ],
    },
    { approval: 'conversionApproval' },
    { form: 'archive' },
  ],
};
