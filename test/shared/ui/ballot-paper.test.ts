import { ballotPaperPage, parseCopies } from '../../../shared/ui/pages/ballot-paper';

const PAPER = { electionId: 'e-1', orgName: '示例局办公室党支部', contest: 'committee' as const, seats: 3, candidates: ['王五', 'Tom<b>', '丁一', '李四', '欧阳修'] };

const count = (text: string, part: string) => text.split(part).length - 1;

describe('ballot papers', () => {
  test('candidates in 姓氏笔画 order (names it cannot rank last, escaped), the seats, the instructions, one write-in line per seat', () => {
    const page = ballotPaperPage(PAPER, 1).value;
    const order = ['丁一', '王五', '李四', '欧阳修', 'Tom&lt;b&gt;'].map((name) => page.indexOf(`<td class="name">${name}</td>`));
    expect(order.every((i) => i > 0)).toBe(true);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(page).toContain('中共示例局办公室党支部');
    expect(page).toContain('换届选举委员会委员选举选票');
    expect(page).toContain('应选 <strong>3</strong> 名　候选人 <strong>5</strong> 名');
    expect(page).toContain('本次应选 3 名，所选人数等于或少于应选人数的为有效票，多于应选人数的为无效票。');
    expect(page).toContain('“同意”栏内划“○”');
    expect(page).toContain('另选他人');
    expect(count(page, '<td class="blank"></td>')).toBe(3);
  });

  test('a name the stroke data cannot fully place is sorted by its surname and flagged for staff, not printed', () => {
    const page = ballotPaperPage({ ...PAPER, candidates: ['李四', '王琤', '陳大文', '丁一'] }, 2).value;
    const order = ['丁一', '王琤', '李四', '陳大文'].map((name) => page.indexOf(`<td class="name">${name}</td>`));
    expect(order.every((i) => i > 0)).toBe(true);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    const warning = page.slice(page.indexOf('<div class="print-actions no-print">'), page.indexOf('<article'));
    expect(warning).toContain('王琤（“琤”）');
    expect(warning).not.toContain('陳大文');
    expect(count(page, '笔画数据未收录')).toBe(1);
  });

  test('no flag when every name is known', () => {
    expect(ballotPaperPage({ ...PAPER, candidates: ['丁一', '王五'] }, 1).value).not.toContain('笔画数据未收录');
  });

  test('N copies are N identical pages without serial numbers', () => {
    const page = ballotPaperPage(PAPER, 25).value;
    expect(count(page, '<article class="print-page ballot-paper">')).toBe(25);
    expect(page).toContain('共 25 份');
    expect(page).not.toMatch(/第\s*\d+\s*[张份]/);
  });

  test('an officers\' ballot is titled for the post', () => {
    expect(ballotPaperPage({ ...PAPER, contest: 'secretary', seats: 1, candidates: ['丁一'] }, 1).value).toContain('换届选举书记选举选票');
  });

  test.each([
    [undefined, 1], ['', 1], ['1', 1], ['500', 500],
    ['0', undefined], ['501', undefined], ['-1', undefined], ['2.5', undefined], ['abc', undefined], ['1e3', undefined],
  ])('copies %p → %p', (raw, expected) => {
    expect(parseCopies(raw)).toBe(expected);
  });
});
