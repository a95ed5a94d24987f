import type { DevelopmentCase } from '../development/case';
import { currentProbationEndDate } from '../development/conversion';
import { cultivationCompleteDate } from '../development/cultivation';
import { DEFAULT_RULE_SET, type DevelopmentRuleSet } from '../development/rule-set';
import { STAGE_LABELS } from '../development/steps';

/**
 * What the letter (介绍信) says of the person's development case (docs/domain/transfer.md T8c), so that the receiving
 * organization, inside the system or outside it, continues from the same step with the time already served: where the
 * case stands, its dates, and the date the cultivation year or the probation ends.
 */
export interface CaseParticulars {
  /** 入党积极分子 / 发展对象 / 预备党员 (or 入党申请人). */
  standing: string;
  /** Where the case stands, e.g. 已完成第三阶段：发展对象的确定和考察. */
  progress: string;
  /** The case's dates, oldest first (YYYY-MM-DD). */
  dates: { label: string; date: string }[];
  /** The cultivation year's or the probation's end, when still ahead of or at the letter (YYYY-MM-DD). */
  periodEnd?: { label: string; date: string };
}

const monthsText = (months: number) => (months % 12 === 0 ? `${months / 12}年` : `${months}个月`);

export function caseParticulars(devCase: Pick<DevelopmentCase, 'stage' | 'stageState' | 'lastOutcome' | 'dates'>, rules: DevelopmentRuleSet = DEFAULT_RULE_SET): CaseParticulars {
  const d = devCase.dates;
  const dated = (label: string, date: string | undefined) => (date ? [{ label, date }] : []);
  const dates = [
    ...dated('递交入党申请书', d.applicationDate),
    ...dated('确定为入党积极分子', d.activistDate),
    ...dated('确定为发展对象', d.targetDate),
    ...dated('支部大会讨论接收为预备党员', d.admissionMeetingDate),
    ...dated('上级党委批准为预备党员', d.admissionApprovalDate),
  ];
  const standing = d.admissionApprovalDate ? '预备党员' : d.targetDate ? '发展对象' : d.activistDate ? '入党积极分子' : '入党申请人';
  const periodEnd = d.admissionMeetingDate && d.admissionApprovalDate
    ? { label: '预备期满', date: currentProbationEndDate(d.admissionMeetingDate, d.probationExtensions ?? [], rules) }
    : d.activistDate && !d.targetDate ? { label: `培养教育考察满${monthsText(rules.minimumCultivationMonths)}`, date: cultivationCompleteDate(d.activistDate, rules) } : undefined;
  const stage = STAGE_LABELS[devCase.stage];
  const progress = devCase.stageState === 'running' ? `正在办理${stage}` : devCase.lastOutcome === 'completed' ? `已完成${stage}` : `${stage}已结束`;
  return { standing, progress, dates, ...(periodEnd ? { periodEnd } : {}) };
}
