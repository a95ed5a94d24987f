import { chinaDate } from '../../domain/calendar';
import type { DecidedGrade, Evaluation } from '../../domain/evaluation/evaluation';
import { followUpFor, pointsToDevelopmentCase } from '../../domain/evaluation/follow-up';
import { listStaffEmails } from '../../store/accounts-repo';
import { getOpenCaseIdOf } from '../../store/cases-repo';
import type { MatterNoticeDraft } from '../../domain/notice/notice';
import { getEvaluation, putPersonGrade } from '../../store/evaluations-repo';
import { getNotice } from '../../store/notices-repo';
import { StoreConditionFailedError, transactWrite } from '../../store/transact';
import type { Actor } from '../actor';
import { authorize, loadOrgTree } from '../authorization';
import type { ServiceDeps } from '../deps';
import { RecordNotFoundError } from '../../errors';
import { fileObjection } from '../notice/file-objection';
import { noticeContactOf } from '../registry/notice-contact';
import { gradeLines } from './approval';
import { evaluationChange, nextVersion } from './commit';

/** The publication's notice id: one per approval, so a reconsidered publication is a new notice. */
const noticeIdOf = (evaluationId: string, attempt: number) => `${evaluationId}-grades-${attempt}`;

/**
 * Task PrepareNotice (step 7): the approved grades as an internal notice of the branch (党务工作公开栏, never the
 * public board) for the rule set's period; the evaluation records the reference once (a retried task returns the same).
 */
export async function prepareGradesNotice(deps: ServiceDeps, request: { evaluationId: string }): Promise<{ draft: MatterNoticeDraft }> {
  const evaluation = await getEvaluation(deps.store, request.evaluationId);
  if (!evaluation) throw new Error(`Evaluation ${request.evaluationId} not found`);
  const draft: MatterNoticeDraft = {
    id: noticeIdOf(evaluation.id, evaluation.approvals.length),
    orgId: evaluation.orgId,
    orgName: evaluation.orgName,
    kind: 'evaluation-grades',
    audience: 'internal',
    matter: {
      title: `${evaluation.orgName}${evaluation.year}年度民主评议党员定档结果公示`,
      body: `经支部大会审议、上级党委审核审批，${evaluation.orgName}${evaluation.year}年度民主评议党员定档结果如下：\n${gradeLines(evaluation)}\n公示期间如有异议，请向支部反映。`,
    },
    objectionContact: await noticeContactOf(deps, { id: evaluation.orgId, name: evaluation.orgName }, 'own'),
    period: evaluation.rules.publication,
    createdBy: evaluation.createdBy,
  };
  if (evaluation.noticeId === draft.id) return { draft };
  try {
    await transactWrite(deps.store, evaluationChange(deps.store, nextVersion(evaluation, { noticeId: draft.id, publishedOn: chinaDate(deps.clock.now()), phase: 'publication' }), {
      at: deps.clock.now().toISOString(), action: 'evaluation.grades-published', actor: 'system', details: { noticeId: draft.id },
    }));
  } catch (error) {
    if (!(error instanceof StoreConditionFailedError)) throw error;
    return prepareGradesNotice(deps, request);
  }
  return { draft };
}

/**
 * A member's objection to the published grades, recorded by staff while the notice is open (members have no
 * accounts): as any objection (docs/domain/notices-and-calendar.md), handled when the period ends.
 */
export async function recordMemberObjection(deps: ServiceDeps, actor: Actor, evaluationId: string, form: Record<string, unknown>): Promise<{ objectionId: string }> {
  const evaluation = await getEvaluation(deps.store, evaluationId);
  if (!evaluation?.noticeId) throw new RecordNotFoundError('该民主评议的定档结果公示');
  authorize(actor, 'evaluation.handle', evaluation.orgId, await loadOrgTree(deps.store));
  if (!(await getNotice(deps.store, evaluation.noticeId))) throw new RecordNotFoundError('该民主评议的定档结果公示');
  return fileObjection(deps, evaluation.noticeId, form, { internal: true, actor: actor.id });
}

