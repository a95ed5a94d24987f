import { linkReminderDue, linkWakeAt } from '../../../../shared/domain/approval/link-wake';

// docs/domain/scheduler.md: a link wakes the scheduler at its reminder time, then at its expiry.

const link = { reminderAt: '2026-05-11T02:00:00.000Z', expiresAt: '2026-05-14T02:00:00.000Z' };

test('the wake instant: the reminder time until the reminder is sent, then the expiry', () => {
  expect(linkWakeAt(link)).toBe('2026-05-11T02:00:00.000Z');
  expect(linkWakeAt({ ...link, remindedAt: '2026-05-11T02:05:00.000Z' })).toBe('2026-05-14T02:00:00.000Z');
});

test.each([
  ['a millisecond before the reminder time', '2026-05-11T01:59:59.999Z', {}, false],
  ['at the reminder time', '2026-05-11T02:00:00.000Z', {}, true],
  ['a millisecond before the expiry', '2026-05-14T01:59:59.999Z', {}, true],
  ['at the expiry (escalation instead)', '2026-05-14T02:00:00.000Z', {}, false],
  ['sent already', '2026-05-12T00:00:00.000Z', { remindedAt: '2026-05-11T02:05:00.000Z' }, false],
])('the reminder is due %s: %s', (_what, now, extra, due) => {
  expect(linkReminderDue({ ...link, ...extra }, new Date(now))).toBe(due);
});
