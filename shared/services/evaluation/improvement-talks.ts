import { z } from 'zod';
import { recordImprovementTalk as applyTalk } from '../../domain/evaluation/improvement-talk';
import { isoDate, requiredText } from '../../schemas/form-fields';
import { parseForm } from '../../schemas/parse-form';
import { getEvaluation, putPersonGrade } from '../../store/evaluations-repo';
import { commitWithRetry } from '../../store/transact';
import type { Actor } from '../actor';
import { authorize, loadOrgTree } from '../authorization';
import type { ServiceDeps } from '../deps';
import { RecordNotFoundError } from '../../errors';
import { evaluationChange, nextVersion } from './commit';
import { todayIn } from './create-evaluation';
import { TalkNotOpenError } from './errors';

export const improvementTalkSchema = z.object({
  personId: requiredText('党员', 100),
  date: isoDate('谈话日期'),
  talkers: requiredText('谈话人（姓名、职务）', 200),
  note: requiredText('谈话情况', 1000),
});

/**
 * Staff record the improvement talk (谈心谈话) with a member graded 基本合格 on its own, while the evaluation is in its
 * follow-up (docs/domain/evaluation.md, V10): the talk on the member's follow-up (its reminders stop), the evaluation's
 * next version, the person's record and the audit event in one transaction. A double submission records once: the
 * second finds the same talk and changes nothing. Answers whether this call recorded it.
 */
export async function recordImprovementTalk(deps: ServiceDeps, actor: Actor, evaluationId: string, raw: Record<string, unknown>): Promise<{ recorded: boolean }> {
  const talk = parseForm(improvementTalkSchema, raw);
  // Read, decide, write conditioned on the version; a concurrent change (the same talk submitted twice at once) reads again.
  return commitWithRetry<{ recorded: boolean }>(deps.store, async () => {
    const evaluation = await getEvaluation(deps.store, evaluationId);
    if (!evaluation) throw new RecordNotFoundError('该民主评议');
    authorize(actor, 'evaluation.talk', evaluation.orgId, await loadOrgTree(deps.store));
    if (evaluation.status !== 'running' || evaluation.phase !== 'follow-up' || !evaluation.grades || !evaluation.publishedOn) {
      throw new TalkNotOpenError({ detail: `talk in phase ${evaluation.phase}` });
    }
    const result = applyTalk(evaluation.grades, talk.personId, talk, evaluation.publishedOn, todayIn(deps));
    if (result.kind === 'already-recorded') return { answer: { recorded: false } };
    const { grade } = result;
    const event = { at: deps.clock.now().toISOString(), action: 'evaluation.talk-recorded', actor: actor.id, details: { name: grade.name, date: talk.date, talkers: talk.talkers } };
    const onRecord = putPersonGrade(deps.store, grade.personId, { year: evaluation.year, grade: grade.grade, evaluationId, orgName: evaluation.orgName, followUp: grade.followUp });
    return { write: evaluationChange(deps.store, nextVersion(evaluation, { grades: result.grades }), event, [onRecord]), answer: { recorded: true } };
  });
}
