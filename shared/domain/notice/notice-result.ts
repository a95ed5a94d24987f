import type { NoticeState } from './notice';

/**
 * What came of a notice, as an approver or a file reads it (docs/domain/notices-and-calendar.md): 公示期满，无异议;
 * the objections received and the conclusion of their investigation; or the notice withdrawn, with why.
 */
export function noticeResultText(notice: Pick<NoticeState, 'status' | 'objectionCount' | 'result' | 'reviewDate' | 'withdrawReason'>): string {
  if (notice.status === 'withdrawn') return `公示已撤回${notice.withdrawReason ? `（${notice.withdrawReason}）` : ''}`;
  if (notice.status === 'open') return '公示中';
  if (notice.objectionCount === 0) return '公示期满，无异议';
  const received = `公示期满，收到异议 ${notice.objectionCount} 件`;
  switch (notice.result) {
    case 'proceed':
      return `${received}，异议已处理：经调查不属实，继续办理`;
    case 'postponed':
      return `${received}，异议已处理：需进一步核实，暂缓办理${notice.reviewDate ? `（复核日期 ${notice.reviewDate}）` : ''}`;
    case 'stopped':
      return `${received}，异议已处理：经调查属实，终止程序`;
    default:
      return `${received}，尚待调查处理`;
  }
}
