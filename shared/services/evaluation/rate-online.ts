import { randomInt } from 'node:crypto';
import { GRADES, isGrade, type Grade } from '../../domain/evaluation/grades';
import type { EvaluatedMember } from '../../domain/evaluation/participants';
import { isWellFormedCode, normalizeCode } from '../../domain/evaluation/rater-code';
import { getEvaluation, getRaterCode, spendCodeAndCount, TALLY_SHARDS, type RaterCode } from '../../store/evaluations-repo';
import { StoreConditionFailedError, transactWrite } from '../../store/transact';
import type { ServiceDeps } from '../deps';
import { InputInvalidError } from '../../errors';
import { todayIn } from './create-evaluation';
import { RaterCodeRefusedError } from './errors';

export interface RatingBallot {
  code: string;
  orgName: string;
  year: number;
  members: EvaluatedMember[];
}

/** Why a stored code cannot rate today, or undefined. */
async function problemOf(deps: ServiceDeps, code: RaterCode | undefined): Promise<RaterCodeRefusedError | undefined> {
  if (!code) return new RaterCodeRefusedError('unknown');
  if (code.spent) return new RaterCodeRefusedError('spent');
  if (code.validUntil < todayIn(deps)) return new RaterCodeRefusedError('expired');
  const evaluation = await getEvaluation(deps.store, code.evaluationId);
  if (!evaluation || evaluation.status !== 'running' || evaluation.currentStep !== 'rating') return new RaterCodeRefusedError('closed');
  return undefined;
}

/**
 * A rater opens the public page with a code (docs/domain/evaluation.md, V4): the members to rate. Reads only — opening
 * the page, a scanner's GET or HEAD, never spends the code. Unknown, spent, expired or closed: RaterCodeRefusedError.
 */
export async function openRatingBallot(deps: ServiceDeps, rawCode: string): Promise<RatingBallot> {
  const code = normalizeCode(rawCode ?? '');
  if (!isWellFormedCode(code)) throw new RaterCodeRefusedError('unknown');
  const stored = await getRaterCode(deps.store, code);
  const problem = await problemOf(deps, stored);
  if (problem) throw problem;
  const evaluation = (await getEvaluation(deps.store, stored!.evaluationId))!;
  return { code, orgName: evaluation.orgName, year: evaluation.year, members: evaluation.evaluated };
}

/**
 * The rater confirms (V4): a grade for every member, then the code is spent and the grades counted on a shard drawn at
 * random in one transaction whose condition is that the code is unspent and valid and the rating not closed (`spendCodeAndCount`). Ten
 * submissions of one code at once count once; the others are told the code was used. Nothing stored relates the code,
 * the rater, the address or the time to the grades.
 */
export async function submitRating(deps: ServiceDeps, rawCode: string, form: Record<string, unknown>): Promise<void> {
  const ballot = await openRatingBallot(deps, rawCode);
  const stored = (await getRaterCode(deps.store, ballot.code))!;
  const grades: Record<string, Grade> = {};
  const problems: Record<string, string> = {};
  for (const member of ballot.members) {
    const value = form[`grade.${member.personId}`];
    if (isGrade(value)) grades[member.personId] = value;
    else problems[`grade.${member.personId}`] = `请为${member.name}选择一个等次（${GRADES.length} 选 1）。`;
  }
  if (Object.keys(problems).length > 0) throw new InputInvalidError(problems);
  try {
    // The shard is drawn at random: nothing of the code, the rater or the time decides where the grades are counted.
    const shard = randomInt(TALLY_SHARDS);
    await transactWrite(deps.store, spendCodeAndCount(deps.store, { code: ballot.code, evaluationId: stored.evaluationId, raterKind: stored.raterKind, today: todayIn(deps), grades, shard }));
  } catch (error) {
    if (!(error instanceof StoreConditionFailedError)) throw error;
    throw (await problemOf(deps, await getRaterCode(deps.store, ballot.code))) ?? new RaterCodeRefusedError('spent', { cause: error });
  }
}
