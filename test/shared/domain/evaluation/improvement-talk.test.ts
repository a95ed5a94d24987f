import { followUpReminders, recordImprovementTalk, type DecidedGrade } from '../../../../shared/domain/evaluation';
import { InputInvalidError } from '../../../../shared/errors';

// Recording an improvement talk on its own (docs/domain/evaluation.md, V10): published 2026-12-08, due 2027-01-08.
const grades: DecidedGrade[] = [
  { personId: 'p1', name: '孙燕', grade: 'basic', probationary: false, followUp: { kind: 'improvement-talk', dueDate: '2027-01-08' } },
  { personId: 'p2', name: '张伟', grade: 'excellent', probationary: false },
  { personId: 'p3', name: '李娜', grade: 'unqualified', probationary: false, followUp: { kind: 'correction', dueDate: '2027-06-08' } },
];
const talk = { date: '2026-12-15', talkers: '钱组织委员', note: '指出不足，明确改进措施。' };
const PUBLISHED = '2026-12-08';
const TODAY = '2026-12-15';

test.each([
  ['on the day of publication', '2026-12-08', undefined],
  ['the day before publication', '2026-12-07', '谈话日期不能早于定档结果公开之日（2026-12-08）。'],
  ['today', '2026-12-15', undefined],
  ['tomorrow', '2026-12-16', '谈话日期不能晚于今天。'],
])('a talk dated %s', (_label, date, problem) => {
  const record = () => recordImprovementTalk(grades, 'p1', { ...talk, date }, PUBLISHED, TODAY);
  if (problem) expect(record).toThrow(expect.objectContaining({ fieldErrors: { date: problem } }));
  else expect(record()).toMatchObject({ kind: 'recorded', grade: { followUp: { kind: 'improvement-talk', dueDate: '2027-01-08', doneOn: date, talk: { ...talk, date } } } });
});

test.each([
  ['a member graded 优秀', 'p2'],
  ['a member under 限期改正', 'p3'],
  ['someone not evaluated', 'p9'],
])('refused for %s: only 基本合格 members have a talk', (_label, personId) => {
  expect(() => recordImprovementTalk(grades, personId, talk, PUBLISHED, TODAY)).toThrow(InputInvalidError);
});

test('the same talk again changes nothing; a different one once recorded is refused; the reminder stops once recorded', () => {
  const first = recordImprovementTalk(grades, 'p1', talk, PUBLISHED, TODAY);
  if (first.kind !== 'recorded') throw new Error('not recorded');
  expect(first.grades.filter((g) => g.personId !== 'p1')).toEqual(grades.filter((g) => g.personId !== 'p1'));
  expect(recordImprovementTalk(first.grades, 'p1', talk, PUBLISHED, TODAY)).toEqual({ kind: 'already-recorded', grade: first.grade });
  expect(() => recordImprovementTalk(first.grades, 'p1', { ...talk, note: '另一次谈话' }, PUBLISHED, TODAY))
    .toThrow(expect.objectContaining({ fieldErrors: { personId: '孙燕的谈心谈话已于 2026-12-15 登记，不能重复登记。' } }));
  expect(followUpReminders(grades, '2027-01-08').map((r) => r.name)).toEqual(['孙燕']);
  expect(followUpReminders(first.grades, '2027-01-08')).toEqual([]);
});
