import {
  addSheets, checkPaperEntry, checkProposal, codeFromBytes, DEFAULT_EVALUATION_RULES, emptyCounts, emptyRatingCounts, evaluationParticipants,
  applyEvaluationStep, evaluationWarnings, excellentCap, followUpFor, followUpReminders, isDisposal, isWellFormedCode, normalizeCode, startDeadline, startOverdue, tallyEvaluation, type Grade, type GradeCounts,
} from '../../../../shared/domain/evaluation';
import type { Person } from '../../../../shared/domain/registry/person';

const rules = DEFAULT_EVALUATION_RULES;

describe('the rule set numbers (V2)', () => {
  test('defaults: 30% cap, 群众评议 shown not counted, 5 working days, 1 month talk, 6 months correction, March', () => {
    expect(rules).toMatchObject({
      excellentCapPercent: 30, massWeight: 0, publication: { unit: 'workingDays', count: 5 }, improvementTalkMonths: 1, correctionMonths: 6, startByMonth: 3,
    });
  });
});

describe('participants (V3)', () => {
  const person = (name: string, status: Person['status'], extra: Partial<Person> = {}): Pick<Person, 'id' | 'name' | 'statusHistory' | 'exclusions'> => ({
    id: `p-${name}`, name, statusHistory: [{ value: status, from: '2020-01-01' }], exclusions: [], ...extra,
  });
  test.each([
    ['full member', person('甲', 'full'), 'evaluated'],
    ['probationary member', person('乙', 'probationary'), 'evaluated'],
    ['development target', person('丙', 'development-target'), 'none'],
    ['became full the day after the date', person('丁', 'full', { statusHistory: [{ value: 'full', from: '2026-12-02' }] }), 'none'],
    ['became full on the date', person('戊', 'full', { statusHistory: [{ value: 'full', from: '2026-12-01' }] }), 'evaluated'],
    ['abroad since the date', person('己', 'full', { exclusions: [{ reason: 'abroad', from: '2026-12-01' }] }), 'excluded'],
    ['abroad until the day before', person('庚', 'full', { exclusions: [{ reason: 'abroad', from: '2026-01-01', to: '2026-11-30' }] }), 'evaluated'],
  ])('%s', (_label, p, expected) => {
    const { evaluated, excluded } = evaluationParticipants([p], '2026-12-01');
    const where = evaluated.length ? 'evaluated' : excluded.length ? 'excluded' : 'none';
    expect(where).toBe(expected);
  });
  test('an exclusion carries its reason in Chinese; a probationary member is marked', () => {
    const { evaluated, excluded } = evaluationParticipants([person('甲', 'probationary'), person('乙', 'full', { exclusions: [{ reason: 'long-illness', from: '2026-01-01' }] })], '2026-12-01');
    expect(evaluated).toEqual([{ personId: 'p-甲', name: '甲', probationary: true }]);
    expect(excluded).toEqual([{ personId: 'p-乙', name: '乙', reasonLabel: '长期患病', note: undefined }]);
  });
});

const members = [{ personId: 'a', name: '张伟' }, { personId: 'b', name: '王芳' }];
const sheet = (a: Grade, b: Grade, raterKind: 'member' | 'mass' = 'member') => ({ raterKind, grades: { a, b } });

describe('the tally (V5)', () => {
  test('counts and shares per grade, members and non-members apart', () => {
    const counts = addSheets(emptyRatingCounts(), [sheet('excellent', 'qualified'), sheet('excellent', 'basic'), sheet('qualified', 'qualified'), sheet('unqualified', 'unqualified', 'mass')]);
    const [zhang, wang] = tallyEvaluation(members, counts, 0);
    expect(zhang.member.counts).toEqual({ excellent: 2, qualified: 1, basic: 0, unqualified: 0 });
    expect(zhang.member.shares.excellent).toBeCloseTo(2 / 3);
    expect(zhang.mass).toMatchObject({ returned: 1, counts: { unqualified: 1 } });
    expect(zhang.majority).toEqual(['excellent']);
    expect(wang.majority).toEqual(['qualified']);
  });
  test.each([
    // member counts [excellent, qualified], mass unqualified count, weight → majority
    ['members decide, mass not counted', [3, 2], 5, 0, ['excellent']],
    ['a tie gives both grades', [2, 2], 0, 0, ['excellent', 'qualified']],
    ['one more makes a majority', [3, 2], 0, 0, ['excellent']],
    ['mass counted at weight 1 outweighs', [3, 2], 4, 1, ['unqualified']],
    ['mass counted at weight 0.5 just ties', [3, 2], 6, 0.5, ['excellent', 'unqualified']],
  ] as const)('%s', (_label, [e, q], massU, weight, majority) => {
    const memberCounts: GradeCounts = { ...emptyCounts(), excellent: e, qualified: q };
    const counts = { returned: { member: e + q, mass: massU }, counts: { member: { a: memberCounts }, mass: { a: { ...emptyCounts(), unqualified: massU } } } };
    expect(tallyEvaluation([members[0]], counts, weight)[0].majority).toEqual(majority);
  });
  test('nobody rated: no majority, shares 0', () => {
    const [zhang] = tallyEvaluation(members, emptyRatingCounts(), 0);
    expect(zhang.majority).toEqual([]);
    expect(zhang.member.shares.excellent).toBe(0);
  });
});

