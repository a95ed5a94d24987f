import type { Election, ElectionRound, NextRound } from '../../domain/election/election';
import { decideNextRound, type RoundBallot } from '../../domain/election/next-round';
import { tallyChecked } from '../../domain/election/tally-round';
import { putRound } from '../../store/elections-repo';
import { rosterOf } from '../registry/questions';
import type { Actor } from '../actor';
import type { ServiceDeps } from '../deps';
import { nextVersion } from './commit';
import { checkRoundEntry, readRoundMeeting } from './round-entry';
import { eligibleForRound, previousRound, requireRoundMeeting, roundNotBefore } from './round-meeting';
import { commitStep, openStepFor } from './submit-step';

/** How the election changes after a round of its contest, and whether the officers are all elected. */
function afterRound(election: Election, ballot: RoundBallot, elected: string[], next: NextRound): { changes: Partial<Election>; officersDone: boolean } {
  const keep = { contest: ballot.contest, seats: ballot.seats, candidates: ballot.candidates };
  const carry = next.kind === 're-vote'
    ? { ballot: { contest: ballot.contest, seats: next.seats, candidates: next.among, reVote: true } }
    : next.kind === 'invalid' || next.kind === 'unfilled' ? { ballot: { ...keep, reVote: ballot.reVote } } : {};
  if (ballot.contest === 'committee') {
    const done = next.kind === 'complete' ? { ballot: keep } : carry;
    return { changes: { elected: [...election.elected, ...elected], ...done }, officersDone: false };
  }
  if (elected.length === 0) {
    // An officer not elected: the meeting puts up a candidate again (the ballot paper comes with the entry).
    return { changes: { ballot: next.kind === 're-vote' ? carry.ballot : { ...keep, candidates: [] } }, officersDone: false };
  }
  if (ballot.contest === 'secretary') {
    const deputyNext = election.deputies > 0;
    return { changes: { secretary: elected[0], ballot: { contest: 'deputy', seats: 1, candidates: [] } }, officersDone: !deputyNext };
  }
  return { changes: { deputy: elected[0] }, officersDone: true };
}

/**
 * Staff enter one voting round (ballots one by one or the counters' summary): the meeting checked first (date, roster,
 * quorum: a meeting without a quorum is refused, not recorded), the entry checked, tallied with the election's
 * rules (tallyRound), the next step decided (held again / re-vote among the tied / seats unfilled / complete), and
 * recorded under its round number with the claimed task and the audit event in one transaction: a retried entry
 * never adds a second round. Output to the workflow: { decision, contest, officersDone }.
 */
export async function recordRound(deps: ServiceDeps, actor: Actor, electionId: string, entry: unknown): Promise<ElectionRound> {
  const { election, task, tree } = await openStepFor(deps, actor, electionId, ['election-round', 'officers-round']);
  const meeting = readRoundMeeting(election, entry);
  const previous = await previousRound(deps, election);
  const roster = await rosterOf(deps, election.orgId, tree); // 应到 and who may be elected, from one read
  await requireRoundMeeting(deps, election, meeting, roundNotBefore(election, previous), roster);
  const eligible = await eligibleForRound(deps, election, election.ballot?.contest ?? 'committee', meeting.meetingDate, roster);
  const { ballot, input } = checkRoundEntry(election, entry, eligible);
  const result = tallyChecked(input);
  const next = decideNextRound(result, ballot);
  const { changes, officersDone } = afterRound(election, ballot, result.elected, next);
  const at = deps.clock.now().toISOString();
  const round: ElectionRound = {
    electionId, no: election.roundCount + 1, contest: ballot.contest, seats: ballot.seats, candidates: ballot.candidates, meetingDate: meeting.meetingDate,
    shouldAttend: input.shouldAttend, present: input.present, ballotsIssued: input.ballotsIssued, result, next, at, actorId: actor.id, actorName: actor.displayName,
  };
  const output = { decision: next.kind, contest: ballot.contest, officersDone, elected: result.elected };
  await commitStep(deps, actor, task, nextVersion(election, { ...changes, roundCount: round.no, lastRound: { no: round.no, meetingDate: round.meetingDate, next: round.next } }), undefined, [putRound(deps.store, round)], output, 'election.round-recorded');
  return round;
}

