import type { Notice } from '../../../shared/domain/notice/notice';
import { noticePage } from '../../../shared/ui/pages/notice-page';
import { noticePrintPage } from '../../../shared/ui/pages/notice-print';
import { publicBoardPage } from '../../../shared/ui/pages/public-board';
import { errorPage } from '../../../shared/ui/pages/error-page';
import { OBJECTION_LIMITS } from '../../../shared/domain/notice/objection';

const notice: Notice = {
  id: 'n-1', orgId: 'o-1', orgName: '示例党支部', kind: 'development-target', audience: 'public',
  subject: { name: '张<三>', gender: '男', birthYearMonth: '1995-03', education: '大学本科', unitPost: '综合科 科员' },
  applicationDate: '2024-03-15', previousStage: { label: '确定为入党积极分子时间', date: '2024-09-27' },
  proposedStep: '拟确定为发展对象', objectionContact: { office: '机关党委', contact: '010-65550305' },
  period: { unit: 'workingDays', count: 5 }, createdBy: 'u', status: 'open',
  publishedAt: '2026-03-02T01:00:00.000Z', endsAt: '2026-03-06T23:59:59+08:00', endsAtMs: Date.parse('2026-03-06T23:59:59+08:00'),
  provisional: false, objectionCount: 0,
};

describe('notice pages', () => {
  test('the notice page shows docs/domain/notices-and-calendar.md content and the objection form with maxlengths while open', () => {
    const page = noticePage(notice, { now: new Date('2026-03-03T00:00:00Z') }).value;
    for (const text of ['张&lt;三&gt;', '男', '1995年3月', '大学本科', '综合科 科员', '2024年3月15日', '确定为入党积极分子时间', '2024年9月27日', '拟确定为发展对象', '机关党委', '010-65550305', '2026-03-06 23:59', '5个工作日', '2026年3月2日至2026年3月6日']) {
      expect(page).toContain(text);
    }
    expect(page).toContain(`maxlength="${OBJECTION_LIMITS.content}"`);
    expect(page).toContain(`maxlength="${OBJECTION_LIMITS.name}"`);
    expect(page).toContain(`maxlength="${OBJECTION_LIMITS.contact}"`);
    expect(page).not.toContain('临时');
  });

  test('after the end the form is replaced by the refusal message', () => {
    const page = noticePage(notice, { now: new Date('2026-03-06T16:00:00Z') }).value;
    expect(page).not.toContain('<form class="stacked"');
    expect(page).toContain('不再受理异议');
  });

  test('a provisional end is marked 临时', () => {
    expect(noticePage({ ...notice, provisional: true }, { now: new Date('2026-03-03T00:00:00Z') }).value).toContain('临时');
  });

  test('the 临时 mark is explained to the public in the visible text, on the notice and on the board', () => {
    const provisional = { ...notice, provisional: true };
    const explained = /<span class="tag provisional">临时<\/span><span class="muted">（该年度的国家节假日安排尚未发布，截止时间暂按只扣除周末计算；发布后将重新计算，截止时间可能顺延）<\/span>/;
    expect(noticePage(provisional, { now: new Date('2026-03-03T00:00:00Z') }).value).toMatch(explained);
    expect(publicBoardPage({ open: [provisional], closed: [] }, new Date('2026-03-03T00:00:00Z')).value).toMatch(explained);
  });

  test('the print page has the formal heading and no navigation', () => {
    const page = noticePrintPage(notice).value;
    expect(page).toContain('中共示例党支部');
    expect(page).toContain('关于张&lt;三&gt;同志拟确定为发展对象的公示');
    expect(page).not.toContain('site-header');
  });

  test('the board shows closed notices neutrally', () => {
    const closed: Notice = { ...notice, id: 'n-2', status: 'closed', result: 'stopped' };
    const page = publicBoardPage({ open: [], closed: [closed] }, new Date('2026-03-10T00:00:00Z')).value;
    expect(page).toContain('公示期满');
    expect(page).not.toContain('终止');
  });

  test('the error page shows the message and field messages', () => {
    const page = errorPage({ status: 422, message: '提交的内容有误', fieldErrors: { a: '请填写<内容>' } }).value;
    expect(page).toContain('请填写&lt;内容&gt;');
  });
});
