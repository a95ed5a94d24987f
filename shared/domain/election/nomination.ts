import { minimumCandidates } from './rules';
import type { ElectionRuleSet } from './rule-set';

/** Code-unit order: the same everywhere, unlike localeCompare. */
const byCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** How many candidates the list needs for `seats`: seats + ⌈seats × margin⌉ (差额, docs/domain/elections.md E1). */
export function candidateCount(seats: number, rules: Pick<ElectionRuleSet, 'candidateMargin'>): number {
  return minimumCandidates(seats, rules.candidateMargin);
}

/** One person's ratings in the evaluation (述职评议): 优秀, 称职, 基本称职, 不称职. */
export type PersonRatings = readonly [excellent: number, competent: number, basic: number, unfit: number];

/** Rated 不称职 by MORE than the threshold of the raters (exactly the threshold is not enough): not nominated again. */
export function isUnfit(unfitVotes: number, raters: number, threshold: ElectionRuleSet['unfitThreshold']): boolean {
  return unfitVotes * threshold.denominator > raters * threshold.numerator;
}

export interface EvaluationOutcome {
  /** Not to be nominated again, in the order entered. */
  excluded: string[];
  /** Chinese problems (a person with more ratings than raters); when any, nothing is recorded. */
  problems: string[];
}

/** The 1/3 不称职 rule over every rated person. */
export function applyUnfitRule(ratings: Readonly<Record<string, PersonRatings>>, raters: number, rules: Pick<ElectionRuleSet, 'unfitThreshold'>): EvaluationOutcome {
  const problems: string[] = [];
  const excluded: string[] = [];
  for (const [name, counts] of Object.entries(ratings)) {
    const total = counts.reduce((sum, n) => sum + n, 0);
    if (total > raters) problems.push(`“${name}”的评议票合计 ${total} 张，多于参加评议的 ${raters} 人`);
    else if (isUnfit(counts[3], raters, rules.unfitThreshold)) excluded.push(name);
  }
  return { excluded, problems };
}

export interface RecommendationInput {
  /** Names nominated by the organization, jointly (with the number of signers) and by themselves. */
  organization: readonly string[];
  joint: Readonly<Record<string, number>>;
  self: readonly string[];
  memberVoters: number;
  staffVoters: number;
  /** Recommendation votes per name: [members' votes, non-member staff votes]. */
  votes: Readonly<Record<string, readonly [number, number]>>;
  /** Committee seats. */
  seats: number;
  /** Not to be nominated (evaluation). */
  excluded: readonly string[];
}

export interface RankedNominee {
  name: string;
  members: number;
  staff: number;
  /** members × weight + staff × weight. */
  score: number;
  /** More than half of the weighted recommendation voters. */
  qualified: boolean;
}

export interface RecommendationOutcome {
  /** Every valid nominee, qualified first, by score (ties: code-unit order of names). */
  ranked: RankedNominee[];
  /** The candidate list: the qualified, top names up to the candidate count (all tied at the cut-off included). */
  list: string[];
  needed: number;
  /** Fewer qualified names than the candidate count: another round of recommendation. */
  short: boolean;
  /** Joint nominations with fewer signers than the minimum, not counted as nominations. */
  invalidJoint: string[];
  /** Chinese problems with the numbers (more votes than voters); when any, nothing is recorded. */
  problems: string[];
}

/** Takes the top `needed` of ranked entries, with every entry tied with the last one taken. */
export function topWithTies<T>(ranked: readonly T[], needed: number, score: (entry: T) => number): T[] {
  if (ranked.length <= needed) return [...ranked];
  const cut = score(ranked[needed - 1]);
  return ranked.filter((entry, index) => index < needed || score(entry) === cut);
}

/**
 * Democratic recommendation (docs/domain/elections.md): nominations from the three sources (joint ones need the minimum
 * of signers), weighted recommendation votes, "more than half" of the weighted voters, ranking, shortness.
 */
export function rankRecommendation(input: RecommendationInput, rules: Pick<ElectionRuleSet, 'candidateMargin' | 'jointNominationMinimum' | 'sourceWeights'>): RecommendationOutcome {
  const { members: wm, staff: ws } = rules.sourceWeights;
  const problems: string[] = [];
  const invalidJoint = Object.entries(input.joint).filter(([, signers]) => signers < rules.jointNominationMinimum).map(([name]) => name);
  const nominated = new Set([...input.organization, ...Object.keys(input.joint).filter((name) => !invalidJoint.includes(name)), ...input.self]);
  const excluded = new Set(input.excluded);
  // Without nominations listed, the recommendation ballot itself names the nominees.
  const names = [...(nominated.size > 0 ? nominated : new Set(Object.keys(input.votes)))].filter((name) => !excluded.has(name));
  for (const [name, [members, staff]] of Object.entries(input.votes)) {
    if (members > input.memberVoters) problems.push(`“${name}”的党员推荐票 ${members} 张，多于参加推荐的党员 ${input.memberVoters} 人`);
    if (staff > input.staffVoters) problems.push(`“${name}”的群众推荐票 ${staff} 张，多于参加推荐的群众 ${input.staffVoters} 人`);
  }
  const base = input.memberVoters * wm + input.staffVoters * ws;
  const ranked = names
    .map((name): RankedNominee => {
      const [members, staff] = input.votes[name] ?? [0, 0];
      const score = members * wm + staff * ws;
      return { name, members, staff, score, qualified: score * 2 > base };
    })
    .sort((a, b) => Number(b.qualified) - Number(a.qualified) || b.score - a.score || byCodeUnits(a.name, b.name));
  const needed = candidateCount(input.seats, rules);
  const qualified = ranked.filter((nominee) => nominee.qualified);
  const list = topWithTies(qualified, needed, (nominee) => nominee.score).map((nominee) => nominee.name);
  return { ranked, list, needed, short: qualified.length < needed, invalidJoint, problems };
}
