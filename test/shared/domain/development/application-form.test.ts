import { checkApplicationFormDate } from '../../../../shared/domain/development';

describe('the application form is dated after the admission notice (step 14)', () => {
  test.each([
    ['2026-03-10', '2026-03-16', false], // inside the period
    ['2026-03-16', '2026-03-16', false], // the notice's last day
    ['2026-03-17', '2026-03-16', true], // the day after
    ['2026-03-10', undefined, true], // the notice node is off
  ])('filled %s, notice to %s → ok %s', (filledDate, noticeLastDay, ok) => {
    const result = checkApplicationFormDate({ filledDate, noticeLastDay });
    expect(result.ok).toBe(ok);
    expect(result.problems.map((p) => p.code)).toEqual(ok ? [] : ['FORM_DURING_NOTICE']);
  });
});
