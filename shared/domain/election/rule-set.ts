import { TallyInputError } from './errors';
import type { MajorityBase, QuorumRule, TieReVoteRule } from './types';

/**
 * The numbers of a branch election (docs/domain/elections.md) as configuration data. An election keeps the
 * `rulesVersion` (and a copy of the rules) it was created under, so a new rule set never changes an election already
 * running (E12).
 */
export interface ElectionRuleSet {
  rulesVersion: string;
  /** The name staff see: the regulation the set follows (2020 条例, 1990 暂行条例) or a local version's name. */
  label?: string;
  /** Term length in years by the kind of organization elected. */
  termYears: { committee: number; generalBranch: number; branch: number };
  /** Candidates exceed seats by at least this fraction of the seats, rounded up (差额). */
  candidateMargin: number;
  /** E3. */
  quorum: QuorumRule;
  /** E5. */
  majorityBase: MajorityBase;
  /** E6: a re-vote among the tied. Rules stored before this setting have none: read them as 'mostVotes' ({@link tieReVoteOf}). */
  tieReVote: TieReVoteRule;
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

/**
 * 《中国共产党基层组织选举工作条例》(2020), the default for new elections (docs/domain/elections.md, E12): quorum at
 * least 4/5 of should-attend (E3), elected with more than half of should-attend (E5), the tie re-vote by most votes (E6).
 */
export const DEFAULT_ELECTION_RULES: Readonly<ElectionRuleSet> = Object.freeze({
  rulesVersion: '2020',
  label: '2020 条例',
  termYears: Object.freeze({ committee: 5, generalBranch: 3, branch: 3 }),
  candidateMargin: 0.2,
  quorum: 'atLeastFourFifths',
  majorityBase: 'shouldAttend',
  tieReVote: 'mostVotes',
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
  check(rules.tieReVote === 'mostVotes' || rules.tieReVote === 'majority', '票数相等再次投票的规则 tieReVote 不正确');
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

/**
 * 《中国共产党基层组织选举工作暂行条例》(1990), for elections held under it and for comparison (E12): quorum MORE
 * than 4/5 of should-attend (E3), elected with more than half of the voters PRESENT (E5); the rest as 2020.
 */
export const ELECTION_RULES_1990: Readonly<ElectionRuleSet> = Object.freeze(defineElectionRules({
  rulesVersion: '1990',
  label: '1990 暂行条例',
  quorum: 'moreThanFourFifths',
  majorityBase: 'present',
}));

/** The stored versions an election may be created under, by version (new versions are added here as data). */
export const ELECTION_RULE_SETS: Readonly<Record<string, ElectionRuleSet>> = Object.freeze({ '2020': DEFAULT_ELECTION_RULES, '1990': ELECTION_RULES_1990 });

/** The name staff see for a rule set: its label, or the version number of a set stored without one. */
export const ruleSetLabel = (rules: Pick<ElectionRuleSet, 'rulesVersion' | 'label'>): string => rules.label ?? ELECTION_RULE_SETS[rules.rulesVersion]?.label ?? `第 ${rules.rulesVersion} 版`;

/** E6 of a stored rule set: elections created before the setting existed follow the regulation (most votes). */
export const tieReVoteOf = (rules: Partial<Pick<ElectionRuleSet, 'tieReVote'>>): TieReVoteRule => rules.tieReVote ?? 'mostVotes';
