import type { Ballot, BallotSummary } from './types';

/** What the ballots add up to, whichever way they were entered. */
export interface BallotCount {
  returned: number;
  valid: number;
  /** Marking more names than seats. */
  invalid: number;
  spoiled: number;
  /** Yes votes by name over the valid ballots (names with votes only). */
  votes: Map<string, number>;
}

/**
 * Counts ballots one by one: "spoiled" is returned but not valid; more distinct names than seats is invalid;
 * a name marked twice on one ballot counts once; every name counts, write-ins (另选他人) included.
 */
export function countBallots(ballots: readonly Ballot[], seats: number): BallotCount {
  const votes = new Map<string, number>();
  let invalid = 0;
  let spoiled = 0;
  for (const ballot of ballots) {
    if (ballot === 'spoiled') {
      spoiled++;
      continue;
    }
    const names = ballot.length > 1 ? new Set(ballot) : ballot;
    const marks = names instanceof Set ? names.size : names.length;
    if (marks > seats) {
      invalid++;
      continue;
    }
    for (const name of names) votes.set(name, (votes.get(name) ?? 0) + 1);
  }
  return { returned: ballots.length, valid: ballots.length - invalid - spoiled, invalid, spoiled, votes };
}

/** The counters' totals, taken as they are (already checked against each other). */
export function countSummary(summary: BallotSummary): BallotCount {
  const votes = new Map<string, number>();
  for (const [name, n] of Object.entries(summary.votes)) if (n > 0) votes.set(name, n);
  const { returned, invalid, spoiled } = summary;
  return { returned, valid: returned - invalid - spoiled, invalid, spoiled, votes };
}
