import { TallyInputError } from './errors';
import type { MajorityBase, QuorumRule } from './types';

/**
 * The numbers of a branch election (DOMAIN §5) as configuration data. An election keeps the `rulesVersion` (and a
 * copy of the rules) it was created under, so a new rule set never changes an election already running.
 */
export interface ElectionRuleSet {
  rulesVersion: string;
  /** Term length in years by the kind of organization elected. */
  termYears: { committee: number; generalBranch: number; branch: number };
  /** Candidates exceed seats by at least this fraction of the seats, rounded up (差额). */
  candidateMargin: number;
  quorum: QuorumRule;
  majorityBase: MajorityBase;
  /** A person rated 不称职 by MORE than numerator/denominator of the raters is not nominated again. */
  unfitThreshold: { numerator: number; denominator: number };
  /** Fewest members signing a joint nomination (联名推荐). */
  jointNominationMinimum: number;
  /** Weight of each recommendation source in the ranking score (members' votes, non-member staff votes). */
  sourceWeights: { members: number; staff: number };
  /** The candidate notice (候选人预备人选公示): its length and how days are counted. */
  candidateNotice: { days: number; unit: 'calendarDays' | 'workingDays' };
  /** The election announcement to members (换届选举公告, step 1): an internal notice this long (the default of its form). */
  announcement: { days: number; unit: 'calendarDays' | 'workingDays' };
}

/** 《中国共产党基层组织选举工作条例》(2020) as DOMAIN §5 states it. */
export const DEFAULT_ELECTION_RULES: Readonly<ElectionRuleSet> = Object.freeze({
  rulesVersion: '2020',
  termYears: Object.freeze({ committee: 5, generalBranch: 3, branch: 3 }),
  candidateMargin: 0.2,
  quorum: 'atLeastFourFifths',
  majorityBase: 'shouldAttend',
  unfitThreshold: Object.freeze({ numerator: 1, denominator: 3 }),
  jointNominationMinimum: 10,
  sourceWeights: Object.freeze({ members: 1, staff: 1 }),
  candidateNotice: Object.freeze({ days: 7, unit: 'calendarDays' }),
  announcement: Object.freeze({ days: 5, unit: 'workingDays' }),
}) as ElectionRuleSet;

function check(ok: boolean, message: string): void {
  if (!ok) throw new TallyInputError([`rules: ${message}`]);
}

const isInt = (value: unknown, min: number): value is number => typeof value === 'number' && Number.isInteger(value) && value >= min;

/** A rule set from configuration: `overrides` on top of the defaults, validated (TallyInputError, Chinese). */
export function defineElectionRules(
  overrides: Partial<ElectionRuleSet> & { rulesVersion: string },
  base: ElectionRuleSet = DEFAULT_ELECTION_RULES,
): ElectionRuleSet {
  const rules: ElectionRuleSet = {
    ...base,
    ...overrides,
    termYears: { ...base.termYears, ...overrides.termYears },
    unfitThreshold: { ...base.unfitThreshold, ...overrides.unfitThreshold },
    sourceWeights: { ...base.sourceWeights, ...overrides.sourceWeights },
    candidateNotice: { ...base.candidateNotice, ...overrides.candidateNotice },
    announcement: { ...base.announcement, ...overrides.announcement },
  };
  check(typeof rules.rulesVersion === 'string' && rules.rulesVersion.trim() !== '', '规则集必须有版本号（rulesVersion）');
  for (const kind of ['committee', 'generalBranch', 'branch'] as const) check(isInt(rules.termYears[kind], 1), `任期年数 termYears.${kind} 必须是正整数`);
  check(typeof rules.candidateMargin === 'number' && rules.candidateMargin >= 0 && rules.candidateMargin <= 1, '差额比例 candidateMargin 必须在 0 与 1 之间');
  check(rules.quorum === 'atLeastFourFifths' || rules.quorum === 'moreThanFourFifths', '到会规则 quorum 不正确');
  check(rules.majorityBase === 'shouldAttend' || rules.majorityBase === 'present', '过半数基数 majorityBase 不正确');
  const { numerator, denominator } = rules.unfitThreshold;
  check(isInt(numerator, 1) && isInt(denominator, 1) && numerator < denominator, '不称职比例 unfitThreshold 必须是小于 1 的正分数');
  check(isInt(rules.jointNominationMinimum, 1), '联名推荐最少人数 jointNominationMinimum 必须是正整数');
  check(isInt(rules.sourceWeights.members, 0) && isInt(rules.sourceWeights.staff, 0) && rules.sourceWeights.members > 0, '推荐票权重 sourceWeights 必须是非负整数（党员票权重大于 0）');
  check(isInt(rules.candidateNotice.days, 1) && rules.candidateNotice.days <= 30, '候选人公示天数 candidateNotice.days 必须在 1 到 30 之间');
  check(rules.candidateNotice.unit === 'calendarDays' || rules.candidateNotice.unit === 'workingDays', '公示天数计算方式 candidateNotice.unit 不正确');
  check(isInt(rules.announcement.days, 1) && rules.announcement.days <= 30, '选举公告天数 announcement.days 必须在 1 到 30 之间');
  check(rules.announcement.unit === 'calendarDays' || rules.announcement.unit === 'workingDays', '选举公告天数计算方式 announcement.unit 不正确');
  return rules;
}

/** The stored versions an election may be created under (new versions are added here as data). */
export const ELECTION_RULE_SETS: Readonly<Record<string, ElectionRuleSet>> = Object.freeze({ '2020': DEFAULT_ELECTION_RULES });
