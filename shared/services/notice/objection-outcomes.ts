import { chinaDate, computePeriodEnd } from '../../domain/calendar';
import { NOTICE_KIND_LABELS } from '../../domain/notice/notice';
import { noticeHeadline } from '../../domain/notice/notice-headline';
import { resultOfOutcomes, type ObjectionOutcome } from '../../domain/notice/objection';
import { objectionOutcomesForm } from '../../schemas/notice-forms';
import { parseForm } from '../../schemas/parse-form';
import { listStaffEmails } from '../../store/accounts-repo';
import { auditPut } from '../../store/audit';
import { loadCalendar } from '../../store/calendar-repo';
import { getNotice, noticePk, updateNotice } from '../../store/notices-repo';
import { listObjections, setObjectionOutcome } from '../../store/objections-repo';
import { claimTask, getTask } from '../../store/tasks-repo';
import { StoreConditionFailedError, transactWrite } from '../../store/transact';
import { authorizeOrg, type Actor } from '../actor';
import type { ServiceDeps } from '../deps';
import { RecordNotFoundError, TaskAlreadyHandledError } from '../../errors';
import { deliverTaskCallback } from '../tasks/deliver-callback';
import { NoticeMissingError } from './close-notice';
import { openPendingTask } from '../tasks/open-pending-task';

/** Staff have 5 working days to record the outcomes (a reminder date; the process waits as long as it takes). */
const OBJECTION_HANDLING_PERIOD = { unit: 'workingDays', count: 5 } as const;

export const objectionTaskId = (noticeId: string) => `notice-objections-${noticeId}`;

/** Task HandleObjections: the notice ended with objections; staff of its organization get a pending step. */
export async function openObjectionTask(deps: ServiceDeps, request: { noticeId: string; taskToken: string }): Promise<void> {
  const notice = await getNotice(deps.store, request.noticeId);
  if (!notice) throw new NoticeMissingError(request.noticeId);
  const now = deps.clock.now();
  const taskId = objectionTaskId(notice.id);
  const { created } = await openPendingTask(deps, {
    id: taskId,
    kind: 'notice-objections',
    title: `公示异议处理：${noticeHeadline(notice)}（${NOTICE_KIND_LABELS[notice.kind]}公示，${notice.objectionCount} 条异议）`,
    orgId: notice.orgId,
    assigneeRole: 'branch-staff',
    subject: { noticeId: notice.id },
    status: 'open',
    createdAt: now.toISOString(),
    dueAt: computePeriodEnd(await loadCalendar(deps.store), now, OBJECTION_HANDLING_PERIOD).endsAtInstant.toISOString(),
    taskToken: request.taskToken,
  }, noticePk(notice.id));
  if (!created) return;
  await deps.mailer.send({
    to: await listStaffEmails(deps.store, notice.orgId),
    subject: `【待办】公示异议处理：${noticeHeadline(notice)}`,
    text:
      `${notice.orgName}：${noticeHeadline(notice)}的${NOTICE_KIND_LABELS[notice.kind]}公示已期满，收到 ${notice.objectionCount} 条异议。\n` +
      `请逐条调查核实并登记处理结果：${deps.publicBaseUrl}/staff/tasks/${taskId}`,
  });
}

/**
 * Staff record the investigation outcome of every objection. One transaction claims the task, records each outcome,
 * sets the notice's result and writes the audit event; only then is the workflow told. A second submission,
 * even at the same moment, gets TaskAlreadyHandledError.
 */
export async function recordObjectionOutcomes(deps: ServiceDeps, actor: Actor, taskId: string, form: unknown) {
  const task = await getTask(deps.store, taskId);
  if (!task || task.kind !== 'notice-objections') throw new RecordNotFoundError('该待办事项');
  authorizeOrg(actor, task.orgId);
  if (task.status !== 'open') throw new TaskAlreadyHandledError(task.completedBy, task.completedAt);
  const noticeId = task.subject.noticeId;
  const objections = await listObjections(deps.store, noticeId);
  const now = deps.clock.now();
  const input = parseForm(objectionOutcomesForm(objections.map((o) => o.id), chinaDate(now)), form);
  const outcomes = objections.map((objection): ObjectionOutcome => ({
    decision: input[`decision.${objection.id}`] as ObjectionOutcome['decision'],
    note: input[`note.${objection.id}`] as string,
    reviewDate: input[`decision.${objection.id}`] === 'postpone' ? (input[`reviewDate.${objection.id}`] as string) : undefined,
    decidedBy: actor.displayName,
    decidedAt: now.toISOString(),
  }));
  const output = resultOfOutcomes(outcomes);
  try {
    await transactWrite(deps.store, [
      claimTask(deps.store, taskId, { completedBy: actor.displayName, completedAt: now.toISOString(), output }),
      ...objections.map((objection, index) => setObjectionOutcome(deps.store, objection, outcomes[index])),
      ...updateNotice(deps.store, noticeId, { set: { ...output }, condition: 'attribute_not_exists(#result)', names: { '#result': 'result' } }),
      auditPut(deps.store, noticePk(noticeId), {
        at: now.toISOString(),
        action: 'notice.objections-handled',
        actor: actor.id,
        details: { ...output, outcomes: outcomes.map((o, i) => ({ objectionId: objections[i].id, decision: o.decision, reviewDate: o.reviewDate })) },
      }),
    ]);
  } catch (error) {
    if (!(error instanceof StoreConditionFailedError)) throw error;
    const handled = await getTask(deps.store, taskId);
    throw new TaskAlreadyHandledError(handled?.completedBy, handled?.completedAt, { cause: error });
  }
  await deliverTaskCallback(deps, { id: taskId, taskToken: task.taskToken, output });
  return output;
}
