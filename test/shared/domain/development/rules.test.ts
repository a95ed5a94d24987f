import {
  addMonths,
  ageOn,
  checkApplicationAge,
  checkCultivationContacts,
  checkCultivationTime,
  checkEvaluations,
  checkLeavingWithinMonths,
  checkSponsors,
  checkTalkTiming,
  checkTraining,
  cultivationCompleteDate,
  DEFAULT_RULE_SET,
  defineRuleSet,
  DevelopmentInputError,
  evaluationDueDates,
  memberOnDate,
  nextEvaluationDueDate,
  type MemberOnDate,
} from '../../../../shared/domain/development';

const codes = (findings: { code: string }[]) => findings.map((f) => f.code);

describe('rule set', () => {
  test('the defaults of docs/domain/development.md, docs/domain/notices-and-calendar.md, versioned', () => {
    expect(DEFAULT_RULE_SET).toMatchObject({
      ruleSetVersion: '2014',
      minimumAgeYears: 18,
      talkWithinMonths: 1,
      cultivationContacts: { min: 1, max: 2 },
      sponsorCount: 2,
      evaluationIntervalMonths: 6,
      minimumCultivationMonths: 12,
      training: { minDays: 3, minHours: 24 },
      leavingWithinMonths: 3,
      admissionApproval: { dueMonths: 3, maxMonths: 6 },
      probationMonths: 12,
      extension: { minMonths: 6, maxMonths: 12, maxTimes: 1 },
      noticeNodes: { activist: true, developmentTarget: true, admission: true, conversion: true },
    });
  });

  test('a second rule set is data: overrides on the defaults', () => {
    const local = defineRuleSet({ ruleSetVersion: 'local-2024', training: { minDays: 5, minHours: 40 }, noticeNodes: { activist: false } as never });
    expect(local.training).toEqual({ minDays: 5, minHours: 40 });
    expect(local.noticeNodes).toEqual({ activist: false, developmentTarget: true, admission: true, conversion: true });
    expect(local.sponsorCount).toBe(2);
    expect(checkTraining({ days: 4 }, local).ok).toBe(false);
  });

  test.each([
    [{ ruleSetVersion: '' }, '版本号'],
    [{ ruleSetVersion: 'x', minimumAgeYears: 0 }, 'minimumAgeYears'],
    [{ ruleSetVersion: 'x', extension: { minMonths: 12, maxMonths: 6, maxTimes: 1 } }, 'extension.maxMonths'],
    [{ ruleSetVersion: 'x', admissionApproval: { dueMonths: 3, maxMonths: 2.5 } }, 'admissionApproval.maxMonths'],
  ])('a bad rule set %j is refused', (overrides, text) => {
    expect(() => defineRuleSet(overrides)).toThrow(DevelopmentInputError);
    expect(() => defineRuleSet(overrides)).toThrow(text);
  });
});

describe('dates', () => {
  test.each([
    ['2024-01-31', 1, '2024-02-29'],
    ['2025-01-31', 1, '2025-02-28'],
    ['2024-02-29', 12, '2025-02-28'],
    ['2024-02-29', 48, '2028-02-29'],
    ['2025-11-15', 3, '2026-02-15'],
    ['2025-03-31', -1, '2025-02-28'],
  ])('addMonths(%s, %i) = %s', (date, months, expected) => {
    expect(addMonths(date, months)).toBe(expected);
  });

  test('a malformed date is an input error', () => {
    expect(() => addMonths('2025-02-30', 1)).toThrow(DevelopmentInputError);
    expect(() => checkApplicationAge({ birthDate: '2007/01/01', applicationDate: '2025-01-01' })).toThrow('出生日期不是有效日期');
  });
});

describe('age at application (step 1): the 18th birthday counts', () => {
  test.each([
    ['2007-06-15', '2025-06-14', false, 17], // 17 years 364 days
    ['2007-06-15', '2025-06-15', true, 18], // the birthday
    ['2007-06-15', '2025-06-16', true, 18],
    ['2006-02-28', '2024-02-27', false, 17], // across a leap year: 17 years 364 days
    ['2006-02-28', '2024-02-28', true, 18],
    ['2004-02-29', '2022-02-27', false, 17],
    ['2004-02-29', '2022-02-28', true, 18], // leap-day birthday: Feb 28 in a common year
    ['2004-02-29', '2022-03-01', true, 18],
  ])('born %s, applying %s → ok %s (age %i)', (birthDate, applicationDate, ok, age) => {
    const result = checkApplicationAge({ birthDate, applicationDate });
    expect(result.ok).toBe(ok);
    expect(ageOn(birthDate, applicationDate)).toBe(age);
    if (!ok) {
      expect(codes(result.problems)).toEqual(['AGE_UNDER_MINIMUM']);
      expect(result.problems[0].message).toContain('年满 18 周岁');
    }
  });

  test('an application before birth is refused', () => {
    expect(codes(checkApplicationAge({ birthDate: '2020-01-01', applicationDate: '2019-01-01' }).problems)).toEqual(['APPLICATION_BEFORE_BIRTH']);
  });
});

