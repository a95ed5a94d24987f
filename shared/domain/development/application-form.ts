import { checkResult, type CheckResult } from './check-result';
import { requireDate } from './dates';

/**
 * Step 14: the application form is issued only after the admission notice has ended, so the form cannot be dated
 * inside the notice period: a date on or before the notice's last day (China time) is refused. Without the
 * notice node there is nothing to check here.
 */
export function checkApplicationFormDate(input: { filledDate: string; noticeLastDay?: string }): CheckResult {
  const filledDate = requireDate(input.filledDate, '填写入党志愿书日期');
  if (input.noticeLastDay === undefined) return checkResult();
  const lastDay = requireDate(input.noticeLastDay, '公示结束日期');
  if (filledDate > lastDay) return checkResult();
  return checkResult([
    {
      code: 'FORM_DURING_NOTICE',
      message: `入党志愿书的填写日期 ${filledDate} 在拟接收预备党员公示期内（公示到 ${lastDay} 结束）；公示期满后方可发放和填写入党志愿书，请核对日期。`,
    },
  ]);
}
