import { checkResult, type CheckResult } from './check-result';
import { addMonths, requireDate } from './dates';
import { DEFAULT_RULE_SET, type DevelopmentRuleSet } from './rule-set';

/** The last day for the talk with the applicant (step 2): one month after the application, inclusive. */
export function talkDueDate(applicationDate: string, rules: DevelopmentRuleSet = DEFAULT_RULE_SET): string {
  return addMonths(requireDate(applicationDate, '申请日期'), rules.talkWithinMonths);
}

/** Step 2: a talk before the application is refused; a late talk is allowed but flagged. */
export function checkTalkTiming(input: { applicationDate: string; talkDate: string }, rules: DevelopmentRuleSet = DEFAULT_RULE_SET): CheckResult {
  const applicationDate = requireDate(input.applicationDate, '申请日期');
  const talkDate = requireDate(input.talkDate, '谈话日期');
  if (talkDate < applicationDate) {
    return checkResult([{ code: 'TALK_BEFORE_APPLICATION', message: `谈话日期 ${talkDate} 早于收到入党申请书的日期 ${applicationDate}。` }]);
  }
  const due = talkDueDate(applicationDate, rules);
  if (talkDate > due) {
    return checkResult(
      [],
      [{ code: 'TALK_LATE', message: `应在收到入党申请书后 ${rules.talkWithinMonths} 个月内（${due} 前）派人谈话，本次谈话 ${talkDate} 已超期，请在记录中说明原因。` }],
    );
  }
  return checkResult();
}