describe('paper entry reconciled (V6)', () => {
  const names = new Map([['a', '张伟'], ['b', '王芳']]);
  const counts = (n: number): GradeCounts => ({ ...emptyCounts(), qualified: n });
  test.each([
    ['returned equal to issued', 10, 10, 10, {}],
    ['returned one more than issued', 10, 11, 10, { returned: '党员评议收回评议表 11 份，多于发出的 10 份：本次评议表无效，请核对后重新评议。' }],
    ['a member with grades equal to sheets returned', 10, 9, 9, {}],
    ['a member with one grade more than sheets returned', 10, 9, 10, { 'counts.a': '张伟的优秀 0、合格 10、基本合格 0、不合格 0，合计 10 票，多于收回的评议表 9 份。' }],
    ['a member left blank on one sheet', 10, 9, 8, {}],
  ])('%s', (_label, issued, returned, n, problems) => {
    expect(checkPaperEntry({ raterKind: 'member', issued, returned, counts: { a: counts(n) } }, names)).toEqual(problems);
  });
  test('a person not evaluated is refused', () => {
    expect(checkPaperEntry({ raterKind: 'member', issued: 1, returned: 1, counts: { x: counts(1) } }, names)).toEqual({ 'counts.x': '此人不在本次评议的党员名单中。' });
  });
});

describe('the proposal (V7, V8)', () => {
  test.each([
    [9, 2], [10, 3], [13, 3], [14, 4], [3, 0], [4, 1],
  ])('%i evaluated → at most %i 优秀 (30%%, rounded down)', (n, cap) => {
    expect(excellentCap(n, rules)).toBe(cap);
  });

  const ten = Array.from({ length: 10 }, (_, i) => ({ personId: `m${i}`, name: `党员${i}` }));
  const allExcellent = { returned: { member: 10, mass: 0 }, counts: { member: Object.fromEntries(ten.map((m) => [m.personId, { ...emptyCounts(), excellent: 10 }])), mass: {} } };
  const tally = tallyEvaluation(ten, allExcellent, 0);
  const propose = (excellent: number, reason?: string) => ten.map((m, i) => ({ personId: m.personId, grade: (i < excellent ? 'excellent' : 'qualified') as Grade, reason }));

  test('3 of 10 优秀 is the cap; the others depart from the majority with a reason', () => {
    expect(checkProposal(tally, propose(3, '年度表现一般'), rules)).toEqual({});
  });
  test('4 of 10 优秀 is over the cap', () => {
    expect(checkProposal(tally, propose(4, '年度表现一般'), rules)._form).toBe('评定为优秀的有 4 名，超过参评党员 10 名的 30%（最多 3 名）。');
  });
  test('a departure from the majority without a reason is refused', () => {
    expect(checkProposal(tally, propose(3), rules)['reason.m3']).toBe('党员3的评议结果以“优秀”为多，评定为“合格”须写明理由。');
  });
  test.each([
    ['the majority grade needs no reason', ['qualified'], 'qualified', undefined, undefined],
    ['a tied grade needs no reason', ['qualified', 'basic'], 'basic', undefined, undefined],
    ['不合格 even as the majority needs a reason', ['unqualified'], 'unqualified', undefined, '张伟评定为不合格，须写明理由。'],
    ['不合格 with a reason', ['unqualified'], 'unqualified', '长期不参加组织生活', undefined],
    ['nobody rated: no departure', [], 'excellent', undefined, undefined],
  ] as const)('%s', (_label, majority, grade, reason, problem) => {
    const one = [{ ...tallyEvaluation([members[0]], emptyRatingCounts(), 0)[0], majority: [...majority] }];
    const cap = { excellentCapPercent: 100 };
    expect(checkProposal(one, [{ personId: 'a', grade, reason }], cap)['reason.a']).toBe(problem);
  });
  test('every evaluated member needs a grade', () => {
    expect(checkProposal(tallyEvaluation(members, emptyRatingCounts(), 0), [{ personId: 'a', grade: 'qualified' }], rules)).toEqual({ 'grade.b': '请为王芳选择评定等次。' });
  });
});

describe('follow-up and the start deadline (V10, V11)', () => {
  test.each([
    ['基本合格: a talk within 1 month', 'basic', false, { kind: 'improvement-talk', dueDate: '2027-02-28' }],
    ['不合格: 限期改正 6 months', 'unqualified', false, { kind: 'correction', dueDate: '2027-07-31' }],
    ['不合格, probationary: through the development case', 'unqualified', true, undefined],
    ['合格: nothing', 'qualified', false, undefined],
    ['优秀: nothing', 'excellent', false, undefined],
  ] as const)('%s', (_label, grade, probationary, expected) => {
    expect(followUpFor(grade, probationary, '2027-01-31', rules)).toEqual(expected);
  });
  test.each([
    ['2027-03-31', false], ['2027-04-01', true], ['2026-12-31', false],
  ])('evaluation of 2026 not started on %s: overdue %s', (today, overdue) => {
    expect(startDeadline(2026, rules)).toBe('2027-03-31');
    expect(startOverdue(2026, today, rules)).toBe(overdue);
  });
});

