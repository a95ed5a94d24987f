import type { MajorityBase, QuorumRule, TallyRules } from './types';

/**
 * The election rules of docs/domain/elections.md as numbers. The tally rules of the 2020 条例 (E12): at least 4/5
 * present (E3), more than half of those who should attend (E5), 20% more candidates than seats (E1), a tie re-vote by
 * most votes (E6).
 */
export const DEFAULT_TALLY_RULES: Readonly<TallyRules> = Object.freeze({
  quorum: 'atLeastFourFifths',
  majorityBase: 'shouldAttend',
  minCandidateMargin: 0.2,
  tieReVote: 'mostVotes',
});

/** E3, the quorum. Integer arithmetic: present / shouldAttend compared with 4/5 without fractions. */
export function quorumMet(rule: QuorumRule, shouldAttend: number, present: number): boolean {
  return rule === 'atLeastFourFifths' ? present * 5 >= shouldAttend * 4 : present * 5 > shouldAttend * 4;
}

/** E5, the majority: the fewest yes votes that are more than half of the base; exactly half is not enough. */
export function majorityThreshold(base: MajorityBase, shouldAttend: number, present: number): number {
  return Math.floor((base === 'shouldAttend' ? shouldAttend : present) / 2) + 1;
}

/**
 * E1, the candidate margin (差额): the fewest candidates for `seats` with a margin (差额) of `margin`, rounded up: seats + ⌈seats × margin⌉.
 * The product is rounded to 9 decimals first, so 35 × 0.2 (7.000000000000001 in floating point) needs 7 more, not 8.
 */
export function minimumCandidates(seats: number, margin: number): number {
  return seats + Math.ceil(Math.round(seats * margin * 1e9) / 1e9);
}
