import { countBallots, countSummary, type BallotCount } from './count-ballots';
import { candidateMarginTooSmall, moreBallotsReturnedThanIssued, quorumNotMet } from './problems';
import { majorityThreshold, minimumCandidates, quorumMet as isQuorumMet } from './rules';
import { parseTallyInput, type CheckedTallyInput } from './tally-input';
import type { TallyInput, TallyProblem, TallyResult } from './types';

/** Code-unit order: the same everywhere, unlike localeCompare. */
const byCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * E6: who fills the seats: the qualified by votes; a tie across the last seat elects none of the tied. With a
 * threshold of 0 (a re-vote by most votes) every name ranks, 0 votes included, so that a tie at 0 is a tie again.
 */
function fillSeats(seats: number, ranked: readonly [string, number][], threshold: number): Pick<TallyResult, 'elected' | 'tiedForLastSeat'> {
  const qualified = ranked.filter(([, n]) => n >= threshold);
  if (qualified.length <= seats) return { elected: qualified.map(([name]) => name), tiedForLastSeat: [] };
  const lastSeatVotes = qualified[seats - 1][1];
  if (qualified[seats][1] !== lastSeatVotes) return { elected: qualified.slice(0, seats).map(([name]) => name), tiedForLastSeat: [] };
  return {
    elected: qualified.filter(([, n]) => n > lastSeatVotes).map(([name]) => name),
    tiedForLastSeat: qualified.filter(([, n]) => n === lastSeatVotes).map(([name]) => name),
  };
}

/** One round on input already checked by {@link parseTallyInput}. */
export function tallyChecked(input: CheckedTallyInput): TallyResult {
  const { seats, candidates, shouldAttend, present, ballotsIssued, rules, reVote } = input;
  const count: BallotCount = input.ballots ? countBallots(input.ballots, seats) : countSummary(input.summary as NonNullable<CheckedTallyInput['summary']>);

  const problems: TallyProblem[] = [];
  const quorumMet = isQuorumMet(rules.quorum, shouldAttend, present);
  if (!quorumMet) problems.push(quorumNotMet(shouldAttend, present, rules.quorum === 'moreThanFourFifths'));
  if (count.returned > ballotsIssued) problems.push(moreBallotsReturnedThanIssued(ballotsIssued, count.returned));
  // E1: a re-vote among the tied needs no margin.
  const needed = reVote ? 0 : minimumCandidates(seats, rules.minCandidateMargin);
  if (candidates.length < needed) problems.push(candidateMarginTooSmall(seats, candidates.length, needed));
  const valid = problems.length === 0;

  // E8: votes for a name that may not be elected count for no one (a re-vote elects only among the tied).
  const listed = new Set(candidates);
  const allowed = reVote ? (name: string) => listed.has(name) && (input.eligible?.includes(name) ?? true) : (name: string) => input.eligible?.includes(name) ?? true;
  const ineligible = [...count.votes].filter(([name]) => !allowed(name)).sort(([a], [b]) => byCodeUnits(a, b));
  const counted = new Map([...count.votes].filter(([name]) => allowed(name)));
  const printOrder = [...candidates.filter(allowed), ...[...counted.keys()].filter((name) => !listed.has(name)).sort(byCodeUnits)];
  // Object.fromEntries defines own properties, so even a name such as "__proto__" is kept.
  const votes = Object.fromEntries(printOrder.map((name) => [name, counted.get(name) ?? 0]));
  // E6: a re-vote among the tied by most votes has no majority test.
  const byMostVotes = reVote && rules.tieReVote === 'mostVotes';
  const threshold = byMostVotes ? 0 : majorityThreshold(rules.majorityBase, shouldAttend, present);
  // A stable sort by votes keeps the print order among equals.
  const ranked = printOrder.map((name): [string, number] => [name, counted.get(name) ?? 0]).sort(([, a], [, b]) => b - a);
  const { elected, tiedForLastSeat } = valid ? fillSeats(seats, ranked, threshold) : { elected: [], tiedForLastSeat: [] };

  return {
    valid,
    problems,
    quorumMet,
    ballotsReturned: count.returned,
    ballotsValid: count.valid,
    ballotsInvalid: count.invalid,
    votes,
    threshold,
    ...(byMostVotes && { byMostVotes: true as const }),
    ...(ineligible.length > 0 && { ineligible: Object.fromEntries(ineligible) }),
    elected,
    tiedForLastSeat,
    seatsUnfilled: seats - elected.length,
  };
}

/**
 * Tallies one round of voting by the election rules of docs/domain/elections.md (E1 margin, E3 quorum, E4 ballots,
 * E5 majority, E6 ties and re-votes, E8 who may be elected):
 * checks the input (throws {@link TallyInputError} when it cannot be tallied), then counts.
 */
export function tallyRound(input: TallyInput): TallyResult {
  return tallyChecked(parseTallyInput(input));
}
