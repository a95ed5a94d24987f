import { checkResult, type CheckResult } from './check-result';
import { addMonths, requireDate } from './dates';
import { DEFAULT_RULE_SET, type DevelopmentRuleSet } from './rule-set';

function monthsText(months: number): string {
  return months % 12 === 0 ? ` ${months / 12} 年` : ` ${months} 个月`;
}

/** The first day a person can become a development target: the anniversary of the activist date (step 7). */
export function cultivationCompleteDate(activistDate: string, rules: DevelopmentRuleSet = DEFAULT_RULE_SET): string {
  return addMonths(requireDate(activistDate, '确定入党积极分子日期'), rules.minimumCultivationMonths);
}

/**
 * Step 7: at least one year of cultivation, i.e. the target date is on or after the anniversary
 * (2025-03-10 → 2026-03-10; a leap day 2024-02-29 → 2025-02-28). The activist date of the first
 * unit is kept when the person moves, so time carries over.
 */
export function checkCultivationTime(input: { activistDate: string; targetDate: string }, rules: DevelopmentRuleSet = DEFAULT_RULE_SET): CheckResult {
  const targetDate = requireDate(input.targetDate, '确定发展对象日期');
  const earliest = cultivationCompleteDate(input.activistDate, rules);
  if (targetDate < earliest) {
    return checkResult([
      {
        code: 'CULTIVATION_TOO_SHORT',
        message: `入党积极分子须经过${monthsText(rules.minimumCultivationMonths)}以上的培养教育考察（${input.activistDate} 起），${earliest} 起方可确定为发展对象。`,
      },
    ]);
  }
  return checkResult();
}
