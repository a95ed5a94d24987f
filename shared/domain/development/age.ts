import { checkResult, type CheckResult } from './check-result';
import { addYears, ageOn, requireDate } from './dates';
import { DEFAULT_RULE_SET, type DevelopmentRuleSet } from './rule-set';

/** Step 1: the applicant is at least 18 on the application date; the 18th birthday itself counts. */
export function checkApplicationAge(input: { birthDate: string; applicationDate: string }, rules: DevelopmentRuleSet = DEFAULT_RULE_SET): CheckResult {
  const birthDate = requireDate(input.birthDate, '出生日期');
  const applicationDate = requireDate(input.applicationDate, '申请日期');
  if (applicationDate < birthDate) {
    return checkResult([{ code: 'APPLICATION_BEFORE_BIRTH', message: '申请日期早于出生日期，请核对。' }]);
  }
  const age = ageOn(birthDate, applicationDate);
  if (age < rules.minimumAgeYears) {
    const from = addYears(birthDate, rules.minimumAgeYears);
    return checkResult([
      {
        code: 'AGE_UNDER_MINIMUM',
        message: `递交入党申请时须年满 ${rules.minimumAgeYears} 周岁：申请日 ${applicationDate} 时为 ${age} 周岁，${from} 起方可申请。`,
      },
    ]);
  }
  return checkResult();
}
