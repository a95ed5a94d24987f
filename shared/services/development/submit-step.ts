import { chinaDate } from '../../domain/calendar';
import type { AttachmentMeta, DevelopmentCase, StepRecord } from '../../domain/development/case';
import type { DevelopmentRuleSet } from '../../domain/development/rule-set';
import type { OrgTree } from '../../domain/registry/org-tree';
import { evaluateStep } from '../../domain/development/step-rules';
import { isNoticeReviewKey, isStepKey, stepByKey, type DevelopmentTaskKey, NOTICE_NODE_POSITIONS, noticeNodeOfReviewKey } from '../../domain/development/steps';
import { stepFormSchema, type FormStepKey } from '../../schemas/development-steps';
import { parseForm } from '../../schemas/parse-form';
import { listCaseRecords, putStepRecord } from '../../store/cases-repo';
import { getNotice } from '../../store/notices-repo';
import { claimTask, getTask } from '../../store/tasks-repo';
import { commitWithRetry } from '../../store/transact';
import type { Actor } from '../actor';
import { authorize, loadOrgTree } from '../authorization';
import type { ServiceDeps } from '../deps';
import { InputInvalidError, TaskAlreadyHandledError } from '../../errors';
import { deliverTaskCallback } from '../tasks/deliver-callback';
import { caseChangeItems, developmentTaskId, loadCase } from './case-writes';
import { DevelopmentCaseStateError, DevelopmentRuleViolationError } from './errors';
import { caseNoticeId } from './notice-tasks';
import { getRuleSet } from './rule-sets';
import { gatherStepFacts } from './step-facts';

const RECORD_STEPS = ['evaluation', 'placement', 'oath', 'probationEvaluation'] as const;
type RecordStepKey = (typeof RECORD_STEPS)[number];

function stepInfo(key: DevelopmentTaskKey): { no: number; label: string; committee: boolean } {
  if (isNoticeReviewKey(key)) {
    const position = NOTICE_NODE_POSITIONS.find((p) => p.node === noticeNodeOfReviewKey(key));
    return { no: position?.afterStep ?? 0, label: '公示暂缓后的复核', committee: false };
  }
  const step = stepByKey(key);
  return { no: step.no, label: step.label, committee: step.actor === 'committee-staff' };
}

/** The step may be handled by the actor (403 otherwise); answers the organization tree it read. */
async function authorizeStep(deps: ServiceDeps, actor: Actor, devCase: DevelopmentCase, key: DevelopmentTaskKey): Promise<OrgTree> {
  const tree = await loadOrgTree(deps.store);
  authorize(actor, 'case.handle', devCase.orgId, tree);
  if (stepInfo(key).committee) authorize(actor, 'case.committee', devCase.orgId, tree);
  return tree;
}

/**
 * Step 14 only after the admission notice ended without a founded objection (or the node is off): a closed notice
 * with result proceed, or postponed and then reviewed as proceed. Returns the notice's last day (China time), which
 * the form's date must be after; undefined when the node is off.
 */
export async function checkAdmissionNoticeCleared(deps: ServiceDeps, devCase: DevelopmentCase, rules: DevelopmentRuleSet): Promise<string | undefined> {
  if (!rules.noticeNodes.admission) return undefined;
  const notice = await getNotice(deps.store, caseNoticeId(devCase.id, 'admission', devCase.attempt));
  const base = '拟接收预备党员公示期满、且没有查实的异议后，方可发放和填写入党志愿书';
  if (!notice || devCase.stage !== 4) throw new DevelopmentCaseStateError(`${base}；本案尚未进行拟接收预备党员公示。`);
  if (notice.status === 'open') throw new DevelopmentCaseStateError(`${base}；公示期到 ${notice.endsAt.slice(0, 10)} 结束。`);
  const lastDay = chinaDate(new Date(notice.endsAtMs));
  if (notice.result === 'proceed') return lastDay;
  if (notice.result === 'postponed') {
    const review = await getTask(deps.store, developmentTaskId(devCase.id, 'noticeReview-admission', devCase.attempt));
    if ((review?.output as { decision?: string } | undefined)?.decision === 'proceed') return lastDay;
    throw new DevelopmentCaseStateError(`${base}；公示收到的异议暂缓办理，须在复核日期 ${notice.reviewDate ?? ''} 后复核为继续办理。`);
  }
  throw new DevelopmentCaseStateError(`${base}；公示结果为${notice.result === 'stopped' ? '异议查实，终止发展' : '尚未得出或已撤回'}。`);
}

