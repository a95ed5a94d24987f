/** How many must be present: present ≥ 4/5 of should-attend, or present > 4/5 (docs/domain/elections.md, E3). */
export type QuorumRule = 'atLeastFourFifths' | 'moreThanFourFifths';

/** What "more than half" is counted of: the voters who should attend, or those present (docs/domain/elections.md, E5). */
export type MajorityBase = 'shouldAttend' | 'present';

/**
 * How the new vote among names tied at the last seat is decided (docs/domain/elections.md, E6): by most votes among
 * the tied (得票多的当选, as both regulations word it), or by the majority test again (an older local reading).
 */
export type TieReVoteRule = 'mostVotes' | 'majority';

export interface TallyRules {
  quorum: QuorumRule;
  majorityBase: MajorityBase;
  /** Candidates must exceed seats by at least this fraction of the seats, rounded up: 0.2 → 5 seats need 6 candidates. */
  minCandidateMargin: number;
  /** How a re-vote among the tied is decided (see {@link TieReVoteRule}). */
  tieReVote: TieReVoteRule;
}

/** One returned ballot: the names marked yes (write-ins, 另选他人, included), or a spoiled ballot (废票). */
export type Ballot = readonly string[] | 'spoiled';

/** The counters' totals, instead of the ballots one by one. */
export interface BallotSummary {
  returned: number;
  /** Ballots marking more names than seats. */
  invalid: number;
  spoiled: number;
  /** Yes votes by name, over the valid ballots; a candidate left out has 0. */
  votes: Readonly<Record<string, number>>;
}

/** One round of voting, as `dangjian tally --file round.json` reads it. Exactly one of `ballots` and `summary`. */
export interface TallyInput {
  seats: number;
  /** The candidates on the ballot paper; distinct names. */
  candidates: readonly string[];
  shouldAttend: number;
  present: number;
  ballotsIssued: number;
  ballots?: readonly Ballot[];
  summary?: BallotSummary;
  /** Defaults: {@link DEFAULT_TALLY_RULES}. Parts may be left out. */
  rules?: Partial<TallyRules>;
  /**
   * A new vote among names tied at the last seat: `candidates` are the tied, `seats` the seats left. No candidate
   * margin; decided as `rules.tieReVote` says; only the tied can be elected.
   */
  reVote?: boolean;
  /**
   * Who may be elected (docs/domain/elections.md, E8): votes for any other name, a write-in of someone without the
   * right to be elected, are listed in `ineligible` and count for no one. Left out: every name may be elected.
   */
  eligible?: readonly string[];
}

export type TallyProblemCode = 'quorumNotMet' | 'moreBallotsReturnedThanIssued' | 'candidateMarginTooSmall';

/** Why a round is not valid: an English code for programs, a Chinese message for people. */
export interface TallyProblem {
  code: TallyProblemCode;
  message: string;
}

/** The result of one round. When `valid` is false nobody is elected and the round is held again. */
export interface TallyResult {
  valid: boolean;
  /** Empty when valid; otherwise in the order quorum, ballots returned, candidate margin. */
  problems: TallyProblem[];
  quorumMet: boolean;
  ballotsReturned: number;
  /** Returned ballots that count: neither invalid nor spoiled. */
  ballotsValid: number;
  /** Ballots marking more names than seats (spoiled ballots are the rest: returned − valid − invalid). */
  ballotsInvalid: number;
  /** Yes votes by name over the valid ballots: the candidates in their order (0 included), then write-ins by name. */
  votes: Record<string, number>;
  /** The fewest votes that elect: more than half of the majority base, floor(base / 2) + 1 (a re-vote by most votes: 0, no test). */
  threshold: number;
  /** Set on a re-vote decided by most votes among the tied: no majority test. */
  byMostVotes?: true;
  /** Votes for names that may not be elected (not in `eligible`), by name: listed, counted for no one. Absent when none. */
  ineligible?: Record<string, number>;
  /** By votes, most first (equal votes: candidates' order, then write-ins by name). */
  elected: string[];
  /** Names with equal votes at the last seat(s), all at or above the threshold: none of them elected; a new vote among them. */
  tiedForLastSeat: string[];
  /** seats − elected: the seats of a tie and the seats short of qualified names. */
  seatsUnfilled: number;
}
