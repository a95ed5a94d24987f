import { checkResult, type CheckResult, type Finding } from './check-result';
import { addMonths, requireDate } from './dates';
import { DEFAULT_RULE_SET, type DevelopmentRuleSet } from './rule-set';

export type ConversionOutcome = 'on-time' | 'extend' | 'cancel';

export const CONVERSION_OUTCOME_LABELS: Record<ConversionOutcome, string> = {
  'on-time': '按期转为正式党员',
  extend: '延长预备期',
  cancel: '取消预备党员资格',
};

/** Probation ends one year after the day of the admitting general meeting (step 21). */
export function probationEndDate(admissionMeetingDate: string, rules: DevelopmentRuleSet = DEFAULT_RULE_SET): string {
  return addMonths(requireDate(admissionMeetingDate, '接收预备党员的支部大会日期'), rules.probationMonths);
}

/** The probation end after earlier extensions (each added to the end date then current). */
export function currentProbationEndDate(admissionMeetingDate: string, extensions: readonly number[] = [], rules: DevelopmentRuleSet = DEFAULT_RULE_SET): string {
  return extensions.reduce((end, months) => addMonths(end, months), probationEndDate(admissionMeetingDate, rules));
}

export interface ConversionInput {
  admissionMeetingDate: string;
  outcome: ConversionOutcome;
  /** For `extend`: the months of this extension (6–12 by default). */
  extensionMonths?: number;
  /** Extensions already granted, in months, oldest first. */
  previousExtensions?: readonly number[];
}

export interface ConversionDecision extends CheckResult {
  outcome: ConversionOutcome;
  /** The end of probation as it stands before this decision. */
  probationEndDate: string;
  /** `on-time`: the conversion date, from which party standing (党龄) counts. */
  conversionDate?: string;
  /** `extend`: the new end of probation. */
  extendedProbationEndDate?: string;
}

/** Step 23: convert on time, extend probation once by 6–12 months, or cancel. */
export function decideConversion(input: ConversionInput, rules: DevelopmentRuleSet = DEFAULT_RULE_SET): ConversionDecision {
  const previous = input.previousExtensions ?? [];
  const end = currentProbationEndDate(input.admissionMeetingDate, previous, rules);
  const problems: Finding[] = [];
  const base = { outcome: input.outcome, probationEndDate: end };
  if (input.outcome === 'on-time') return { ...checkResult(), ...base, conversionDate: end };
  if (input.outcome === 'cancel') return { ...checkResult(), ...base };
  const { minMonths, maxMonths, maxTimes } = rules.extension;
  if (previous.length >= maxTimes) {
    problems.push({ code: 'EXTENSION_ALREADY_USED', message: `预备期只能延长 ${maxTimes} 次，已延长过，不能再次延长；请讨论按期转正或取消预备党员资格。` });
  }
  const months = input.extensionMonths;
  if (months === undefined || !Number.isInteger(months) || months < minMonths || months > maxMonths) {
    problems.push({
      code: 'EXTENSION_MONTHS',
      message: `延长预备期的时间为 ${minMonths} 个月至 ${maxMonths} 个月（整月），现为 ${months === undefined ? '未填写' : `${String(months)} 个月`}。`,
    });
  }
  if (problems.length > 0) return { ...checkResult(problems), ...base };
  return { ...checkResult(), ...base, extendedProbationEndDate: addMonths(end, months as number) };
}
