import { DevelopmentInputError } from './check-result';

/** The notice nodes of docs/domain/notices-and-calendar.md, each on or off by rule set. */
export type NoticeNode = 'activist' | 'developmentTarget' | 'admission' | 'conversion';

export const NOTICE_NODE_LABELS: Record<NoticeNode, string> = {
  activist: '入党积极分子公示',
  developmentTarget: '发展对象公示',
  admission: '拟接收预备党员公示',
  conversion: '预备党员转正公示',
};

/**
 * The numbers of member development (docs/domain/development.md, docs/domain/notices-and-calendar.md) as configuration data. A case keeps the
 * `ruleSetVersion` it started under; a new rule set is a new value of this type, not new code.
 */
export interface DevelopmentRuleSet {
  ruleSetVersion: string;
  /** Minimum age on the application date, in completed years (the birthday counts). */
  minimumAgeYears: number;
  /** The talk is due within this many months of the application. */
  talkWithinMonths: number;
  cultivationContacts: { min: number; max: number };
  sponsorCount: number;
  evaluationIntervalMonths: number;
  /** Cultivation as an activist before becoming a development target, in months (12 = the anniversary). */
  minimumCultivationMonths: number;
  /** Concentrated training: at least `minDays` days or at least `minHours` class hours. */
  training: { minDays: number; minHours: number };
  /** A target leaving the unit within this many months is normally not processed. */
  leavingWithinMonths: number;
  /** Higher-committee approval after the general meeting: due within `dueMonths`, never after `maxMonths`. */
  admissionApproval: { dueMonths: number; maxMonths: number };
  conversionApproval: { dueMonths: number };
  /** Probation, counted from the day of the admitting general meeting. */
  probationMonths: number;
  extension: { minMonths: number; maxMonths: number; maxTimes: number };
  noticeNodes: Record<NoticeNode, boolean>;
  /** The notices of the nodes: period (5 working days by default) and audience (docs/domain/notices-and-calendar.md). */
  notice: { unit: 'workingDays' | 'calendarDays'; count: number; audience: 'public' | 'internal' };
}

/** The 2014 national rules (中国共产党发展党员工作细则) with all four notice nodes on. */
export const DEFAULT_RULE_SET: DevelopmentRuleSet = Object.freeze({
  ruleSetVersion: '2014',
  minimumAgeYears: 18,
  talkWithinMonths: 1,
  cultivationContacts: Object.freeze({ min: 1, max: 2 }),
  sponsorCount: 2,
  evaluationIntervalMonths: 6,
  minimumCultivationMonths: 12,
  training: Object.freeze({ minDays: 3, minHours: 24 }),
  leavingWithinMonths: 3,
  admissionApproval: Object.freeze({ dueMonths: 3, maxMonths: 6 }),
  conversionApproval: Object.freeze({ dueMonths: 3 }),
  probationMonths: 12,
  extension: Object.freeze({ minMonths: 6, maxMonths: 12, maxTimes: 1 }),
  noticeNodes: Object.freeze({ activist: true, developmentTarget: true, admission: true, conversion: true }),
  notice: Object.freeze({ unit: 'workingDays', count: 5, audience: 'public' }),
}) as DevelopmentRuleSet;

function positiveInt(value: unknown, path: string, min = 1): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min) {
    throw new DevelopmentInputError(`规则集的 ${path} 必须是不小于 ${min} 的整数，得到 ${JSON.stringify(value)}`);
  }
  return value;
}

/**
 * A rule set from configuration: `overrides` on top of `base` (the defaults), validated.
 * Throws DevelopmentInputError with a Chinese message on a bad value.
 */
export function defineRuleSet(overrides: Partial<DevelopmentRuleSet> & { ruleSetVersion: string }, base: DevelopmentRuleSet = DEFAULT_RULE_SET): DevelopmentRuleSet {
  const rules: DevelopmentRuleSet = {
    ...base,
    ...overrides,
    cultivationContacts: { ...base.cultivationContacts, ...overrides.cultivationContacts },
    training: { ...base.training, ...overrides.training },
    admissionApproval: { ...base.admissionApproval, ...overrides.admissionApproval },
    conversionApproval: { ...base.conversionApproval, ...overrides.conversionApproval },
    extension: { ...base.extension, ...overrides.extension },
    noticeNodes: { ...base.noticeNodes, ...overrides.noticeNodes },
    notice: { ...base.notice, ...overrides.notice },
  };
  if (typeof rules.ruleSetVersion !== 'string' || rules.ruleSetVersion.trim() === '') throw new DevelopmentInputError('规则集必须有版本号（ruleSetVersion）');
  positiveInt(rules.minimumAgeYears, 'minimumAgeYears');
  positiveInt(rules.talkWithinMonths, 'talkWithinMonths');
  positiveInt(rules.cultivationContacts.min, 'cultivationContacts.min');
  positiveInt(rules.cultivationContacts.max, 'cultivationContacts.max', rules.cultivationContacts.min);
  positiveInt(rules.sponsorCount, 'sponsorCount');
  positiveInt(rules.evaluationIntervalMonths, 'evaluationIntervalMonths');
  positiveInt(rules.minimumCultivationMonths, 'minimumCultivationMonths');
  positiveInt(rules.training.minDays, 'training.minDays');
  positiveInt(rules.training.minHours, 'training.minHours');
  positiveInt(rules.leavingWithinMonths, 'leavingWithinMonths', 0);
  positiveInt(rules.admissionApproval.dueMonths, 'admissionApproval.dueMonths');
  positiveInt(rules.admissionApproval.maxMonths, 'admissionApproval.maxMonths', rules.admissionApproval.dueMonths);
  positiveInt(rules.conversionApproval.dueMonths, 'conversionApproval.dueMonths');
  positiveInt(rules.probationMonths, 'probationMonths');
  positiveInt(rules.extension.minMonths, 'extension.minMonths');
  positiveInt(rules.extension.maxMonths, 'extension.maxMonths', rules.extension.minMonths);
  positiveInt(rules.extension.maxTimes, 'extension.maxTimes', 0);
  if (rules.notice.unit !== 'workingDays' && rules.notice.unit !== 'calendarDays') throw new DevelopmentInputError('规则集的 notice.unit 必须是 workingDays 或 calendarDays');
  positiveInt(rules.notice.count, 'notice.count');
  if (rules.notice.count > 30) throw new DevelopmentInputError('规则集的 notice.count 不能超过 30 天');
  if (rules.notice.audience !== 'public' && rules.notice.audience !== 'internal') throw new DevelopmentInputError('规则集的 notice.audience 必须是 public 或 internal');
  for (const node of Object.keys(NOTICE_NODE_LABELS) as NoticeNode[]) {
    if (typeof rules.noticeNodes[node] !== 'boolean') throw new DevelopmentInputError(`规则集的 noticeNodes.${node} 必须是 true 或 false`);
  }
  return rules;
}
