import { EXCLUSION_REASON_LABELS, exclusionOn, noVoteReason, votesOn, type AttendanceExclusionReason, type Person } from './person';

export interface ExcludedMember {
  personId: string;
  name: string;
  reason: AttendanceExclusionReason;
  reasonLabel: string;
  note?: string;
}

export interface MeetingAttendance {
  /** Full members with voting rights who should attend (应到会有表决权的正式党员). */
  shouldAttend: Pick<Person, 'id' | 'name'>[];
  /** Voting members left out of "should attend", each with the recorded reason. */
  excluded: ExcludedMember[];
}

/** Voting full members among `people` on `date` (YYYY-MM-DD). */
export function votingMembers<P extends Pick<Person, 'statusHistory' | 'rightsHistory'>>(people: readonly P[], date: string): P[] {
  return people.filter((person) => votesOn(person, date));
}

/**
 * The names on a roster on `date`: who votes, and for each name no one of which votes, why (是预备党员…), so a
 * refused candidate is told the reason, not only that the name is missing.
 */
export function votingStanding(people: readonly Pick<Person, 'name' | 'statusHistory' | 'rightsHistory'>[], date: string): { votingNames: Set<string>; noVote: Map<string, string> } {
  const votingNames = new Set(votingMembers(people, date).map((person) => person.name));
  const noVote = new Map<string, string>();
  for (const person of people) {
    const reason = noVoteReason(person, date);
    if (reason && !votingNames.has(person.name) && !noVote.has(person.name)) noVote.set(person.name, reason);
  }
  return { votingNames, noVote };
}

/** Who should attend a general meeting on `date`: the voting members less those excluded with a reason. */
export function meetingAttendance(people: readonly Person[], date: string): MeetingAttendance {
  const shouldAttend: MeetingAttendance['shouldAttend'] = [];
  const excluded: ExcludedMember[] = [];
  for (const person of votingMembers(people, date)) {
    const exclusion = exclusionOn(person, date);
    if (!exclusion) shouldAttend.push({ id: person.id, name: person.name });
    else excluded.push({ personId: person.id, name: person.name, reason: exclusion.reason, reasonLabel: EXCLUSION_REASON_LABELS[exclusion.reason], note: exclusion.note });
  }
  return { shouldAttend, excluded };
}
