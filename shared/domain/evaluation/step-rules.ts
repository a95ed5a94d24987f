import { InputInvalidError } from '../../errors';
import { DevelopmentInputError } from '../development/check-result';
import { checkGeneralMeetingVote, describeGeneralMeetingVote, NO_QUORUM_MESSAGE } from '../development/vote';
import type { DecidedGrade, Evaluation, EvaluationStepKey } from './evaluation';
import { CORRECTION_OUTCOME_LABELS, isDisposal, type CorrectionOutcome } from './follow-up';
import { checkProposal, type ProposedGrade } from './proposal';
import type { EvaluationRules } from './rule-set';
import type { MemberTally } from './tally';

/** A step's form values once parsed (shared/services/evaluation/step-forms.ts). */
export interface MeetingValues {
  meetingDate: string;
  present: number;
  yes: number;
  writtenYes?: number;
  writtenNo?: number;
  notes?: string;
}

export interface FollowUpEntry {
  personId: string;
  talkDate?: string;
  correction?: CorrectionOutcome;
}

export type EvaluationStepValues =
  | { step: 'plan'; values: { studyDate: string; planNotes: string } }
  | { step: 'self-evaluation'; values: { confirmMissing?: string } }
  | { step: 'rating'; values: Record<string, unknown> }
  | { step: 'proposal'; values: { proposal: ProposedGrade[] } }
  | { step: 'meeting' | 'disposal-meeting'; values: MeetingValues }
  | { step: 'follow-up'; values: { entries: FollowUpEntry[] } };

/**
 * What a step's rules need besides the form, read by the service first (one read each): the evaluation; who handed
 * in a self-evaluation; the sheets returned (members', online and paper); the tally; should-attend on the meeting day.
 */
export interface EvaluationStepFacts {
  evaluation: Evaluation;
  selfCollected?: ReadonlySet<string>;
  memberSheetsReturned?: number;
  tally?: MemberTally[];
  shouldAttend?: number;
}

/** Which facts a step's rules need (the service reads only those). */
export function evaluationFactsNeeded(step: EvaluationStepKey): { self?: true; ratings?: true; attendance?: true } {
  if (step === 'self-evaluation') return { self: true };
  if (step === 'rating' || step === 'proposal') return { ratings: true };
  if (step === 'meeting' || step === 'disposal-meeting') return { attendance: true };
  return {};
}

/** What a step records: its values, what the workflow is told, the evaluation's changes; `completes` ends it. */
export interface EvaluationStepResult {
  values: Record<string, unknown>;
  outcome: Record<string, unknown>;
  changes: Partial<Evaluation>;
  /** The evaluation is completed by this step (the service stamps the time). */
  completes?: boolean;
  /** Grades to write again on the persons' records (follow-up done). */
  recordOnPersons?: DecidedGrade[];
}

function refuse(problems: Record<string, string>): void {
  if (Object.keys(problems).length > 0) throw new InputInvalidError(problems);
}

/** The general-meeting vote rule (V9): no quorum → refused (nothing recorded, the step stays open); else adopted or not. */
function meetingVote(values: MeetingValues, shouldAttend: number, today: string) {
  if (values.meetingDate > today) throw new InputInvalidError({ meetingDate: '支部大会日期不能晚于今天。' });
  const input = { shouldAttend, present: values.present, yes: values.yes, writtenYes: values.writtenYes, writtenNo: values.writtenNo };
  let result;
  try {
    result = checkGeneralMeetingVote(input);
  } catch (error) {
    if (error instanceof DevelopmentInputError) throw new InputInvalidError({ present: error.message }, { cause: error });
    throw error;
  }
  if (!result.quorumMet) throw new InputInvalidError({ present: `${NO_QUORUM_MESSAGE}（应到会 ${shouldAttend} 人，至少须到会 ${result.required.present} 人）。` });
  return { passed: result.passed, values: { ...values, shouldAttend, result: describeGeneralMeetingVote(input, result) } };
}

