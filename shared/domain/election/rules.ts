import type { MajorityBase, QuorumRule, TallyRules } from './types';

/** DOMAIN §5: at least 4/5 present, more than half of those who should attend, 20% more candidates than seats. */
export const DEFAULT_TALLY_RULES: Readonly<TallyRules> = Object.freeze({
  quorum: 'atLeastFourFifths',
  majorityBase: 'shouldAttend',
  minCandidateMargin: 0.2,
});

/** Integer arithmetic: present / shouldAttend compared with 4/5 without fractions. */
export function quorumMet(rule: QuorumRule, shouldAttend: number, present: number): boolean {
  return rule === 'atLeastFourFifths' ? present * 5 >= shouldAttend * 4 : present * 5 > shouldAttend * 4;
}

/** The fewest yes votes that are more than half of the base: exactly half is not enough. */
export function majorityThreshold(base: MajorityBase, shouldAttend: number, present: number): number {
  return Math.floor((base === 'shouldAttend' ? shouldAttend : present) / 2) + 1;
}

/**
 * The fewest candidates for `seats` with a margin (差额) of `margin`, rounded up: seats + ⌈seats × margin⌉.
 * The product is rounded to 9 decimals first, so 35 × 0.2 (7.000000000000001 in floating point) needs 7 more, not 8.
 */
export function minimumCandidates(seats: number, margin: number): number {
  return seats + Math.ceil(Math.round(seats * margin * 1e9) / 1e9);
}
