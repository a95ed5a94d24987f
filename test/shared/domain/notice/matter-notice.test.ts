import fc from 'fast-check';
import { isPersonNotice, noticeDraftProblem, type NoticeDraft } from '../../../../shared/domain/notice/notice';
import { noticeHeading, noticeHeadline, noticeTitle } from '../../../../shared/domain/notice/notice-headline';
import { noticeDraftSchema } from '../../../../shared/schemas/notice-draft';
import { matterNoticeDraft, noticeDraft } from '../../../support/notice-fixtures';

/** The Chinese messages of a refused draft (empty when accepted). */
function problems(draft: unknown): string[] {
  const parsed = noticeDraftSchema.safeParse(draft);
  return parsed.success ? [] : parsed.error.issues.map((issue) => issue.message);
}

describe('a notice about a matter (事项): internal only, a title and a text', () => {
  test.each([
    ['an internal election announcement', {}, []],
    ['a public one', { audience: 'public' }, ['事项公告只能在本组织内部公示，不能在公示栏公开发布。']],
    ['an empty title', { matter: { title: '', body: '正文' } }, ['请填写公告标题。']],
    ['a blank body', { matter: { title: '标题', body: '  \n ' } }, ['请填写公告正文。']],
    ['a title of 100 characters', { matter: { title: '题'.repeat(100), body: '正文' } }, []],
    ['a title of 101 characters', { matter: { title: '题'.repeat(101), body: '正文' } }, ['公告标题不能超过 100 个字。']],
    ['a body of 5000 characters', { matter: { title: '标题', body: '文'.repeat(5000) } }, []],
    ['a body of 5001 characters', { matter: { title: '标题', body: '文'.repeat(5001) } }, ['公告正文不能超过 5000 个字。']],
    ['a period of 0 days', { period: { unit: 'workingDays', count: 0 } }, [expect.any(String)]],
    ['a period of 30 days', { period: { unit: 'calendarDays', count: 30 } }, []],
    ['a period of 31 days', { period: { unit: 'calendarDays', count: 31 } }, [expect.any(String)]],
  ] as const)('%s', (_name, overrides, expected) => {
    expect(problems({ ...matterNoticeDraft(), ...overrides })).toEqual(expected);
  });

  test('a matter notice carries no person, and a person notice no matter: the draft is one or the other', () => {
    const subject = noticeDraft().subject;
    expect(problems({ ...matterNoticeDraft(), subject })).not.toEqual([]);
    expect(problems({ ...noticeDraft(), kind: 'election-announcement', audience: 'internal' })).not.toEqual([]);
    const { subject: _dropped, ...withoutSubject } = noticeDraft();
    expect(problems({ ...withoutSubject, matter: { title: '标题', body: '正文' } })).not.toEqual([]);
  });

  test('person notices are unchanged: public or internal, and never more personal data than a notice shows', () => {
    expect(problems(noticeDraft({ audience: 'public' }))).toEqual([]);
    expect(problems(noticeDraft({ audience: 'internal' }))).toEqual([]);
    expect(problems({ ...noticeDraft(), subject: { ...noticeDraft().subject, idNumber: '110101199003071234' } })).not.toEqual([]);
  });

  test.each([
    ['a public matter', { kind: 'election-announcement', audience: 'public' }, '换届选举公告只能在本组织内部公示，不能在公示栏公开发布。'],
    ['an internal matter', { kind: 'election-announcement', audience: 'internal' }, undefined],
    ['a public person notice', { kind: 'candidates', audience: 'public' }, undefined],
    ['a public candidate list (one notice for the list)', { kind: 'candidate-list', audience: 'public' }, undefined],
    ['an internal person notice', { kind: 'activist', audience: 'internal' }, undefined],
  ] as const)('the domain rule: %s', (_name, draft, expected) => {
    expect(noticeDraftProblem(draft)).toBe(expected);
  });

  test('headlines: the person, or the matter as titled', () => {
    const person: NoticeDraft = noticeDraft();
    const matter: NoticeDraft = matterNoticeDraft({ matter: { title: '关于换届选举的公告', body: '正文' } });
    expect([isPersonNotice(person), isPersonNotice(matter)]).toEqual([true, false]);
    expect([noticeHeadline(person), noticeHeading(person), noticeTitle(person)]).toEqual(['张三', '张三同志拟确定为发展对象的公示', '关于张三同志拟确定为发展对象的公示']);
    expect([noticeHeadline(matter), noticeHeading(matter), noticeTitle(matter)]).toEqual(['关于换届选举的公告', '关于换届选举的公告', '关于换届选举的公告']);
  });

  test('property: whatever the text, an accepted matter draft is internal and has no person', () => {
    fc.assert(fc.property(fc.string(), fc.string(), fc.constantFrom('public', 'internal'), (title, body, audience) => {
      const parsed = noticeDraftSchema.safeParse(matterNoticeDraft({ matter: { title, body }, audience: audience as 'internal' }));
      const valid = audience === 'internal' && title.trim().length > 0 && title.trim().length <= 100 && body.trim().length > 0 && body.trim().length <= 5000;
      expect(parsed.success).toBe(valid);
      if (parsed.success) expect(parsed.data).not.toHaveProperty('subject');
    }));
  });
});