/** Follow-up (V10): each talk dated, no later than today; each 限期改正 reviewed once its deadline is reached. */
function followUp(evaluation: Evaluation, entries: readonly FollowUpEntry[], today: string): EvaluationStepResult {
  const problems: Record<string, string> = {};
  const grades = (evaluation.grades ?? []).map((g): DecidedGrade => {
    const entry = entries.find((e) => e.personId === g.personId);
    if (!g.followUp) return g;
    if (g.followUp.kind === 'improvement-talk') {
      // A talk recorded on its own (improvement-talk.ts) stands; the step's date field is for one not yet recorded.
      const talkDate = g.followUp.talk?.date ?? entry?.talkDate ?? g.followUp.doneOn;
      if (!talkDate) problems[`talk.${g.personId}`] = `请填写与${g.name}谈心谈话的日期。`;
      else if (talkDate > today) problems[`talk.${g.personId}`] = '谈话日期不能晚于今天。';
      return { ...g, followUp: { ...g.followUp, ...(talkDate ? { doneOn: talkDate } : {}) } };
    }
    if (!entry?.correction) problems[`review.${g.personId}`] = `请选择${g.name}限期改正期满后的整改结果。`;
    else if (today < g.followUp.dueDate) problems[`review.${g.personId}`] = `${g.name}的限期改正到 ${g.followUp.dueDate} 期满，期满后方可评定整改结果。`;
    const { disposal: _previous, ...rest } = g;
    return { ...rest, ...(entry?.correction ? { correction: entry.correction } : {}) };
  });
  refuse(problems);
  const outcomes = grades.filter((g) => g.correction).map((g) => `${g.name}：${CORRECTION_OUTCOME_LABELS[g.correction!]}`);
  // 劝其退党 and 除名 go to a general meeting, then to higher approval (V12); otherwise the evaluation is done.
  const disposals = grades.filter((g) => g.correction && isDisposal(g.correction)).length;
  return {
    values: { entries, outcomes },
    outcome: { disposals },
    changes: { grades },
    completes: disposals === 0,
    recordOnPersons: disposals === 0 ? grades.filter((g) => g.followUp) : undefined,
  };
}

/**
 * The rules of each human step of an evaluation (docs/domain/evaluation.md): pure, from the step's parsed values,
 * the facts the service read first, the evaluation's rule set and today (China date). Bad input: InputInvalidError
 * with a Chinese message per field, nothing recorded.
 */
export function applyEvaluationStep(input: EvaluationStepValues, facts: EvaluationStepFacts, rules: EvaluationRules, today: string): EvaluationStepResult {
  const { evaluation } = facts;
  switch (input.step) {
    case 'plan':
      if (input.values.studyDate > today) throw new InputInvalidError({ studyDate: '学习教育日期不能晚于今天。' });
      return { values: input.values, outcome: {}, changes: {} };
    case 'self-evaluation': {
      const collected = facts.selfCollected ?? new Set<string>();
      const missing = evaluation.evaluated.filter((m) => !collected.has(m.personId)).map((m) => m.name);
      if (missing.length > 0 && !input.values.confirmMissing) {
        throw new InputInvalidError({ confirmMissing: `尚未收到 ${missing.join('、')} 的个人自评。如确需结束收集，请勾选“确认结束自评收集”。` });
      }
      return { values: { missing }, outcome: { missing: missing.length }, changes: {} };
    }
    case 'rating': {
      const returned = facts.memberSheetsReturned ?? 0;
      if (returned === 0) throw new InputInvalidError({ _form: '还没有收到党员的评议（网上评议或纸质评议表），不能结束民主评议。' });
      return { values: { returned }, outcome: { returned }, changes: {} };
    }
    case 'proposal': {
      const tally = facts.tally ?? [];
      const { proposal } = input.values;
      refuse(checkProposal(tally, proposal, rules));
      return { values: { proposal, tally: tally.map((t) => ({ personId: t.personId, majority: t.majority, counts: t.member.counts })) }, outcome: {}, changes: { proposal } };
    }
    case 'meeting': {
      const vote = meetingVote(input.values, facts.shouldAttend ?? 0, today);
      const grades: DecidedGrade[] = (evaluation.proposal ?? []).map((p) => {
        const member = evaluation.evaluated.find((m) => m.personId === p.personId);
        return { ...p, name: member?.name ?? '', probationary: member?.probationary ?? false };
      });
      return { values: vote.values, outcome: { adopted: vote.passed }, changes: vote.passed ? { grades } : {} };
    }
    case 'disposal-meeting': {
      const vote = meetingVote(input.values, facts.shouldAttend ?? 0, today);
      const grades = (evaluation.grades ?? []).map((g) => (g.correction && isDisposal(g.correction) ? { ...g, disposal: vote.passed ? 'adopted' as const : 'not-adopted' as const } : g));
      return { values: vote.values, outcome: { adopted: vote.passed }, changes: { grades } };
    }
    case 'follow-up':
      return followUp(evaluation, input.values.entries, today);
  }
}
