import { DeleteCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { DecidedGrade, Evaluation } from '../../../../shared/domain/evaluation/evaluation';
import { DEFAULT_EVALUATION_RULES } from '../../../../shared/domain/evaluation/rule-set';
import { evaluationChange, nextVersion } from '../../../../shared/services/evaluation/commit';
import { backfillEvaluationEntries, mailEvaluationFollowUpReminders } from '../../../../shared/services/evaluation/follow-up-reminders';
import { getDueEntry } from '../../../../shared/store/due-index';
import { evaluationDueEntry } from '../../../../shared/store/evaluation-due';
import { evaluationPk, putNewEvaluation } from '../../../../shared/store/evaluations-repo';
import { transactWrite } from '../../../../shared/store/transact';
import { addAccount } from '../../../functions/http/support/test-deps';
import { measured, schedulerDeps, type SchedulerDeps } from './scheduled-fixtures';

// docs/domain/scheduler.md: the follow-up reminders (V13) read the evaluations whose due entry has come, never every
// evaluation of the last three years.

const grade = (personId: string, kind: 'improvement-talk' | 'correction', dueDate: string): DecidedGrade => ({
  personId, name: `党员${personId}`, grade: kind === 'correction' ? 'unqualified' : 'basic', probationary: false, followUp: { kind, dueDate },
});

function evaluation(id: string, year: number, phase: Evaluation['phase'], grades: DecidedGrade[] = []): Evaluation {
  return {
    id, orgId: `org-${id}`, orgName: `${id}党支部`, year, rulesVersion: 'default', rules: DEFAULT_EVALUATION_RULES, massRating: false, date: `${year}-12-07`,
    evaluated: [], excluded: [], status: 'running', phase, stepCounts: {}, codesIssued: { member: 0, mass: 0 }, grades, approvals: [],
    createdAt: `${year}-12-07T01:00:00.000Z`, createdBy: 'test', version: 1,
  };
}

/** Evaluations as their changes write them: with their due entry (evaluationChange), 12 a transaction. */
async function putEvaluations(deps: SchedulerDeps, evaluations: Evaluation[], withEntries = true): Promise<void> {
  for (let i = 0; i < evaluations.length; i += 12) {
    await transactWrite(deps.store, evaluations.slice(i, i + 12).flatMap((e) => [putNewEvaluation(deps.store, e), ...(withEntries ? [evaluationDueEntry(deps.store, e)] : [])]));
  }
}

// A talk due 2027-01-08: "due soon" from 2027-01-01, "due" from 2027-01-08.
const dueSoon = (n: number) => Array.from({ length: n }, (_, i) => evaluation(`due-${i}`, 2026, 'follow-up', [grade('a', 'improvement-talk', '2027-01-08')]));
/** Not due: in their follow-up with dates months away, still rating, or completed (every one of the last three years). */
const notDue = (n: number) => Array.from({ length: n }, (_, i) => {
  const id = `later-${String(i).padStart(3, '0')}`;
  if (i % 3 === 0) return evaluation(id, 2026, 'follow-up', [grade('a', 'correction', '2027-06-08')]);
  if (i % 3 === 1) return evaluation(id, 2026, 'rating');
  return { ...evaluation(id, 2025, 'completed', [grade('a', 'improvement-talk', '2026-01-08')]), status: 'completed' as const };
});

async function run(notDueCount: number) {
  const deps = await schedulerDeps('2026-12-20T01:00:00.000Z');
  for (const e of dueSoon(3)) await addAccount(deps.store, { username: `s-${e.id}`, password: 'x', orgId: e.orgId, email: `${e.id}@example.org` });
  await putEvaluations(deps, [...dueSoon(3), ...notDue(notDueCount)]);
  const warmUp = await mailEvaluationFollowUpReminders(deps); // the one-time backfill; nothing due yet
  deps.clock.set(new Date('2027-01-02T01:00:00.000Z'));
  const soon = await measured(deps.store, () => mailEvaluationFollowUpReminders(deps));
  const quiet = await measured(deps.store, () => mailEvaluationFollowUpReminders(deps));
  deps.clock.set(new Date('2027-01-09T01:00:00.000Z'));
  const due = await measured(deps.store, () => mailEvaluationFollowUpReminders(deps));
  const after = await measured(deps.store, () => mailEvaluationFollowUpReminders(deps));
  return { deps, warmUp, soon, quiet, due, after };
}

test('3 evaluations due among 300 not due read exactly as much as the 3 alone: "due soon", then "due", each once', async () => {
  const alone = await run(0);
  const among = await run(300);
  for (const r of [alone, among]) {
    expect([r.warmUp, r.soon.result, r.quiet.result, r.due.result, r.after.result].map((x) => x.length)).toEqual([0, 3, 0, 3, 0]);
    expect(r.soon.result.map((x) => x.level)).toEqual(['due-soon', 'due-soon', 'due-soon']);
    expect(r.deps.mailer.sent).toHaveLength(6);
  }
  expect(among.soon.reads).toEqual(alone.soon.reads);
  expect(among.quiet.reads).toEqual(alone.quiet.reads);
  expect(among.due.reads).toEqual(alone.due.reads);
  expect(among.after.reads).toEqual(alone.after.reads);
  expect(await getDueEntry(among.deps.store, evaluationPk('due-0'))).toBeUndefined(); // nothing left
  expect(await getDueEntry(among.deps.store, evaluationPk('later-000'))).toMatchObject({ kind: 'evaluation', wakeAt: '2027-06-01' });
  expect(await getDueEntry(among.deps.store, evaluationPk('later-001'))).toBeUndefined();
}, 180_000);

test('the entry is written with each change: into the follow-up, due at once; completed, none; nobody to tell: it stays due; two ticks at once mail once', async () => {
  const deps = await schedulerDeps('2027-01-09T01:00:00.000Z');
  const published = evaluation('e1', 2026, 'publication');
  await putEvaluations(deps, [published]);
  expect(await getDueEntry(deps.store, evaluationPk('e1'))).toBeUndefined();
  const inFollowUp = nextVersion(published, { phase: 'follow-up', grades: [grade('a', 'improvement-talk', '2027-01-08'), grade('b', 'correction', '2027-06-08')] });
  await transactWrite(deps.store, evaluationChange(deps.store, inFollowUp, { at: '2027-01-09T01:00:00.000Z', action: 'evaluation.grades-recorded', actor: 'system' }));
  expect(await getDueEntry(deps.store, evaluationPk('e1'))).toMatchObject({ wakeAt: '2027-01-01', version: 2 });

  // Nobody to tell yet: nothing claimed, the entry stays due.
  expect(await mailEvaluationFollowUpReminders(deps)).toEqual([]);
  expect(await getDueEntry(deps.store, evaluationPk('e1'))).toMatchObject({ wakeAt: '2027-01-01' });
  await addAccount(deps.store, { username: 's1', password: 'x', orgId: 'org-e1', email: 's1@example.org' });
  const [a, b] = await Promise.all([mailEvaluationFollowUpReminders(deps), mailEvaluationFollowUpReminders(deps)]); // two ticks at once
  expect([...a, ...b].map((r) => `${r.name}:${r.level}`)).toEqual(['党员a:due']);
  expect(deps.mailer.sent).toHaveLength(1);
  expect(await getDueEntry(deps.store, evaluationPk('e1'))).toMatchObject({ wakeAt: '2027-06-01', version: 2 });

  // Completed: the entry goes.
  const completed = nextVersion(inFollowUp, { status: 'completed', phase: 'completed' });
  await transactWrite(deps.store, evaluationChange(deps.store, completed, { at: '2027-01-09T01:00:00.000Z', action: 'evaluation.step-recorded', actor: 's1' }));
  expect(await getDueEntry(deps.store, evaluationPk('e1'))).toBeUndefined();
  deps.clock.set(new Date('2027-06-08T01:00:00.000Z'));
  expect(await mailEvaluationFollowUpReminders(deps)).toEqual([]);
});

test('evaluations in their follow-up before the index get their entry once, from the reminders already sent; run again it writes nothing', async () => {
  const deps = await schedulerDeps('2027-01-09T01:00:00.000Z');
  for (const id of ['old-0', 'old-1']) await addAccount(deps.store, { username: id, password: 'x', orgId: `org-${id}`, email: `${id}@example.org` });
  const talk = [grade('a', 'improvement-talk', '2027-01-08')];
  await putEvaluations(deps, [evaluation('old-0', 2026, 'follow-up', talk), evaluation('old-1', 2026, 'follow-up', talk), evaluation('old-2', 2026, 'meeting'), evaluation('old-3', 2023, 'follow-up', talk)], false);
  // old-0's "due" reminder was sent by the scanning tick before the index.
  await deps.store.doc.send(new PutCommand({ TableName: deps.store.tableName, Item: { pk: 'EVALREMIND#old-0', sk: 'a#improvement-talk#2027-01-08#due', type: 'evaluation-reminder', at: '2027-01-08T01:00:00.000Z' } }));

  expect(await backfillEvaluationEntries(deps)).toBe(1);
  expect(await getDueEntry(deps.store, evaluationPk('old-0'))).toBeUndefined(); // nothing left
  expect(await getDueEntry(deps.store, evaluationPk('old-1'))).toMatchObject({ wakeAt: '2027-01-08', version: 1 });
  expect(await getDueEntry(deps.store, evaluationPk('old-2'))).toBeUndefined();
  expect(await getDueEntry(deps.store, evaluationPk('old-3'))).toBeUndefined(); // 2023: no longer looked at in 2027
  expect(await backfillEvaluationEntries(deps)).toBeUndefined(); // the marker
  await deps.store.doc.send(new DeleteCommand({ TableName: deps.store.tableName, Key: { pk: 'DUEINDEX', sk: 'BACKFILL#evaluation' } }));
  expect(await backfillEvaluationEntries(deps)).toBe(0); // run again after a crash before the marker: nothing new
  expect((await mailEvaluationFollowUpReminders(deps)).map((r) => r.level)).toEqual(['due']);
  expect(deps.mailer.sent.map((m) => m.to)).toEqual([['old-1@example.org']]);
});
