import {
  DEFAULT_TERM_REMINDERS,
  reminderText,
  termReminders,
  termStatus,
  type TermReminderRule,
} from '../../../../shared/domain/election/term-reminders';

const END = '2027-08-31';

describe('termReminders: dates months before the term end', () => {
  test('the defaults: 6 and 2 months before, the request deadline 1 month before; day clamped to the month end', () => {
    expect(termReminders(END).map((r) => [r.key, r.date, r.kind])).toEqual([
      ['6m', '2027-02-28', 'notice'],
      ['2m', '2027-06-30', 'notice'],
      ['request-1m', '2027-07-31', 'request-deadline'],
    ]);
  });

  test('configurable offsets, sorted by date whatever their order', () => {
    const rules: TermReminderRule[] = [
      { key: '1m', monthsBefore: 1, kind: 'request-deadline' },
      { key: '12m', monthsBefore: 12, kind: 'notice' },
    ];
    expect(termReminders('2028-02-29', rules).map((r) => r.date)).toEqual(['2027-02-28', '2028-01-29']);
  });

  test('no term end, or not a date: no reminders', () => {
    expect(termReminders('2027-02-30')).toEqual([]);
    expect(termStatus({}, '2027-01-01')).toEqual({ state: 'no-term' });
  });
});

describe('termStatus: the boundary on each side of every date', () => {
  test.each([
    ['the day before the 6-month reminder', '2027-02-27', 'running', undefined, '6m'],
    ['the day of the 6-month reminder', '2027-02-28', 'reminding', '6m', '2m'],
    ['the day before the 2-month reminder', '2027-06-29', 'reminding', '6m', '2m'],
    ['the day of the 2-month reminder', '2027-06-30', 'reminding', '2m', 'request-1m'],
    ['the day before the request deadline reminder', '2027-07-30', 'reminding', '2m', 'request-1m'],
    ['the day of the request deadline reminder', '2027-07-31', 'reminding', 'request-1m', undefined],
    ['the term end day (still in the term)', '2027-08-31', 'reminding', 'request-1m', undefined],
  ])('%s (%s) → %s, due %s, next %s', (_label, today, state, due, next) => {
    const status = termStatus({ termEnd: END }, today);
    expect(status.state).toBe(state);
    expect(status.due?.key).toBe(due);
    expect(status.next?.key).toBe(next);
  });

  test('the day after the term end without an approved result: overdue by 1 day; a month later by 31', () => {
    expect(termStatus({ termEnd: END }, '2027-09-01')).toEqual({ state: 'overdue', termEnd: END, daysOverdue: 1 });
    expect(termStatus({ termEnd: END }, '2027-10-01').daysOverdue).toBe(31);
  });

  test('an approved result: renewed, neither due nor overdue, before and after the term end', () => {
    expect(termStatus({ termEnd: END }, '2027-09-01', { resultApproved: true })).toEqual({ state: 'renewed', termEnd: END });
    expect(termStatus({ termEnd: END }, '2027-07-31', { resultApproved: true }).due).toBeUndefined();
  });

  test('with no rules the term simply runs until it is overdue', () => {
    expect(termStatus({ termEnd: END }, '2027-08-31', { rules: [] })).toEqual({ state: 'running', termEnd: END });
  });
});

describe('reminderText', () => {
  test('a notice reminder names the term end and the request deadline', () => {
    const [sixMonths] = termReminders(END, DEFAULT_TERM_REMINDERS);
    const mail = reminderText('第一党支部', sixMonths);
    expect(mail.subject).toBe('第一党支部换届提醒：任期将于 2027-08-31 届满');
    expect(mail.text).toContain('换届选举请示须在 2027-07-31 前报送上级党组织');
  });

  test('a configured request deadline (2 months) is the date in both kinds of reminder', () => {
    const rules: TermReminderRule[] = [
      { key: '5m', monthsBefore: 5, kind: 'notice' },
      { key: 'request-2m', monthsBefore: 2, kind: 'request-deadline' },
    ];
    const [notice, deadline] = termReminders(END, rules);
    expect(reminderText('第一党支部', notice, 2).text).toContain('换届选举请示须在 2027-06-30 前报送上级党组织');
    expect(reminderText('第一党支部', deadline, 2).text).toContain('应在任期届满前 2 个月（2027-06-30 前）');
  });

  test('the request-deadline reminder says the request is due', () => {
    const deadline = termReminders(END).at(-1)!;
    expect(reminderText('第一党支部', deadline).subject).toBe('第一党支部换届请示截止提醒（任期 2027-08-31 届满）');
  });
});
