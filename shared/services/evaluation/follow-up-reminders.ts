import { chinaDate } from '../../domain/calendar';
import type { Evaluation } from '../../domain/evaluation/evaluation';
import { FOLLOW_UP_LABELS, followUpReminders, followUpReminderText, type FollowUpReminder } from '../../domain/evaluation/follow-up';
import { listStaffEmails } from '../../store/accounts-repo';
import { auditPut } from '../../store/audit';
import { evaluationPk, listYearEvaluations } from '../../store/evaluations-repo';
import { StoreConditionFailedError, transactWrite } from '../../store/transact';
import type { ServiceDeps } from '../deps';

const markerKey = (evaluationId: string, r: FollowUpReminder) => ({ pk: `EVALREMIND#${evaluationId}`, sk: `${r.personId}#${r.kind}#${r.dueDate}#${r.level}` });

/** The marker and the audit event, written only if the marker is absent: false when another run already did. */
async function claim(deps: ServiceDeps, evaluation: Evaluation, r: FollowUpReminder): Promise<boolean> {
  const at = deps.clock.now().toISOString();
  try {
    await transactWrite(deps.store, [
      { Put: { TableName: deps.store.tableName, Item: { ...markerKey(evaluation.id, r), type: 'evaluation-reminder', at }, ConditionExpression: 'attribute_not_exists(pk)' } },
      auditPut(deps.store, evaluationPk(evaluation.id), { at, action: 'evaluation.follow-up-reminder-sent', actor: 'system', details: { personId: r.personId, kind: r.kind, dueDate: r.dueDate, level: r.level } }),
    ]);
    return true;
  } catch (error) {
    if (error instanceof StoreConditionFailedError && error.failedAt(0)) return false;
    throw error;
  }
}

/**
 * The scheduler's follow-up reminders (docs/domain/evaluation.md, V13): for the evaluations in their follow-up (years
 * up to two before today's), each improvement talk and 限期改正 due soon or due is mailed to the branch's staff once
 * per level (a marker `EVALREMIND#<id>` / `<personId>#<kind>#<dueDate>#<level>` written first, with the audit event).
 * Answers the reminders mailed now.
 */
export async function mailEvaluationFollowUpReminders(deps: ServiceDeps): Promise<FollowUpReminder[]> {
  const today = chinaDate(deps.clock.now());
  const year = Number(today.slice(0, 4));
  const evaluations = (await Promise.all([year - 2, year - 1, year].map((y) => listYearEvaluations(deps.store, y)))).flat()
    .filter((e) => e.status === 'running' && e.phase === 'follow-up');
  const mailed: FollowUpReminder[] = [];
  for (const evaluation of evaluations) {
    const due = followUpReminders(evaluation.grades ?? [], today);
    if (due.length === 0) continue;
    const to = await listStaffEmails(deps.store, evaluation.orgId);
    if (to.length === 0) continue; // nobody to tell yet: the next run tries again
    for (const r of due) {
      if (!(await claim(deps, evaluation, r))) continue;
      await deps.mailer.send({
        to,
        subject: `【民主评议提醒】${evaluation.orgName}：${r.name}${FOLLOW_UP_LABELS[r.kind]}${r.level === 'due' ? '已到期' : '即将到期'}`,
        text: `${followUpReminderText(r)}\n\n请办理：${deps.publicBaseUrl}/staff/evaluations/${encodeURIComponent(evaluation.id)}\n（本邮件由系统自动发送，每项提醒只发送一次。）`,
      });
      mailed.push(r);
    }
  }
  return mailed;
}
