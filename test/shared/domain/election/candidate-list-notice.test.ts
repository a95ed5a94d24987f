import { candidateListMatter } from '../../../../shared/domain/election/candidate-list-notice';
import type { NoticeSubject } from '../../../../shared/domain/notice/notice';

// Issue 13 item 20: one notice for the candidate list, with a title for the list (not "张伟同志…的公示" per candidate).
const person = (name: string): NoticeSubject => ({ name, gender: '男', birthYearMonth: '1990-01', education: '大学本科', unitPost: '综合科 科员' });

test('one notice for the list: its title, its text with the count, the people in surname stroke order', () => {
  const matter = candidateListMatter('办公室党支部', ['张伟', '刘洋', '王芳', '李娜'].map(person));
  expect(matter.title).toBe('关于办公室党支部新一届委员会委员候选人预备人选的公示');
  expect(matter.body).toContain('候选人预备人选共 4 名');
  expect(matter.body).toContain('按姓氏笔画排序');
  expect(matter.people?.map((p) => p.name)).toEqual(['王芳', '刘洋', '李娜', '张伟']); // 王 4, 刘 6, 李 7 (横), 张 7 (横折)
  expect(matter.title).not.toContain('同志');
});
