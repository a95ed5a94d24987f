import type { Evaluation, EvaluationStepKey } from '../../domain/evaluation/evaluation';
import { evaluationFactsNeeded, type EvaluationStepFacts } from '../../domain/evaluation/step-rules';
import { readEvaluationPartition } from '../../store/evaluations-repo';
import type { ServiceDeps } from '../deps';
import { meetingAttendanceOf } from '../registry/questions';
import { evaluationTally } from './tally-view';

/**
 * The facts a step's rules need (shared/domain/evaluation/step-rules.ts), each read once before the rules run:
 * the partition (self-evaluations, counters, paper counts) for the collection and rating steps, the roster's
 * should-attend on the meeting day for a general meeting.
 */
export async function gatherEvaluationFacts(deps: ServiceDeps, evaluation: Evaluation, step: EvaluationStepKey, meetingDate?: string): Promise<EvaluationStepFacts> {
  const needed = evaluationFactsNeeded(step);
  const facts: EvaluationStepFacts = { evaluation };
  if (needed.self || needed.ratings) {
    const partition = await readEvaluationPartition(deps.store, evaluation.id);
    facts.selfCollected = new Set(partition.selfEvaluations.map((s) => s.personId));
    facts.memberSheetsReturned = partition.online.returned.member + partition.paper.filter((p) => p.raterKind === 'member').reduce((s, p) => s + p.returned, 0);
    facts.tally = evaluationTally(evaluation, partition);
  }
  if (needed.attendance && meetingDate) facts.shouldAttend = (await meetingAttendanceOf(deps, evaluation.orgId, meetingDate)).shouldAttendCount;
  return facts;
}
