import type { NextRound, RoundContest } from './election';
import { minimumCandidates } from './rules';
import { tieReVoteOf, type ElectionRuleSet } from './rule-set';
import type { TallyResult, TallyRules } from './types';

/** The ballot paper of one round. */
export interface RoundBallot {
  contest: RoundContest;
  seats: number;
  candidates: string[];
  /** A new vote among the tied: no margin required. */
  reVote?: boolean;
}

/**
 * What follows a tally (docs/domain/elections.md, E6 and E7): an invalid round is held again; a tie at the last seat
 * → a new vote among the tied for the seats left (again after a re-vote tied again); seats short of qualified names →
 * a further election among the others (or fewer seats if the meeting agrees); otherwise the contest is complete.
 */
export function decideNextRound(result: TallyResult, ballot: RoundBallot): NextRound {
  if (!result.valid) return { kind: 'invalid' };
  if (result.seatsUnfilled === 0) return { kind: 'complete' };
  if (result.tiedForLastSeat.length > 0) return { kind: 're-vote', among: [...result.tiedForLastSeat], seats: result.seatsUnfilled };
  const elected = new Set(result.elected);
  return { kind: 'unfilled', seats: result.seatsUnfilled, others: ballot.candidates.filter((name) => !elected.has(name)) };
}

/**
 * The tally rules of a round: the election's, with no margin for officers (等额 allowed, E1) and re-votes among the
 * tied (E6, decided as the election's rule set says).
 */
export function roundTallyRules(rules: Pick<ElectionRuleSet, 'quorum' | 'majorityBase' | 'candidateMargin'> & Partial<Pick<ElectionRuleSet, 'tieReVote'>>, ballot: RoundBallot): TallyRules {
  const equalAllowed = ballot.contest !== 'committee' || ballot.reVote === true;
  return { quorum: rules.quorum, majorityBase: rules.majorityBase, minCandidateMargin: equalAllowed ? 0 : rules.candidateMargin, tieReVote: tieReVoteOf(rules) };
}

/** The tally rules of a named rule set for a first round of the committee (what `dangjian tally --rules` starts from). */
export function tallyRulesOf(rules: ElectionRuleSet): TallyRules {
  return roundTallyRules(rules, { contest: 'committee', seats: 1, candidates: [] });
}

export type SeatsDecisionCheck = { ok: true } | { ok: false; field: 'decision' | 'votesFor'; message: string };

/**
 * The meeting's choice when seats stay unfilled: a further election needs enough others for the margin; fewer seats
 * need the meeting's agreement by more than half of those present.
 */
export function checkSeatsDecision(
  decision: 'further' | 'fewer',
  unfilled: { seats: number; others: readonly string[] },
  vote: { votesFor: number; present: number },
  rules: Pick<ElectionRuleSet, 'candidateMargin'>,
): SeatsDecisionCheck {
  if (decision === 'further') {
    const needed = minimumCandidates(unfilled.seats, rules.candidateMargin);
    if (unfilled.others.length < needed) {
      return { ok: false, field: 'decision', message: `另行选举 ${unfilled.seats} 名须有至少 ${needed} 名候选人，未当选的只有 ${unfilled.others.length} 人：请选择减少名额。` };
    }
    return { ok: true };
  }
  if (vote.votesFor > vote.present) return { ok: false, field: 'votesFor', message: '同意票数不能多于实到人数。' };
  if (vote.votesFor * 2 <= vote.present) return { ok: false, field: 'votesFor', message: `减少名额须经实到的 ${vote.present} 人过半数同意，同意票 ${vote.votesFor} 张不足。` };
  return { ok: true };
}
