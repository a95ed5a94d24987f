import { GRADES, type RaterKind } from '../../domain/evaluation/grades';
import { emptyCounts, tallyEvaluation, type MemberTally, type RatingCounts } from '../../domain/evaluation/tally';
import type { Evaluation } from '../../domain/evaluation/evaluation';
import type { EvaluationPartition } from '../../store/evaluations-repo';

/** Online counters and paper counts together (docs/domain/evaluation.md, V5, V6). */
export function combinedCounts(partition: Pick<EvaluationPartition, 'online' | 'paper'>): RatingCounts {
  const combined: RatingCounts = structuredClone(partition.online);
  for (const paper of partition.paper) {
    const kind: RaterKind = paper.raterKind;
    combined.returned[kind] += paper.returned;
    for (const [personId, counts] of Object.entries(paper.counts)) {
      const into = (combined.counts[kind][personId] ??= emptyCounts());
      for (const g of GRADES) into[g] += counts[g];
    }
  }
  return combined;
}

/** The tally of the evaluation as it stands: every evaluated member, online and paper ratings together. */
export function evaluationTally(evaluation: Evaluation, partition: Pick<EvaluationPartition, 'online' | 'paper'>): MemberTally[] {
  return tallyEvaluation(evaluation.evaluated, combinedCounts(partition), evaluation.rules.massWeight);
}
