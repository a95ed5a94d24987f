export type {
  Ballot,
  BallotSummary,
  MajorityBase,
  QuorumRule,
  TallyInput,
  TallyProblem,
  TallyProblemCode,
  TallyResult,
  TallyRules,
  TieReVoteRule,
} from './types';
export { TallyInputError } from './errors';
export { DEFAULT_TALLY_RULES, majorityThreshold, minimumCandidates, quorumMet } from './rules';
export { countBallots, countSummary, type BallotCount } from './count-ballots';
export { parseTallyInput, type CheckedTallyInput } from './tally-input';
export { tallyChecked, tallyRound } from './tally-round';
export { COMPOUND_SURNAMES, compareBySurnameStrokes, sortBySurnameStrokes, surnameStrokeKey, unrankedCharacters } from './stroke-order';
export * from './election';
export { DEFAULT_ELECTION_RULES, ELECTION_RULES_1990, ELECTION_RULE_SETS, defineElectionRules, ruleSetLabel, tieReVoteOf, type ElectionRuleSet } from './rule-set';
export {
  applyUnfitRule, candidateCount, isUnfit, rankRecommendation, topWithTies,
  type EvaluationOutcome, type PersonRatings, type RankedNominee, type RecommendationInput, type RecommendationOutcome,
} from './nomination';
export { rankOpenBallot, type OpenBallotInput, type OpenBallotOutcome } from './open-ballot';
export { checkSeatsDecision, decideNextRound, roundTallyRules, tallyRulesOf, type RoundBallot, type SeatsDecisionCheck } from './next-round';
export {
  reconcileRound,
  type BallotEntry,
  type BallotsEntry,
  type EntryProblem,
  type EntryTotals,
  type ReconcileResult,
  type RoundContext,
  type SummaryEntry,
  type SummarySheet,
} from './ballot-entry';
