import { checkResult, type CheckResult } from './check-result';
import { addMonths, requireDate } from './dates';
import { DEFAULT_RULE_SET, type DevelopmentRuleSet } from './rule-set';

/**
 * Step 13: a target who will leave the unit within 3 months of the pre-review (leaving on or before
 * the date 3 months later) is normally not processed. With a recorded reason it may go on, flagged.
 */
export function checkLeavingWithinMonths(
  input: { reviewDate: string; expectedLeavingDate?: string; reason?: string },
  rules: DevelopmentRuleSet = DEFAULT_RULE_SET,
): CheckResult {
  const reviewDate = requireDate(input.reviewDate, '预审日期');
  if (input.expectedLeavingDate === undefined) return checkResult();
  const leaving = requireDate(input.expectedLeavingDate, '预计离开本单位日期');
  const limit = addMonths(reviewDate, rules.leavingWithinMonths);
  if (leaving > limit) return checkResult();
  const base = `发展对象预计 ${leaving} 离开本单位，在 ${rules.leavingWithinMonths} 个月内（${limit} 前）`;
  if (input.reason !== undefined && input.reason.trim() !== '') {
    return checkResult([], [{ code: 'LEAVING_SOON_WITH_REASON', message: `${base}，按说明的原因继续办理：${input.reason.trim()}` }]);
  }
  return checkResult([{ code: 'LEAVING_SOON', message: `${base}，一般不办理接收预备党员手续；如确需办理，请记录原因。` }]);
}
