import fc from 'fast-check';
import {
  DEFAULT_TERM_REMINDER_SETTINGS,
  TermReminderSettingsError,
  checkTermReminderSettings,
  defineTermReminderRules,
  describeTermReminders,
  termReminderSettingsOf,
} from '../../../../shared/domain/election/term-reminder-settings';
import { DEFAULT_TERM_REMINDERS, termStatus } from '../../../../shared/domain/election/term-reminders';

describe('checkTermReminderSettings: the boundary on each side of every limit', () => {
  test.each([
    ['reminder months 1 and 24 (the limits), request 0 → request refused', [24, 1], 0, undefined, '至少提前 1 个月'],
    ['request 1 month (the minimum)', [24, 2], 1, undefined, undefined],
    ['request 12 months (the maximum)', [24, 13], 12, undefined, undefined],
    ['request 13 months', [24], 13, undefined, '1 至 12 个月的整数'],
    ['request 1.5 months', [6], 1.5, undefined, '“1.5”不符合'],
    ['a reminder at 25 months', [25, 6], 1, '“25”不符合', undefined],
    ['a reminder at 0 months', [6, 0], 1, '应为 1 至 24 的整数', undefined],
    ['a reminder at 2.5 months', [2.5], 1, '“2.5”不符合', undefined],
    ['4 reminders (the maximum)', [12, 9, 6, 2], 1, undefined, undefined],
    ['5 reminders', [12, 9, 6, 3, 2], 1, '最多设置 4 次提醒，现填写了 5 次', undefined],
    ['no reminder besides the request deadline', [], 1, undefined, undefined],
    ['the same month twice', [6, 2, 6], 1, '提醒月数不能重复：6', undefined],
    ['a reminder one month before the request deadline month', [3, 2], 2, '提醒月数应大于 2，“2”不符合', undefined],
    ['a reminder one month after the request deadline month', [3], 2, undefined, undefined],
  ])('%s', (_label, noticeMonths, requestMonths, noticeError, requestError) => {
    const errors = checkTermReminderSettings({ noticeMonths, requestMonths });
    if (noticeError) expect(errors.noticeMonths).toContain(noticeError);
    else expect(errors.noticeMonths).toBeUndefined();
    if (requestError) expect(errors.requestMonths).toContain(requestError);
    else expect(errors.requestMonths).toBeUndefined();
  });

  test('both fields wrong: a message for each', () => {
    expect(Object.keys(checkTermReminderSettings({ noticeMonths: [30], requestMonths: 0 })).sort()).toEqual(['noticeMonths', 'requestMonths']);
  });
});

describe('defineTermReminderRules', () => {
  test('the default setting gives exactly DEFAULT_TERM_REMINDERS (the marker keys of reminders already sent)', () => {
    expect(defineTermReminderRules(DEFAULT_TERM_REMINDER_SETTINGS)).toEqual(DEFAULT_TERM_REMINDERS);
    expect(termReminderSettingsOf(DEFAULT_TERM_REMINDERS)).toEqual(DEFAULT_TERM_REMINDER_SETTINGS);
  });

  test('keys derived from the months, largest first whatever the order given; the request deadline last', () => {
    expect(defineTermReminderRules({ noticeMonths: [3, 12], requestMonths: 2 })).toEqual([
      { key: '12m', monthsBefore: 12, kind: 'notice' },
      { key: '3m', monthsBefore: 3, kind: 'notice' },
      { key: 'request-2m', monthsBefore: 2, kind: 'request-deadline' },
    ]);
  });

  test('invalid input throws with the field messages', () => {
    const error = (() => {
      try {
        defineTermReminderRules({ noticeMonths: [6, 6], requestMonths: 1 });
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(TermReminderSettingsError);
    expect((error as TermReminderSettingsError).fieldErrors).toEqual({ noticeMonths: '提醒月数不能重复：6 填写了不止一次。' });
  });

  test('a reminder at 3 months: due 3 months before the term end, nothing at 6', () => {
    const rules = defineTermReminderRules({ noticeMonths: [3], requestMonths: 1 });
    expect(termStatus({ termEnd: '2027-08-31' }, '2027-02-28', { rules })).toMatchObject({ state: 'running', next: { key: '3m', date: '2027-05-31' } });
    expect(termStatus({ termEnd: '2027-08-31' }, '2027-05-31', { rules }).due?.key).toBe('3m');
  });

  test('describeTermReminders: one sentence for the pages', () => {
    expect(describeTermReminders(DEFAULT_TERM_REMINDER_SETTINGS)).toBe('任期届满前 6 个月、2 个月发送换届提醒；届满前 1 个月为换届请示报送截止日。');
    expect(describeTermReminders({ noticeMonths: [], requestMonths: 2 })).toBe('不另发提前提醒；届满前 2 个月为换届请示报送截止日。');
  });
});

describe('properties', () => {
  const valid = fc
    .record({ requestMonths: fc.integer({ min: 1, max: 12 }), extra: fc.uniqueArray(fc.integer({ min: 1, max: 24 }), { maxLength: 4 }) })
    .map(({ requestMonths, extra }) => ({ requestMonths, noticeMonths: extra.filter((m) => m > requestMonths) }));

  test('every valid setting: one rule per month, keys unique and the same for the same months in any order', () => {
    fc.assert(
      fc.property(valid, ({ noticeMonths, requestMonths }) => {
        const rules = defineTermReminderRules({ noticeMonths, requestMonths });
        const again = defineTermReminderRules({ noticeMonths: [...noticeMonths].reverse(), requestMonths });
        expect(again).toEqual(rules);
        expect(new Set(rules.map((r) => r.key)).size).toBe(rules.length);
        expect(rules.map((r) => r.key)).toEqual([...[...noticeMonths].sort((a, b) => b - a).map((m) => `${m}m`), `request-${requestMonths}m`]);
        expect(termReminderSettingsOf(rules)).toEqual({ noticeMonths: [...noticeMonths].sort((a, b) => b - a), requestMonths });
      }),
    );
  });

  test('a setting is accepted exactly when every check passes (no throw ⇔ no field error)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -2, max: 30 }), { maxLength: 6 }), fc.integer({ min: -1, max: 14 }), (noticeMonths, requestMonths) => {
        const errors = checkTermReminderSettings({ noticeMonths, requestMonths });
        const accepted = (() => {
          try {
            defineTermReminderRules({ noticeMonths, requestMonths });
            return true;
          } catch {
            return false;
          }
        })();
        expect(accepted).toBe(Object.keys(errors).length === 0);
        if (accepted) expect(noticeMonths.every((m) => m > requestMonths && m <= 24) && requestMonths >= 1 && requestMonths <= 12).toBe(true);
      }),
    );
  });
});