describe('rater codes (V4)', () => {
  test('8 characters from the alphabet without look-alikes; typed with dashes and lower case', () => {
    const code = codeFromBytes(new Uint8Array([0, 1, 2, 31, 32, 63, 200, 255]));
    expect(code).toBe('ABC9A9J9');
    expect(normalizeCode('abc9-a9j9 ')).toBe(code);
    expect(isWellFormedCode(code)).toBe(true);
    expect(isWellFormedCode('ABC9AA9')).toBe(false);
    expect(isWellFormedCode('ABC9AA90')).toBe(false); // 0 is never in a code
  });
});

describe('follow-up reminders (V13): 7 days before the date, and from the date on, until done', () => {
  const talk = { personId: 'a', name: '甲', followUp: { kind: 'improvement-talk' as const, dueDate: '2027-01-08' } };
  const correction = { personId: 'b', name: '乙', followUp: { kind: 'correction' as const, dueDate: '2027-06-08' } };
  test.each([
    ['2026-12-31', []], ['2027-01-01', ['甲:due-soon']], ['2027-01-07', ['甲:due-soon']], ['2027-01-08', ['甲:due']], ['2027-02-01', ['甲:due']],
    ['2027-05-31', ['甲:due']], ['2027-06-01', ['甲:due', '乙:due-soon']], ['2027-06-08', ['甲:due', '乙:due']],
  ])('on %s: %j', (today, expected) => {
    expect(followUpReminders([talk, correction], today).map((r) => `${r.name}:${r.level}`)).toEqual(expected);
  });
  test('a talk recorded, a correction reviewed: no reminder', () => {
    expect(followUpReminders([{ ...talk, followUp: { ...talk.followUp, doneOn: '2027-01-02' } }, { ...correction, correction: 'corrected' as const }], '2027-06-08')).toEqual([]);
  });
});

describe('the follow-up step (V10, V12)', () => {
  const evaluation = {
    id: 'v', evaluated: [], grades: [
      { personId: 'a', name: '甲', grade: 'unqualified' as const, probationary: false, followUp: { kind: 'correction' as const, dueDate: '2027-06-08' } },
    ],
  } as unknown as Parameters<typeof applyEvaluationStep>[1]['evaluation'];
  const step = (correction: 'corrected' | 'remove', today: string) => applyEvaluationStep({ step: 'follow-up', values: { entries: [{ personId: 'a', correction }] } }, { evaluation }, rules, today);
  test('reviewed before the deadline: refused; on it: recorded', () => {
    expect(() => step('corrected', '2027-06-07')).toThrow(expect.objectContaining({ fieldErrors: { 'review.a': '甲的限期改正到 2027-06-08 期满，期满后方可评定整改结果。' } }));
    expect(step('corrected', '2027-06-08')).toMatchObject({ outcome: { disposals: 0 }, completes: true });
  });
  test('劝其退党 and 除名 go to the general meeting and higher approval; corrected ends the evaluation', () => {
    expect(isDisposal('remove')).toBe(true);
    expect(isDisposal('advise-withdrawal')).toBe(true);
    expect(isDisposal('corrected')).toBe(false);
    expect(step('remove', '2027-06-08')).toMatchObject({ outcome: { disposals: 1 }, completes: false });
  });
});

describe('the overview warnings of a started evaluation', () => {
  const base = { status: 'running', date: '2026-12-07', rules: { codeValidDays: 14 } };
  test.each([
    ['2026-12-21', []], ['2026-12-22', ['民主评议自 2026-12-07 开始，超过 14 天仍未结束']],
  ])('rating still open on %s: %j', (today, expected) => {
    expect(evaluationWarnings({ ...base, phase: 'rating' }, today)).toEqual(expected);
  });
  test('follow-up past its date and not done; nothing for a completed evaluation', () => {
    const grades = [
      { personId: 'a', name: '甲', followUp: { kind: 'improvement-talk' as const, dueDate: '2027-01-08' } },
      { personId: 'b', name: '乙', followUp: { kind: 'correction' as const, dueDate: '2027-06-08' } },
    ];
    expect(evaluationWarnings({ ...base, phase: 'follow-up', grades }, '2027-01-07')).toEqual([]);
    expect(evaluationWarnings({ ...base, phase: 'follow-up', grades }, '2027-06-08')).toEqual(['甲的谈心谈话已超过期限（2027-01-08）', '乙的限期改正已于 2027-06-08 期满，待复查']);
    expect(evaluationWarnings({ ...base, status: 'completed', phase: 'completed', grades }, '2027-06-08')).toEqual([]);
  });
});
