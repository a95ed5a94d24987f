import { chinaDate } from '../../domain/calendar';
import type { Election, ElectionRound, RoundContest } from '../../domain/election/election';
import { checkMeetingDate, checkRoundMeeting, type RoundMeeting } from '../../domain/election/round-meeting';
import { lastRound } from '../../store/elections-repo';
import type { ServiceDeps } from '../deps';
import { InputInvalidError } from '../../errors';
import type { Person } from '../../domain/registry/person';
import { meetingAttendanceIn, meetingAttendanceOf, votingMembersIn, votingMembersOf } from '../registry/questions';

/**
 * The meeting of a voting round checked against the election and the roster before anything is counted
 * (docs/domain/elections.md, E10 and E11): dated neither in the future nor before `notBefore`, 应到 as the roster has
 * it, 实到 not above it, the quorum met. InputInvalidError by field; nothing is written.
 */
export async function requireRoundMeeting(deps: ServiceDeps, election: Election, meeting: RoundMeeting, notBefore: { date: string; what: string }, roster?: readonly Person[]): Promise<void> {
  const attendance = roster ? meetingAttendanceIn(roster, meeting.meetingDate) : await meetingAttendanceOf(deps, election.orgId, meeting.meetingDate);
  const problems = checkRoundMeeting(meeting, {
    today: chinaDate(deps.clock.now()),
    notBefore,
    ...(attendance.shouldAttendCount > 0 && { roster: { shouldAttend: attendance.shouldAttendCount, excluded: attendance.excluded.length } }),
    quorum: election.rules.quorum,
  });
  if (Object.keys(problems).length > 0) throw new InputInvalidError(problems);
}

/** A meeting's date only (the new committee's first meeting): neither in the future nor before `notBefore` (E11). */
export function requireMeetingDate(deps: Pick<ServiceDeps, 'clock'>, meetingDate: string, notBefore: { date: string; what: string }): void {
  const problem = checkMeetingDate(meetingDate, chinaDate(deps.clock.now()), notBefore);
  if (problem) throw new InputInvalidError({ meetingDate: problem });
}

/** The election's last round as the next steps need it: kept on the election, read from the store for older elections. */
export async function previousRound(deps: Pick<ServiceDeps, 'store'>, election: Election): Promise<Pick<ElectionRound, 'no' | 'meetingDate' | 'next'> | undefined> {
  if (election.lastRound || election.roundCount === 0) return election.lastRound;
  return lastRound(deps.store, election.id);
}

/** The earliest date of a round's meeting: the planned general meeting, or the previous round's meeting if later. */
export function roundNotBefore(election: Election, previous: Pick<ElectionRound, 'no' | 'meetingDate'> | undefined): { date: string; what: string } {
  const planned = { date: election.plan.meetingDate, what: '选举请示中计划召开党员大会的日期' };
  return previous?.meetingDate && previous.meetingDate > planned.date ? { date: previous.meetingDate, what: `第 ${previous.no} 轮投票的日期` } : planned;
}

/**
 * Who may be elected in a round (E8): in the committee's round the organization's full members with voting rights on
 * the meeting date (undefined, everyone, when the roster has none recorded: as for 应到, nothing to check against);
 * the secretary and the deputy from the elected committee members, the deputy not the secretary.
 */
export async function eligibleForRound(deps: ServiceDeps, election: Election, contest: RoundContest, meetingDate: string, roster?: readonly Person[]): Promise<string[] | undefined> {
  if (contest !== 'committee') return election.elected.filter((name) => name !== election.secretary);
  const members = roster ? votingMembersIn(roster, meetingDate) : await votingMembersOf(deps, election.orgId, meetingDate);
  return members.length > 0 ? members.map((person) => person.name) : undefined;
}
