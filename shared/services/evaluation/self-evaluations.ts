import { parseForm } from '../../schemas/parse-form';
import { auditPut } from '../../store/audit';
import { evaluationPk, putSelfEvaluation } from '../../store/evaluations-repo';
import { transactWrite } from '../../store/transact';
import type { Actor } from '../actor';
import type { ServiceDeps } from '../deps';
import { InputInvalidError } from '../../errors';
import { todayIn } from './create-evaluation';
import { openEvaluationStepFor } from './steps';
import { selfEvaluationSchema } from './step-forms';

/**
 * Staff record a member's self-evaluation while the self-evaluation step is open (step 2): its text, or the name of
 * the written one handed in. A member's later one replaces the earlier; the page lists who has none yet.
 */
export async function recordSelfEvaluation(deps: ServiceDeps, actor: Actor, evaluationId: string, raw: Record<string, unknown>): Promise<void> {
  const { evaluation } = await openEvaluationStepFor(deps, actor, evaluationId, 'self-evaluation');
  const values = parseForm(selfEvaluationSchema, raw);
  const member = evaluation.evaluated.find((m) => m.personId === values.personId);
  if (!member) throw new InputInvalidError({ personId: '此人不在本次评议的党员名单中。' });
  const at = deps.clock.now().toISOString();
  await transactWrite(deps.store, [
    putSelfEvaluation(deps.store, evaluation.id, { personId: member.personId, name: member.name, text: values.text, fileName: values.fileName, collectedOn: todayIn(deps), recordedBy: actor.displayName }),
    auditPut(deps.store, evaluationPk(evaluation.id), { at, action: 'evaluation.self-evaluation-recorded', actor: actor.id, details: { name: member.name } }),
  ]);
}