describe('talk within 1 month (step 2): late is allowed but flagged', () => {
  test.each([
    ['2025-03-10', '2025-03-10', true, []],
    ['2025-03-10', '2025-04-10', true, []], // last day of the month
    ['2025-03-10', '2025-04-11', true, ['TALK_LATE']],
    ['2025-01-31', '2025-02-28', true, []],
    ['2025-01-31', '2025-03-01', true, ['TALK_LATE']],
  ])('applied %s, talk %s → ok %s, warnings %j', (applicationDate, talkDate, ok, warnings) => {
    const result = checkTalkTiming({ applicationDate, talkDate });
    expect(result.ok).toBe(ok);
    expect(codes(result.warnings)).toEqual(warnings);
  });

  test('a talk before the application is refused', () => {
    expect(codes(checkTalkTiming({ applicationDate: '2025-03-10', talkDate: '2025-03-09' }).problems)).toEqual(['TALK_BEFORE_APPLICATION']);
  });
});

const full = (id: string, name = id): MemberOnDate => ({ id, name, status: 'full', rightsState: 'normal' });

describe('cultivation contacts (step 5) and sponsors (step 9)', () => {
  test.each([
    [[], false, ['CONTACT_COUNT']],
    [[full('a')], true, []],
    [[full('a'), full('b')], true, []],
    [[full('a'), full('b'), full('c')], false, ['CONTACT_COUNT']],
    [[full('a'), full('a')], false, ['DUPLICATE_MEMBER']],
    [[{ ...full('a'), status: 'probationary' }], false, ['NOT_FULL_MEMBER']],
    [[{ ...full('a'), rightsState: 'probation-within-party' }], false, ['UNDER_DISCIPLINE']],
    [[{ ...full('a'), status: undefined }], false, ['NOT_FULL_MEMBER']],
    [[full('self')], false, ['SELF_ASSIGNED']],
  ] as [MemberOnDate[], boolean, string[]][])('contacts %j → ok %s %j', (contacts, ok, problems) => {
    const result = checkCultivationContacts(contacts, 'self');
    expect(result.ok).toBe(ok);
    expect(codes(result.problems)).toEqual(problems);
  });

  test.each([
    [[full('a')], false, ['SPONSOR_COUNT']],
    [[full('a'), full('b')], true, []],
    [[full('a'), full('b'), full('c')], false, ['SPONSOR_COUNT']],
    [[full('a'), { ...full('b'), rightsState: 'rights-suspended' }], false, ['UNDER_DISCIPLINE']],
    [[full('a'), { ...full('b'), status: 'development-target' }], false, ['NOT_FULL_MEMBER']],
  ] as [MemberOnDate[], boolean, string[]][])('sponsors %j → ok %s %j', (sponsors, ok, problems) => {
    const result = checkSponsors(sponsors);
    expect(result.ok).toBe(ok);
    expect(codes(result.problems)).toEqual(problems);
  });

  test('memberOnDate reads status and rights on the date of the step', () => {
    const person = {
      id: 'p1',
      name: '王芳',
      statusHistory: [
        { value: 'probationary' as const, from: '2023-05-01' },
        { value: 'full' as const, from: '2024-05-01' },
      ],
      rightsHistory: [{ value: 'probation-within-party' as const, from: '2025-01-01' }],
    };
    expect(checkSponsors([memberOnDate(person, '2024-04-30'), full('b')]).problems[0].message).toContain('王芳当时为预备党员');
    expect(checkSponsors([memberOnDate(person, '2024-05-01'), full('b')]).ok).toBe(true);
    expect(checkSponsors([memberOnDate(person, '2025-01-01'), full('b')]).problems[0].message).toContain('留党察看');
  });
});

