import { z } from 'zod';
import { GRADES, type RaterKind } from '../../domain/evaluation/grades';
import { checkPaperEntry } from '../../domain/evaluation/paper-entry';
import { emptyCounts, type GradeCounts } from '../../domain/evaluation/tally';
import { choice, decimalNumber } from '../../schemas/form-fields';
import { parseForm } from '../../schemas/parse-form';
import { auditPut } from '../../store/audit';
import { evaluationPk, putPaperCounts } from '../../store/evaluations-repo';
import { transactWrite } from '../../store/transact';
import type { Actor } from '../actor';
import type { ServiceDeps } from '../deps';
import { InputInvalidError } from '../../errors';
import { openEvaluationStepFor } from './steps';

const count = (label: string) => z.preprocess((v) => (v === '' || v === undefined ? 0 : decimalNumber(v)), z.number({ error: `${label}应为整数。` }).int(`${label}应为整数。`).min(0, `${label}不能小于 0。`).max(10_000, `${label}过大。`));

const headSchema = z.object({ raterKind: choice('评议人类别', ['member', 'mass']).default('member'), issued: count('发出评议表份数'), returned: count('收回评议表份数') });

/**
 * Staff enter the paper sheets' counts while the rating step is open (docs/domain/evaluation.md, V6): sheets handed out
 * and returned, and per member how many gave each grade (`n.<personId>.<grade>`), reconciled before anything is
 * written. One entry per kind of rater: a corrected entry replaces the earlier one.
 */
export async function enterPaperCounts(deps: ServiceDeps, actor: Actor, evaluationId: string, raw: Record<string, unknown>): Promise<void> {
  const { evaluation } = await openEvaluationStepFor(deps, actor, evaluationId, 'rating');
  const head = parseForm(headSchema, raw);
  const raterKind = head.raterKind as RaterKind;
  if (raterKind === 'mass' && !evaluation.massRating) throw new InputInvalidError({ raterKind: '本次评议方案未安排群众评议。' });
  const counts: Record<string, GradeCounts> = {};
  const problems: Record<string, string> = {};
  for (const member of evaluation.evaluated) {
    const c = emptyCounts();
    for (const grade of GRADES) {
      const parsed = count('票数').safeParse(raw[`n.${member.personId}.${grade}`]);
      if (parsed.success) c[grade] = parsed.data;
      else problems[`n.${member.personId}.${grade}`] = parsed.error.issues[0].message;
    }
    counts[member.personId] = c;
  }
  if (Object.keys(problems).length > 0) throw new InputInvalidError(problems);
  const reconciled = checkPaperEntry({ raterKind, issued: head.issued, returned: head.returned, counts }, new Map(evaluation.evaluated.map((m) => [m.personId, m.name])));
  if (Object.keys(reconciled).length > 0) throw new InputInvalidError(reconciled);
  await transactWrite(deps.store, [
    putPaperCounts(deps.store, evaluationId, { raterKind, issued: head.issued, returned: head.returned, counts }),
    auditPut(deps.store, evaluationPk(evaluationId), { at: deps.clock.now().toISOString(), action: 'evaluation.paper-entered', actor: actor.id, details: { raterKind, issued: head.issued, returned: head.returned } }),
  ]);
}