function recordOf(devCase: DevelopmentCase, actor: Actor, key: DevelopmentTaskKey, values: Record<string, unknown>, derived: Record<string, unknown>, at: string, extra: Pick<StepRecord, 'explanations' | 'lateFlag'>): StepRecord {
  const { attachments, notes, ...rest } = values;
  return {
    caseId: devCase.id, stepNo: stepInfo(key).no, stepKey: key, stage: devCase.stage, attempt: devCase.attempt, at, actorId: actor.id, actorName: actor.displayName,
    values: { ...rest, ...derived }, attachments: attachments as AttachmentMeta[], ...(notes ? { notes: notes as string } : {}), ...extra,
  };
}

/**
 * A staff form for the step the stage execution waits on: validated (zod, Chinese), the rules of docs/domain/development.md applied,
 * then in ONE transaction the step record, the case's new dates, the audit event and the claim of the pending task;
 * only then is the workflow told. A second submission gets TaskAlreadyHandledError; a refused form writes nothing.
 */
export async function submitStepForm(deps: ServiceDeps, actor: Actor, caseId: string, stepKey: string, rawForm: unknown): Promise<StepRecord> {
  if ((RECORD_STEPS as readonly string[]).includes(stepKey)) return recordPeriodStep(deps, actor, caseId, stepKey, rawForm);
  if (!(isStepKey(stepKey) || isNoticeReviewKey(stepKey)) || (isStepKey(stepKey) && stepByKey(stepKey).kind !== 'form') || stepKey === 'application') {
    throw new InputInvalidError({ stepKey: '该步骤不通过表单办理。' });
  }
  let taskId = '';
  const written = await commitWithRetry(deps.store, async () => {
    const devCase = await loadCase(deps, caseId);
    const tree = await authorizeStep(deps, actor, devCase, stepKey);
    const rules = await getRuleSet(deps, devCase.ruleSetVersion);
    const admissionNoticeLastDay = stepKey === 'applicationForm' ? await checkAdmissionNoticeCleared(deps, devCase, rules) : undefined;
    taskId = developmentTaskId(caseId, stepKey, devCase.attempt);
    const task = await getTask(deps.store, taskId);
    if (!task || devCase.stageState !== 'running') throw new DevelopmentCaseStateError(`当前不能办理“${stepInfo(stepKey).label}”：本案还没有进行到这一步。`);
    if (task.status !== 'open') throw new TaskAlreadyHandledError(task.completedBy, task.completedAt);
    const values = parseForm(stepFormSchema(stepKey as FormStepKey), rawForm);
    const now = deps.clock.now();
    const facts = { ...(await gatherStepFacts(deps, stepKey, values, devCase, tree)), admissionNoticeLastDay };
    const evaluation = evaluateStep(stepKey, values, devCase, facts, rules, chinaDate(now));
    if (!evaluation.ok) throw new DevelopmentRuleViolationError(evaluation.problems);
    const at = now.toISOString();
    const record = recordOf(devCase, actor, stepKey, values, evaluation.derived, at, { explanations: evaluation.warnings, ...(evaluation.lateFlag ? { lateFlag: true } : {}) });
    const next: DevelopmentCase = { ...devCase, dates: { ...devCase.dates, ...evaluation.dates }, updatedAt: at, version: devCase.version + 1 };
    return {
      write: [
        claimTask(deps.store, taskId, { completedBy: actor.displayName, completedAt: at, output: evaluation.output }),
        putStepRecord(deps.store, record, false),
        ...(await caseChangeItems(deps, devCase, next, { at, action: 'case.step-recorded', actor: actor.id, details: { stepKey, stepNo: record.stepNo, output: evaluation.output } })),
      ],
      answer: { record, task, output: evaluation.output },
    };
  }, {
    attempts: 7,
    // The task or the record was written by someone else: handled. Otherwise the case changed meanwhile: read again.
    onConditionFailed: async (error) => {
      if (!error.failedAt(0) && !error.failedAt(1)) return;
      const handled = await getTask(deps.store, taskId);
      throw new TaskAlreadyHandledError(handled?.completedBy, handled?.completedAt, { cause: error });
    },
  });
  await deliverTaskCallback(deps, { id: written.task.id, taskToken: written.task.taskToken, output: written.output });
  return written.record;
}