describe('half-yearly evaluations (step 6)', () => {
  test('due dates every 6 months from the activist date', () => {
    expect(evaluationDueDates('2024-08-31', '2025-09-01')).toEqual(['2025-02-28', '2025-08-31']);
    expect(nextEvaluationDueDate('2024-08-31', '2025-02-27')).toBe('2025-02-28');
    expect(nextEvaluationDueDate('2024-08-31', '2025-02-28')).toBe('2025-08-31');
  });

  test.each([
    [[], '2025-03-09', true, []], // the first half-year is not yet due
    [[], '2025-03-10', false, ['EVALUATION_MISSING']], // due on 2025-03-10, none
    [['2025-03-10'], '2025-03-10', true, []], // on the due date itself
    [['2025-03-11'], '2025-03-10', false, ['EVALUATION_MISSING']],
    [['2024-12-01', '2025-09-10'], '2025-09-10', true, []],
    [['2024-12-01', '2025-01-01'], '2025-09-10', false, ['EVALUATION_MISSING']], // two in the first half, none in the second
    [['2024-03-01'], '2024-03-09', false, ['EVALUATION_BEFORE_ACTIVIST']],
  ])('activist 2024-09-10, evaluations %j, as of %s → ok %s %j', (evaluationDates, asOf, ok, problems) => {
    const result = checkEvaluations({ activistDate: '2024-09-10', evaluationDates, asOf });
    expect(result.ok).toBe(ok);
    expect(codes(result.problems)).toEqual(problems);
  });
});

describe('at least 1 year of cultivation (step 7): on or after the anniversary', () => {
  test.each([
    ['2025-03-10', '2026-03-09', false], // 364 days
    ['2025-03-10', '2026-03-10', true], // 365 days, the anniversary
    ['2023-03-10', '2024-03-08', false], // across a leap day: 364 days
    ['2023-03-10', '2024-03-09', false], // 365 days but before the anniversary
    ['2023-03-10', '2024-03-10', true], // 366 days, the anniversary
    ['2024-02-29', '2025-02-27', false],
    ['2024-02-29', '2025-02-28', true], // a leap-day activist: anniversary on Feb 28
  ])('activist %s, target %s → ok %s', (activistDate, targetDate, ok) => {
    const result = checkCultivationTime({ activistDate, targetDate });
    expect(result.ok).toBe(ok);
    if (!ok) {
      expect(codes(result.problems)).toEqual(['CULTIVATION_TOO_SHORT']);
      expect(result.problems[0].message).toContain(`${cultivationCompleteDate(activistDate)} 起方可确定为发展对象`);
      expect(result.problems[0].message).toContain('1 年以上');
    }
  });
});

describe('training (step 11): 3 days or 24 class hours', () => {
  test.each([
    [{ days: 2 }, false],
    [{ days: 3 }, true],
    [{ hours: 23 }, false],
    [{ hours: 24 }, true],
    [{ days: 2, hours: 23 }, false],
    [{ days: 2, hours: 24 }, true],
    [{ days: 3, hours: 0 }, true],
    [{ days: 2.5, hours: 20 }, false],
    [{}, false],
  ])('%j → ok %s', (input, ok) => {
    const result = checkTraining(input);
    expect(result.ok).toBe(ok);
    expect(codes(result.problems)).toEqual(ok ? [] : ['TRAINING_TOO_SHORT']);
  });

  test('a negative figure is an input error', () => {
    expect(() => checkTraining({ days: -1 })).toThrow(DevelopmentInputError);
  });
});

describe('leaving within 3 months (step 13)', () => {
  test.each([
    [undefined, undefined, true, [], []],
    ['2025-08-10', undefined, false, ['LEAVING_SOON'], []], // exactly 3 months: within
    ['2025-08-11', undefined, true, [], []],
    ['2025-06-01', undefined, false, ['LEAVING_SOON'], []],
    ['2025-06-01', '组织调动，已与新单位党组织沟通', true, [], ['LEAVING_SOON_WITH_REASON']],
    ['2025-06-01', '   ', false, ['LEAVING_SOON'], []],
  ])('review 2025-05-10, leaving %s, reason %j → ok %s', (expectedLeavingDate, reason, ok, problems, warnings) => {
    const result = checkLeavingWithinMonths({ reviewDate: '2025-05-10', expectedLeavingDate, reason });
    expect(result.ok).toBe(ok);
    expect(codes(result.problems)).toEqual(problems);
    expect(codes(result.warnings)).toEqual(warnings);
  });
});
