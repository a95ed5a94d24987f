import { chinaDate } from '../../domain/calendar';
import type { Evaluation } from '../../domain/evaluation/evaluation';
import { evaluationFollowUpEvents, FOLLOW_UP_LABELS, followUpReminderText, nextFollowUpWake, type FollowUpReminder } from '../../domain/evaluation/follow-up';
import { dueEvents } from '../../domain/scheduling/next-wake';
import { listStaffEmails } from '../../store/accounts-repo';
import { auditPut } from '../../store/audit';
import { dueBackfillDone, forEachDueEntry, markDueBackfillDone, moveDueEntry, moveDueEntryUnlessChanged, type DueEntry } from '../../store/due-index';
import { backfillEvaluationEntry, evaluationDueTarget, followUpMarkerKey, listFollowUpRemindersSent } from '../../store/evaluation-due';
import { evaluationPk, getEvaluation, listYearEvaluations } from '../../store/evaluations-repo';
import { StoreConditionFailedError, transactWrite, type TransactItem } from '../../store/transact';
import type { ServiceDeps } from '../deps';

/**
 * The marker and the audit event, written only if the marker is absent, with the move of the evaluation's due entry
 * past the reminder (only while the evaluation is at the version read): false when another run already did, or the
 * evaluation changed meanwhile (its own entry stands).
 */
async function claim(deps: ServiceDeps, evaluation: Evaluation, key: string, r: FollowUpReminder, move: TransactItem): Promise<boolean> {
  const at = deps.clock.now().toISOString();
  try {
    await transactWrite(deps.store, [
      { Put: { TableName: deps.store.tableName, Item: { ...followUpMarkerKey(evaluation.id, key), type: 'evaluation-reminder', at }, ConditionExpression: 'attribute_not_exists(pk)' } },
      auditPut(deps.store, evaluationPk(evaluation.id), { at, action: 'evaluation.follow-up-reminder-sent', actor: 'system', details: { personId: r.personId, kind: r.kind, dueDate: r.dueDate, level: r.level } }),
      move,
    ]);
    return true;
  } catch (error) {
    if (error instanceof StoreConditionFailedError) return false;
    throw error;
  }
}

/**
 * The scheduler's follow-up reminders (docs/domain/evaluation.md, V13): for the evaluations in their follow-up (years
 * up to two before today's), each improvement talk and 限期改正 due soon or due is mailed to the branch's staff once
 * per level (a marker `EVALREMIND#<id>` / `<personId>#<kind>#<dueDate>#<level>` written first, with the audit event).
 * Only the evaluations whose due entry has come are read (docs/domain/scheduler.md). Answers the reminders mailed now.
 */
export async function mailEvaluationFollowUpReminders(deps: ServiceDeps): Promise<FollowUpReminder[]> {
  await backfillEvaluationEntries(deps); // once per store: evaluations in their follow-up before their entries
  const today = chinaDate(deps.clock.now());
  const mailed: FollowUpReminder[] = [];
  await forEachDueEntry(deps.store, 'evaluation', today, async (entry) => {
    mailed.push(...await wakeEvaluation(deps, entry, today));
  });
  return mailed;
}

/** One evaluation whose entry is due: its reminders due today not sent yet, each claimed then mailed. */
async function wakeEvaluation(deps: ServiceDeps, entry: DueEntry, today: string): Promise<FollowUpReminder[]> {
  const evaluation = await getEvaluation(deps.store, entry.id);
  if (!evaluation) {
    await moveDueEntryUnlessChanged(deps.store, moveDueEntry(deps.store, { ...entry, wakeAt: undefined }));
    return [];
  }
  const done = await listFollowUpRemindersSent(deps.store, evaluation.id);
  const wakeAfter = (keys: readonly string[]) => nextFollowUpWake(evaluation, today, new Set([...done, ...keys]));
  const move = (wakeAt: string | undefined) => moveDueEntry(deps.store, evaluationDueTarget(evaluation, wakeAt));
  const due = dueEvents(evaluationFollowUpEvents(evaluation), today, done);
  if (due.length === 0) {
    await moveDueEntryUnlessChanged(deps.store, move(wakeAfter([]))); // woken early (a lower bound), or sent before: on to what is left
    return [];
  }
  const to = await listStaffEmails(deps.store, evaluation.orgId);
  if (to.length === 0) return []; // nobody to tell yet: the entry stays due, the next run tries again
  const mailed: FollowUpReminder[] = [];
  const attempted: string[] = [];
  let written: string | undefined | null = null; // the entry's wake date as this run last wrote it (null: not written)
  for (const { key, reminder: r } of due) {
    attempted.push(key);
    const wakeAt = wakeAfter(attempted);
    if (!(await claim(deps, evaluation, key, r, move(wakeAt)))) continue;
    written = wakeAt;
    await deps.mailer.send({
      to,
      subject: `【民主评议提醒】${evaluation.orgName}：${r.name}${FOLLOW_UP_LABELS[r.kind]}${r.level === 'due' ? '已到期' : '即将到期'}`,
      text: `${followUpReminderText(r)}\n\n请办理：${deps.publicBaseUrl}/staff/evaluations/${encodeURIComponent(evaluation.id)}\n（本邮件由系统自动发送，每项提醒只发送一次。）`,
    });
    mailed.push(r);
  }
  const left = wakeAfter(attempted); // a claim refused because another run sent it: past it too
  if (written !== left) await moveDueEntryUnlessChanged(deps.store, move(left));
  return mailed;
}

/**
 * Once per store (marker `DUEINDEX` / `BACKFILL#evaluation`): the evaluations in their follow-up stored before the due
 * index (years up to two before today's) get their entry from the reminders already sent, only where they have none
 * and are unchanged since read. Run again after a crash, it writes only what is missing. Answers the entries written,
 * or undefined when the marker was there.
 */
export async function backfillEvaluationEntries(deps: ServiceDeps): Promise<number | undefined> {
  if (await dueBackfillDone(deps.store, 'evaluation')) return undefined;
  const today = chinaDate(deps.clock.now());
  const year = Number(today.slice(0, 4));
  let written = 0;
  for (const y of [year - 2, year - 1, year]) {
    for (const evaluation of await listYearEvaluations(deps.store, y)) {
      if (evaluationFollowUpEvents(evaluation).length === 0) continue;
      const wakeAt = nextFollowUpWake(evaluation, today, await listFollowUpRemindersSent(deps.store, evaluation.id));
      if (wakeAt !== undefined && (await backfillEvaluationEntry(deps.store, evaluation, wakeAt))) written += 1;
    }
  }
  await markDueBackfillDone(deps.store, 'evaluation', deps.clock.now().toISOString(), written);
  return written;
}
