import { z } from 'zod';
import type { Election } from '../../domain/election/election';
import { roundTallyRules, type RoundBallot } from '../../domain/election/next-round';
import { reconcileRound } from '../../domain/election/ballot-entry';
import type { CheckedTallyInput } from '../../domain/election/tally-input';
import type { RoundMeeting } from '../../domain/election/round-meeting';
import { roundMeetingSchema } from '../../schemas/election-steps';
import { parseForm } from '../../schemas/parse-form';
import { InputInvalidError } from '../../errors';
import { ElectionRoundAlreadyRecordedError } from './errors';

/** A round as entered: the meeting's numbers, the candidates (officers' rounds only) and the ballots. */
const roundEntrySchema = roundMeetingSchema.extend({
  candidates: z.array(z.string().trim().min(1)).optional(),
  /** The round the page was showing (第 N 轮): an entry for a round already recorded is refused. */
  roundNo: z.coerce.number().int().positive().optional(),
  entry: z.unknown(),
});

/** The meeting of a round as entered (read before anything else is checked). */
export function readRoundMeeting(election: Election, raw: unknown): RoundMeeting & { ballotsIssued: number } {
  const values = parseForm(roundMeetingSchema, raw);
  return { meetingDate: values.meetingDate, shouldAttend: values.shouldAttend, present: values.present, ballotsIssued: values.ballotsIssued };
}

export interface CheckedRound {
  ballot: RoundBallot;
  input: CheckedTallyInput;
}

/** The ballot paper of this round: the election's, or for an officers' round the candidates the meeting put up. */
function ballotOf(election: Election, candidates: string[] | undefined): RoundBallot {
  const ballot = election.ballot;
  if (!ballot) throw new InputInvalidError({ _form: '此选举尚无候选人名单。' });
  if (ballot.contest === 'committee') return ballot;
  const elected = new Set(election.elected);
  const names = candidates && candidates.length > 0 ? candidates : ballot.candidates; // entered before the ballot was printed
  if (names.length === 0) throw new InputInvalidError({ candidates: `请填写${ballot.contest === 'secretary' ? '书记' : '副书记'}候选人。` });
  const outside = names.filter((name) => !elected.has(name) || name === election.secretary);
  if (outside.length > 0) throw new InputInvalidError({ candidates: `候选人须是当选委员（且不是已当选的书记）：“${outside.join('、')}”。` });
  return { ...ballot, candidates: names };
}

/**
 * Checks a round's entry against its ballot paper with reconcileRound (the totals agree; ballot by ballot against the
 * counters' sheet); InputInvalidError with its Chinese problems per field (`returned`, `votes.<name>`, `sheet.…`).
 * `eligible`: who may be elected in this round (docs/domain/elections.md, E8); votes for anyone else count for no one.
 */
export function checkRoundEntry(election: Election, raw: unknown, eligible?: readonly string[]): CheckedRound {
  const values = parseForm(roundEntrySchema, raw);
  if (values.roundNo !== undefined && values.roundNo !== election.roundCount + 1) throw new ElectionRoundAlreadyRecordedError(values.roundNo);
  const ballot = ballotOf(election, values.candidates);
  const result = reconcileRound(values.entry, {
    seats: ballot.seats,
    candidates: ballot.candidates,
    shouldAttend: values.shouldAttend,
    present: values.present,
    ballotsIssued: values.ballotsIssued,
    rules: roundTallyRules(election.rules, ballot),
    reVote: ballot.reVote === true,
    ...(eligible && { eligible }),
  });
  if (!result.ok) {
    const fieldErrors: Record<string, string> = {};
    for (const problem of result.problems) fieldErrors[problem.field] ??= problem.message;
    throw new InputInvalidError(fieldErrors);
  }
  return { ballot, input: result.input };
}
