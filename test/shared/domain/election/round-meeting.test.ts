import { NO_QUORUM_MESSAGE, checkMeetingDate, checkRoundMeeting } from '../../../../shared/domain/election/round-meeting';

// E10 and E11 of docs/domain/elections.md: a round's meeting is checked before anything is counted.
const context = { today: '2026-10-20', notBefore: { date: '2026-10-20', what: '计划召开党员大会的日期' }, roster: { shouldAttend: 12, excluded: 1 }, quorum: 'atLeastFourFifths' as const };
const meeting = { meetingDate: '2026-10-20', shouldAttend: 12, present: 12 };

describe('the meeting of a round', () => {
  test('as the roster has it, on the planned day, everyone present: no problem', () => {
    expect(checkRoundMeeting(meeting, context)).toEqual({});
  });
  test.each([
    ['the day before the planned meeting', '2026-10-19', /早于计划召开党员大会的日期（2026-10-20）/],
    ['the planned day', '2026-10-20', undefined],
    ['tomorrow', '2026-10-21', /晚于今天（2026-10-20）/],
  ])('dated %s', (_name, meetingDate, problem) => {
    const found = checkRoundMeeting({ ...meeting, meetingDate }, context).meetingDate;
    if (problem) expect(found).toMatch(problem);
    else expect(found).toBeUndefined();
  });
  test.each([
    [11, /按党员名册，2026-10-20 应到会有选举权的正式党员为 12 人（已扣除登记了不计入原因的 1 人），填写的是 11 人/],
    [13, /为 12 人/],
    [12, undefined],
  ])('应到 %i against the roster\'s 12', (shouldAttend, problem) => {
    const found = checkRoundMeeting({ ...meeting, shouldAttend, present: Math.min(shouldAttend, 11) }, context).shouldAttend;
    if (problem) expect(found).toMatch(problem);
    else expect(found).toBeUndefined();
  });
  test('no roster (an organization without members recorded): 应到 is taken as entered', () => {
    expect(checkRoundMeeting({ ...meeting, shouldAttend: 20, present: 20 }, { ...context, roster: undefined })).toEqual({});
  });
  test('实到 above 应到 is refused', () => {
    expect(checkRoundMeeting({ ...meeting, present: 13 }, context).present).toBe('实到人数不能多于应到人数。');
  });
  test.each([
    // shouldAttend, present, quorum rule, refused
    [10, 8, 'atLeastFourFifths', false],
    [10, 7, 'atLeastFourFifths', true],
    [10, 8, 'moreThanFourFifths', true],
    [10, 9, 'moreThanFourFifths', false],
  ] as const)('应到 %i, 实到 %i under %s: refused as no vote %s', (shouldAttend, present, quorum, refused) => {
    const found = checkRoundMeeting({ meetingDate: '2026-10-20', shouldAttend, present }, { ...context, roster: undefined, quorum }).present;
    if (refused) expect(found).toContain(NO_QUORUM_MESSAGE);
    else expect(found).toBeUndefined();
  });
  test('a meeting date alone (the new committee\'s first meeting)', () => {
    expect(checkMeetingDate('2026-10-20', '2026-10-20', context.notBefore)).toBeUndefined();
    expect(checkMeetingDate('2026-10-21', '2026-10-20')).toMatch(/晚于今天/);
  });
});
