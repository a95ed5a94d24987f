import { AssessmentRuleError } from './errors';
import { periodsOf, schemePeriods } from './periods';
import type { Indicator, Scheme, SchemeSettings } from './types';

export const FREQUENCY_LABELS = { monthly: '月度', quarterly: '季度', 'half-yearly': '半年', yearly: '年度' } as const;
export const SCORING_LABELS = { done: '完成与否', graded: '按质量评分', count: '按次数计分（封顶）' } as const;
export const PREFILL_LABELS = {
  'development-on-time': '发展党员各步骤按期办理（发展党员全程纪实）',
  'election-on-time': '换届选举按期完成（换届选举记录）',
  'notice-objections-handled': '公示异议均已处理（公示记录）',
} as const;

/** Checks one indicator (A1, A4): a name, max points from 0.5 to 100, a requirement, points per count for 'count'. */
export function checkIndicator(indicator: Indicator): Indicator {
  const where = indicator.name ? `指标“${indicator.name}”` : `指标 ${indicator.key}`;
  if (!indicator.name.trim()) throw new AssessmentRuleError(`${where}须有名称。`, indicator.key);
  if (!indicator.area.trim()) throw new AssessmentRuleError(`${where}须属于一个考核项目（类别）。`, indicator.key);
  if (!Number.isFinite(indicator.maxPoints) || indicator.maxPoints < 0.5 || indicator.maxPoints > 100) {
    throw new AssessmentRuleError(`${where}的分值须在 0.5 至 100 分之间。`, indicator.key);
  }
  if (!indicator.requirement.trim()) throw new AssessmentRuleError(`${where}须写明上报要求。`, indicator.key);
  if (indicator.scoring === 'count' && !(indicator.pointsPerCount && indicator.pointsPerCount > 0)) {
    throw new AssessmentRuleError(`${where}按次数计分，须写明每次的分值。`, indicator.key);
  }
  return indicator;
}

function checkSettings(settings: SchemeSettings): void {
  if (!Number.isInteger(settings.reportDueWorkingDays) || settings.reportDueWorkingDays < 1 || settings.reportDueWorkingDays > 30) {
    throw new AssessmentRuleError('报送期限须为期末后 1 至 30 个工作日。', 'reportDueWorkingDays');
  }
  if (!Number.isInteger(settings.reviewDueWorkingDays) || settings.reviewDueWorkingDays < 1 || settings.reviewDueWorkingDays > 30) {
    throw new AssessmentRuleError('审核期限须为 1 至 30 个工作日。', 'reviewDueWorkingDays');
  }
  if (!(settings.lateDeduction >= 0)) throw new AssessmentRuleError('逾期扣分须为 0 或正数。', 'lateDeduction');
  if (settings.periodWeight < 0 || settings.reviewWeight < 0 || settings.periodWeight + settings.reviewWeight !== 100) {
    throw new AssessmentRuleError('平时考核与述职评议的权重之和须为 100%。', 'periodWeight');
  }
  const { good, fairlyGood, average } = settings.grades;
  if (!(good > fairlyGood && fairlyGood > average && average > 0)) {
    throw new AssessmentRuleError('等次分数线须为“好”高于“较好”高于“一般”，且都大于 0。', 'grades');
  }
}

/** Checks a whole scheme (A1): keys unique, every indicator and item valid, settings coherent. */
export function checkScheme(scheme: Scheme): Scheme {
  const keys = new Set<string>();
  for (const indicator of scheme.indicators) {
    if (keys.has(indicator.key)) throw new AssessmentRuleError(`指标编号 ${indicator.key} 重复。`, indicator.key);
    keys.add(indicator.key);
    checkIndicator(indicator);
  }
  if (scheme.indicators.length === 0) throw new AssessmentRuleError('考核方案至少须有一项指标。', 'indicators');
  for (const item of scheme.adjustments) {
    if (!(item.cap > 0)) throw new AssessmentRuleError(`“${item.name}”的封顶分值须大于 0。`, item.key);
  }
  checkSettings(scheme.settings);
  return scheme;
}

/** A published version is never changed (A2): every edit goes to a draft. */
export function requireDraft(scheme: Pick<Scheme, 'status' | 'version'>): void {
  if (scheme.status !== 'draft') throw new AssessmentRuleError(`第 ${scheme.version} 版已发布，不能修改；请新建一版，自下一考核期起施行。`);
}

/**
 * Where a version published at `now` applies from (A3): the first period that has not yet opened; a version published
 * before the year starts applies from its first period. None left in the year: refused.
 */
export function appliesFromAt(scheme: Pick<Scheme, 'year' | 'indicators'>, now: Date, isFirstVersion: boolean): string {
  if (isFirstVersion) return schemePeriods(scheme)[0]?.key ?? periodsOf(scheme.year, 'yearly')[0].key;
  const next = schemePeriods(scheme).find((period) => new Date(period.opensAt).getTime() > now.getTime());
  if (!next) throw new AssessmentRuleError(`${scheme.year} 年已无尚未开始的考核期，新版本无处施行；请制定下一年度的方案。`);
  return next.key;
}

/** The version in force for a period (A3): the latest published version whose first period opens no later. */
export function versionFor<T extends Pick<Scheme, 'status' | 'version' | 'appliesFrom'>>(versions: readonly T[], periodOpensAt: string, opensAtOf: (key: string) => string): T | undefined {
  return versions
    .filter((v) => v.status === 'published' && v.appliesFrom && opensAtOf(v.appliesFrom) <= periodOpensAt)
    .sort((a, b) => b.version - a.version)[0];
}
