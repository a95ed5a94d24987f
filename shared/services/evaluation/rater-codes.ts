import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { addDays } from '../../domain/calendar';
import { codeFromBytes } from '../../domain/evaluation/rater-code';
import type { Evaluation } from '../../domain/evaluation/evaluation';
import { choice } from '../../schemas/form-fields';
import { parseForm } from '../../schemas/parse-form';
import { auditPut } from '../../store/audit';
import { countCodesIssued, evaluationPk, listRaterCodes, putNewRaterCode, type RaterCode } from '../../store/evaluations-repo';
import { StoreConditionFailedError, transactWrite } from '../../store/transact';
import type { Actor } from '../actor';
import { authorize, loadOrgTree } from '../authorization';
import type { ServiceDeps } from '../deps';
import { InputInvalidError, RecordNotFoundError } from '../../errors';
import { getEvaluation } from '../../store/evaluations-repo';
import { todayIn } from './create-evaluation';
import { openEvaluationStepFor } from './steps';

export const issueCodesSchema = z.object({
  count: z.preprocess((v) => (typeof v === 'string' ? Number(v.trim() || 'NaN') : v), z.number({ error: '请填写要发放的评议码数量。' }).int('数量应为整数。').min(1, '数量至少为 1。').max(200, '一次最多发放 200 个评议码。')),
  raterKind: choice('评议人类别', ['member', 'mass']).default('member'),
});

/** Codes are written in transactions of this many (with the counter): DynamoDB takes 100 items at most. */
const CHUNK = 50;

/**
 * Staff issue one-time codes while the rating step is open (docs/domain/evaluation.md, V4): each code an item of its
 * own, unspent, valid for the rule set's days; the issued counter of the kind added in the same transaction. A code
 * carries no rater: slips are handed out at random.
 */
export async function issueRaterCodes(deps: ServiceDeps, actor: Actor, evaluationId: string, raw: Record<string, unknown>): Promise<RaterCode[]> {
  const { evaluation } = await openEvaluationStepFor(deps, actor, evaluationId, 'rating');
  const values = parseForm(issueCodesSchema, raw);
  if (values.raterKind === 'mass' && !evaluation.massRating) throw new InputInvalidError({ raterKind: '本次评议方案未安排群众评议。' });
  const validUntil = addDays(todayIn(deps), evaluation.rules.codeValidDays - 1);
  const codes: RaterCode[] = Array.from({ length: values.count }, () => ({ code: codeFromBytes(randomBytes(8)), evaluationId, raterKind: values.raterKind, validUntil, spent: false }));
  for (let i = 0; i < codes.length; i += CHUNK) {
    const chunk = codes.slice(i, i + CHUNK);
    try {
      await transactWrite(deps.store, [...chunk.map((code) => putNewRaterCode(deps.store, code)), countCodesIssued(deps.store, evaluationId, values.raterKind, chunk.length)]);
    } catch (error) {
      if (!(error instanceof StoreConditionFailedError)) throw error;
      // A code already taken (1 in 2^40 per pair): this chunk is drawn again.
      chunk.forEach((code) => { code.code = codeFromBytes(randomBytes(8)); });
      i -= CHUNK;
    }
  }
  await transactWrite(deps.store, [auditPut(deps.store, evaluationPk(evaluationId), { at: deps.clock.now().toISOString(), action: 'evaluation.codes-issued', actor: actor.id, details: { count: codes.length, raterKind: values.raterKind } })]);
  return codes;
}

/** The evaluation's codes for its slips (unspent ones to print) and counts. */
export async function evaluationCodes(deps: ServiceDeps, actor: Actor, evaluationId: string): Promise<{ evaluation: Evaluation; codes: RaterCode[] }> {
  const evaluation = await getEvaluation(deps.store, evaluationId);
  if (!evaluation) throw new RecordNotFoundError('该民主评议');
  authorize(actor, 'evaluation.handle', evaluation.orgId, await loadOrgTree(deps.store));
  return { evaluation, codes: (await listRaterCodes(deps.store, evaluationId)).sort((a, b) => a.raterKind.localeCompare(b.raterKind) || a.code.localeCompare(b.code)) };
}
