import { isDueSoon, reportReminderDue } from '../../../../shared/domain/assessment';

// Reminders before and warnings after the due instant (A18), with the boundary on each side.
const dueAt = '2026-02-06T23:59:59+08:00';

test.each([
  ['open', '2026-02-03T15:59:58.999Z', undefined],
  ['open', '2026-02-03T15:59:59.000Z', 'before'],
  ['returned', '2026-02-05T00:00:00.000Z', 'before'],
  ['open', '2026-02-06T15:59:59.000Z', 'before'],
  ['open', '2026-02-06T15:59:59.001Z', 'after'],
  ['returned', '2026-03-01T00:00:00.000Z', 'after'],
  ['submitted', '2026-03-01T00:00:00.000Z', undefined],
  ['scored', '2026-02-05T00:00:00.000Z', undefined],
])('%s at %s → %s', (status, now, kind) => {
  expect(reportReminderDue({ status, dueAt }, new Date(now))).toBe(kind);
});

test('the 待办 marks a task due within 3 days, never one overdue', () => {
  expect([isDueSoon(dueAt, new Date('2026-02-03T15:59:58Z')), isDueSoon(dueAt, new Date('2026-02-04T00:00:00Z')), isDueSoon(dueAt, new Date('2026-02-07T00:00:00Z'))]).toEqual([false, true, false]);
});
