import { countBallots, countSummary, type BallotCount } from './count-ballots';
import { candidateMarginTooSmall, moreBallotsReturnedThanIssued, quorumNotMet } from './problems';
import { majorityThreshold, minimumCandidates, quorumMet as isQuorumMet } from './rules';
import { parseTallyInput, type CheckedTallyInput } from './tally-input';
import type { TallyInput, TallyProblem, TallyResult } from './types';

/** Code-unit order: the same everywhere, unlike localeCompare. */
const byCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Who fills the seats: the qualified by votes; a tie across the last seat elects none of the tied. */
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
  const { seats, candidates, shouldAttend, present, ballotsIssued, rules } = input;
  const count: BallotCount = input.ballots ? countBallots(input.ballots, seats) : countSummary(input.summary as NonNullable<CheckedTallyInput['summary']>);

  const problems: TallyProblem[] = [];
  const quorumMet = isQuorumMet(rules.quorum, shouldAttend, present);
  if (!quorumMet) problems.push(quorumNotMet(shouldAttend, present, rules.quorum === 'moreThanFourFifths'));
  if (count.returned > ballotsIssued) problems.push(moreBallotsReturnedThanIssued(ballotsIssued, count.returned));
  const needed = minimumCandidates(seats, rules.minCandidateMargin);
  if (candidates.length < needed) problems.push(candidateMarginTooSmall(seats, candidates.length, needed));
  const valid = problems.length === 0;

  const listed = new Set(candidates);
  const printOrder = [...candidates, ...[...count.votes.keys()].filter((name) => !listed.has(name)).sort(byCodeUnits)];
  // Object.fromEntries defines own properties, so even a name such as "__proto__" is kept.
  const votes = Object.fromEntries(printOrder.map((name) => [name, count.votes.get(name) ?? 0]));
  const threshold = majorityThreshold(rules.majorityBase, shouldAttend, present);
  // A stable sort by votes keeps the print order among equals.
  const ranked = printOrder.map((name): [string, number] => [name, count.votes.get(name) ?? 0]).sort(([, a], [, b]) => b - a);
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
    elected,
    tiedForLastSeat,
    seatsUnfilled: seats - elected.length,
  };
}

/**
 * Tallies one round of voting by the rules of DOMAIN §5 (《中国共产党基层组织选举工作条例》):
 * checks the input (throws {@link TallyInputError} when it cannot be tallied), then counts.
 */
export function tallyRound(input: TallyInput): TallyResult {
  return tallyChecked(parseTallyInput(input));
}