/** The branch's staff told once (by the run that recorded the grades) where each probationary 不合格 is handled. */
async function mailProbationPointers(deps: ServiceDeps, evaluation: Evaluation, grades: readonly DecidedGrade[]): Promise<void> {
  if (grades.length === 0) return;
  const to = await listStaffEmails(deps.store, evaluation.orgId);
  if (to.length === 0) return;
  const lines = grades.map((g) => `${g.name}：${g.developmentCaseId ? `${deps.publicBaseUrl}/staff/cases/${encodeURIComponent(g.developmentCaseId)}` : '系统中没有其发展党员档案，请线下办理'}`);
  await deps.mailer.send({
    to,
    subject: `【待办】预备党员民主评议为不合格：${grades.map((g) => g.name).join('、')}`,
    text: `${evaluation.orgName}${evaluation.year}年度民主评议中，以下预备党员评定为不合格，请按发展党员程序办理延长预备期或取消预备党员资格：\n${lines.join('\n')}`,
  });
}

/**
 * Task RecordGrades (step 8): the published grades written to each person's record (`EVALGRADE#<year>`), each with its
 * follow-up (V10) from the publication day; the evaluation is completed when nobody needs a follow-up. Output:
 * { followUps } — how many members the follow-up step has to handle. Idempotent (puts by person and year).
 */
export async function recordEvaluationGrades(deps: ServiceDeps, request: { evaluationId: string }): Promise<{ followUps: number }> {
  const evaluation = await getEvaluation(deps.store, request.evaluationId);
  if (!evaluation) throw new Error(`Evaluation ${request.evaluationId} not found`);
  const publishedOn = evaluation.publishedOn ?? chinaDate(deps.clock.now());
  const decided = evaluation.grades ?? [];
  const followUps = decided.filter((g) => g.followUp ?? followUpFor(g.grade, g.probationary, publishedOn, evaluation.rules)).length;
  if (evaluation.phase === 'follow-up' || evaluation.status === 'completed') return { followUps };
  // A probationary member graded 不合格 is pointed to the development case (V10): its id, read once per such member.
  const grades = await Promise.all(decided.map(async (g) => {
    const withFollowUp = { ...g, followUp: g.followUp ?? followUpFor(g.grade, g.probationary, publishedOn, evaluation.rules) };
    if (!pointsToDevelopmentCase(g.grade, g.probationary)) return withFollowUp;
    const developmentCaseId = await getOpenCaseIdOf(deps.store, g.personId);
    return developmentCaseId ? { ...withFollowUp, developmentCaseId } : withFollowUp;
  }));
  const now = deps.clock.now().toISOString();
  const next = nextVersion(evaluation, { grades, phase: followUps > 0 ? 'follow-up' : 'completed', ...(followUps > 0 ? {} : { status: 'completed' as const, completedAt: now }) });
  const puts = grades.map((g) => putPersonGrade(deps.store, g.personId, { year: evaluation.year, grade: g.grade, evaluationId: evaluation.id, orgName: evaluation.orgName, followUp: g.followUp }));
  // A transaction holds 100 items: the grades go in chunks first (idempotent puts), then the evaluation's change.
  for (let i = 0; i < puts.length; i += 90) await transactWrite(deps.store, puts.slice(i, i + 90));
  try {
    await transactWrite(deps.store, evaluationChange(deps.store, next, { at: now, action: 'evaluation.grades-recorded', actor: 'system', details: { followUps } }));
  } catch (error) {
    if (!(error instanceof StoreConditionFailedError)) throw error;
    return recordEvaluationGrades(deps, request);
  }
  await mailProbationPointers(deps, evaluation, grades.filter((g) => pointsToDevelopmentCase(g.grade, g.probationary)));
  return { followUps };
}
