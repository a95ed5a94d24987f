import { evaluationFollowUpEvents, followUpReminderKey, nextFollowUpWake } from '../../../../shared/domain/evaluation/follow-up';
import { dueEvents } from '../../../../shared/domain/scheduling/next-wake';

// docs/domain/scheduler.md: an evaluation's follow-up reminders (V13) as wake events, the boundary on each side.
const talk = { personId: 'a', name: '甲', followUp: { kind: 'improvement-talk' as const, dueDate: '2027-01-08' } };
const correction = { personId: 'b', name: '乙', followUp: { kind: 'correction' as const, dueDate: '2027-06-08' } };
const evaluation = (changes: Record<string, unknown> = {}) => ({ status: 'running', phase: 'follow-up', year: 2026, grades: [talk, correction], ...changes });
const due = (e: ReturnType<typeof evaluation>, today: string, done: string[] = []) => dueEvents(evaluationFollowUpEvents(e), today, new Set(done)).map((x) => `${x.reminder.name}:${x.reminder.level}`);

test.each([
  ['2026-12-31', []], ['2027-01-01', ['甲:due-soon']], ['2027-01-07', ['甲:due-soon']], ['2027-01-08', ['甲:due']],
  ['2027-05-31', ['甲:due']], ['2027-06-01', ['甲:due', '乙:due-soon']], ['2027-06-08', ['甲:due', '乙:due']],
  ['2028-12-31', ['甲:due', '乙:due']], // the last day of the second year after the evaluation's
  ['2029-01-01', []], // no longer looked at
])('on %s: %j', (today, expected) => {
  expect(due(evaluation(), today)).toEqual(expected);
});

test.each([
  [{ phase: 'approval' }], [{ phase: 'completed', status: 'completed' }], [{ status: 'ended' }], [{ grades: [{ ...talk, followUp: { ...talk.followUp, doneOn: '2027-01-02' } }, { ...correction, correction: 'corrected' }] }],
])('nothing to remind: %j', (changes) => {
  expect(evaluationFollowUpEvents(evaluation(changes))).toEqual([]);
  expect(nextFollowUpWake(evaluation(changes))).toBeUndefined();
});

test.each([
  ['', [], '2027-01-01'], // a change of the evaluation: the earliest reminder
  ['2027-01-03', ['a#improvement-talk#2027-01-08#due-soon'], '2027-01-08'], // sent: on to the talk's date
  ['2027-01-09', [], '2027-01-08'], // the due-soon past: the due one, due now
  ['2027-01-09', ['a#improvement-talk#2027-01-08#due'], '2027-06-01'],
  ['2027-06-09', ['a#improvement-talk#2027-01-08#due', 'b#correction#2027-06-08#due'], undefined],
])('the wake on %j with %j sent: %s', (today, done, expected) => {
  expect(nextFollowUpWake(evaluation(), today, new Set(done))).toBe(expected);
});

test('an event\'s key is its marker\'s sort key', () => {
  expect(evaluationFollowUpEvents(evaluation()).map((e) => e.key)).toEqual([
    'a#improvement-talk#2027-01-08#due-soon', 'a#improvement-talk#2027-01-08#due', 'b#correction#2027-06-08#due-soon', 'b#correction#2027-06-08#due',
  ]);
  expect(followUpReminderKey({ personId: 'a', name: '甲', kind: 'correction', dueDate: '2027-06-08', level: 'due' })).toBe('a#correction#2027-06-08#due');
});
