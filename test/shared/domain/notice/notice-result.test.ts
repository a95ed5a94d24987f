import { noticeResultText } from '../../../../shared/domain/notice/notice-result';

// What came of a notice, as the approver reads it in the summary (issue 13 item 19): each way a notice can end.
test.each([
  ['ended without objection', { status: 'closed', objectionCount: 0, result: 'proceed' }, '公示期满，无异议'],
  ['one objection, not yet investigated', { status: 'closed', objectionCount: 1 }, '公示期满，收到异议 1 件，尚待调查处理'],
  ['objections found unfounded', { status: 'closed', objectionCount: 2, result: 'proceed' }, '公示期满，收到异议 2 件，异议已处理：经调查不属实，继续办理'],
  ['postponed to a review date', { status: 'closed', objectionCount: 1, result: 'postponed', reviewDate: '2027-01-10' }, '公示期满，收到异议 1 件，异议已处理：需进一步核实，暂缓办理（复核日期 2027-01-10）'],
  ['an objection found true', { status: 'closed', objectionCount: 1, result: 'stopped' }, '公示期满，收到异议 1 件，异议已处理：经调查属实，终止程序'],
  ['withdrawn, with why', { status: 'withdrawn', objectionCount: 0, result: 'withdrawn', withdrawReason: '材料有误' }, '公示已撤回（材料有误）'],
  ['still open', { status: 'open', objectionCount: 0 }, '公示中'],
] as const)('%s', (_name, notice, text) => {
  expect(noticeResultText(notice)).toBe(text);
});
