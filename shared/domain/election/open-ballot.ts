import { candidateCount, topWithTies } from './nomination';
import { moreBallotsReturnedThanIssued, quorumNotMet } from './problems';
import { quorumMet } from './rules';
import type { ElectionRuleSet } from './rule-set';
import type { TallyProblem } from './types';

const byCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export interface OpenBallotInput {
  shouldAttend: number;
  present: number;
  ballotsReturned: number;
  /** Votes per name written on the open first ballot (海选: every eligible member may be named). */
  votes: Readonly<Record<string, number>>;
  seats: number;
  /** Not to be nominated (evaluation). */
  excluded: readonly string[];
}

export interface OpenBallotOutcome {
  /** Why the ballot does not count (quorum; more ballots than voters present): the same step again. */
  problems: TallyProblem[];
  /** Names with votes, most first (ties: code-unit order), the excluded left out. */
  ranked: { name: string; votes: number }[];
  /** The top names up to the candidate count (seats + 20%, rounded up), all tied at the cut-off included. */
  list: string[];
  needed: number;
  /** Fewer names with votes than the candidate count: another open ballot. */
  short: boolean;
}

/** 海选: the first open ballot ranks the names; the top ones form the candidate list with the 差额 margin. */
export function rankOpenBallot(input: OpenBallotInput, rules: Pick<ElectionRuleSet, 'candidateMargin' | 'quorum'>): OpenBallotOutcome {
  const problems: TallyProblem[] = [];
  if (!quorumMet(rules.quorum, input.shouldAttend, input.present)) problems.push(quorumNotMet(input.shouldAttend, input.present, rules.quorum === 'moreThanFourFifths'));
  if (input.ballotsReturned > input.present) problems.push(moreBallotsReturnedThanIssued(input.present, input.ballotsReturned));
  const excluded = new Set(input.excluded);
  const ranked = Object.entries(input.votes)
    .filter(([name, votes]) => votes > 0 && !excluded.has(name))
    .map(([name, votes]) => ({ name, votes }))
    .sort((a, b) => b.votes - a.votes || byCodeUnits(a.name, b.name));
  const needed = candidateCount(input.seats, rules);
  const list = problems.length > 0 ? [] : topWithTies(ranked, needed, (entry) => entry.votes).map((entry) => entry.name);
  return { problems, ranked, list, needed, short: problems.length === 0 && ranked.length < needed };
}
