import { checkResult, DevelopmentInputError, type CheckResult } from './check-result';
import { DEFAULT_RULE_SET, type DevelopmentRuleSet } from './rule-set';

/** Step 11: concentrated training of at least 3 days or at least 24 class hours (either is enough). */
export function checkTraining(input: { days?: number; hours?: number }, rules: DevelopmentRuleSet = DEFAULT_RULE_SET): CheckResult {
  const days = input.days ?? 0;
  const hours = input.hours ?? 0;
  for (const [label, value] of [['培训天数', days], ['培训学时', hours]] as const) {
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) throw new DevelopmentInputError(`${label}必须是非负数：${JSON.stringify(value)}`);
  }
  const { minDays, minHours } = rules.training;
  if (days >= minDays || hours >= minHours) return checkResult();
  return checkResult([
    { code: 'TRAINING_TOO_SHORT', message: `集中培训时间一般不少于 ${minDays} 天或不少于 ${minHours} 个学时，现为 ${days} 天、${hours} 学时。` },
  ]);
}