function periodOpen(devCase: DevelopmentCase, key: RecordStepKey): boolean {
  if (devCase.status !== 'active') return false;
  const { dates } = devCase;
  if (key === 'evaluation') return dates.activistDate !== undefined && dates.targetDate === undefined;
  return dates.admissionApprovalDate !== undefined && dates.conversionApprovalDate === undefined;
}

/**
 * The 'record' steps (6 evaluations, 19 placement, 20 oath, 21 probation evaluations): recorded during a period
 * outside any workflow execution, when the case is in it. Placement and the oath are recorded once.
 */
export async function recordPeriodStep(deps: ServiceDeps, actor: Actor, caseId: string, stepKey: string, rawForm: unknown): Promise<StepRecord> {
  if (!(RECORD_STEPS as readonly string[]).includes(stepKey)) throw new InputInvalidError({ stepKey: '该步骤不是考察期登记事项。' });
  const key = stepKey as RecordStepKey;
  const label = stepByKey(key).label;
  return commitWithRetry(deps.store, async () => {
    const devCase = await loadCase(deps, caseId);
    const tree = await authorizeStep(deps, actor, devCase, key);
    if (!periodOpen(devCase, key)) {
      throw new DevelopmentCaseStateError(key === 'evaluation' ? `“${label}”在确定为入党积极分子后、确定为发展对象前登记。` : `“${label}”在上级党委批准为预备党员后、转正前登记。`);
    }
    const once = key === 'placement' || key === 'oath';
    if (once && (await listCaseRecords(deps.store, caseId)).steps.some((s) => s.stepKey === key)) throw new DevelopmentCaseStateError(`“${label}”已经登记过。`);
    const values = parseForm(stepFormSchema(key), rawForm);
    const now = deps.clock.now();
    const rules = await getRuleSet(deps, devCase.ruleSetVersion);
    const evaluation = evaluateStep(key, values, devCase, await gatherStepFacts(deps, key, values, devCase, tree), rules, chinaDate(now));
    if (!evaluation.ok) throw new DevelopmentRuleViolationError(evaluation.problems);
    const at = now.toISOString();
    const record = recordOf(devCase, actor, key, values, evaluation.derived, at, { explanations: evaluation.warnings });
    const next: DevelopmentCase = { ...devCase, dates: { ...devCase.dates, ...evaluation.dates }, updatedAt: at, version: devCase.version + 1 };
    return {
      write: [
        putStepRecord(deps.store, once ? { ...record, attempt: 0 } : record, !once),
        ...(await caseChangeItems(deps, devCase, next, { at, action: 'case.step-recorded', actor: actor.id, details: { stepKey: key, stepNo: record.stepNo } })),
      ],
      answer: record,
    };
  }, {
    attempts: 7,
    onConditionFailed: (error) => {
      if (error.failedAt(0)) throw new DevelopmentCaseStateError(`“${label}”已经登记过。`, { cause: error });
    },
  });
}
