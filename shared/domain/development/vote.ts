import { DevelopmentInputError } from './check-result';

/** A general meeting's count (steps 15 and 23), as staff would write it down. */
export interface GeneralMeetingVoteInput {
  /** Full members with voting rights who should attend, after recorded exclusions (应到会有表决权的正式党员). */
  shouldAttend: number;
  /** Voting members present (实到会有表决权的正式党员). */
  present: number;
  /** Yes votes cast at the meeting. */
  yes: number;
  /** Written opinions in favour submitted before the meeting by absent voting members. */
  writtenYes?: number;
  /** Written opinions against (or abstaining) from absent voting members. */
  writtenNo?: number;
}

export interface GeneralMeetingVoteResult {
  quorumMet: boolean;
  passed: boolean;
  /** The least present and the least yes votes (meeting plus written) that would be enough. */
  required: { present: number; yes: number };
}

function count(value: unknown, label: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) throw new DevelopmentInputError(`${label}必须是非负整数，得到 ${JSON.stringify(value)}`);
  return value;
}

/** More than half of `n`: the least integer strictly greater than n / 2. */
export function moreThanHalf(n: number): number {
  return Math.floor(n / 2) + 1;
}

/**
 * The general-meeting rule of docs/domain/development.md: quorum when present voting members are more than half of
 * should-attend; passed when quorum is met and yes votes — at the meeting plus written opinions of
 * absent members — are more than half of should-attend (16 → 9 present and 9 yes; 8 is not enough).
 * Written opinions count as votes, not as presence. Inconsistent counts throw DevelopmentInputError.
 */
export function checkGeneralMeetingVote(input: GeneralMeetingVoteInput): GeneralMeetingVoteResult {
  const shouldAttend = count(input.shouldAttend, '应到会人数');
  const present = count(input.present, '实到会人数');
  const yes = count(input.yes, '赞成票数');
  const writtenYes = count(input.writtenYes ?? 0, '书面赞成意见数');
  const writtenNo = count(input.writtenNo ?? 0, '书面反对意见数');
  if (shouldAttend < 1) throw new DevelopmentInputError('应到会人数至少为 1');
  if (present > shouldAttend) throw new DevelopmentInputError(`实到会人数（${present}）不能多于应到会人数（${shouldAttend}）`);
  if (yes > present) throw new DevelopmentInputError(`会上赞成票数（${yes}）不能多于实到会人数（${present}）`);
  if (writtenYes + writtenNo > shouldAttend - present) {
    throw new DevelopmentInputError(`书面意见（${writtenYes + writtenNo} 份）只能来自未到会的有表决权党员（${shouldAttend - present} 名）`);
  }
  const required = { present: moreThanHalf(shouldAttend), yes: moreThanHalf(shouldAttend) };
  const quorumMet = present >= required.present;
  const passed = quorumMet && yes + writtenYes >= required.yes;
  return { quorumMet, passed, required };
}

/** What staff are told when too few voting members came: the meeting was no vote, it is held again (the step stays open). */
export const NO_QUORUM_MESSAGE = '会议未达到法定人数，不能表决，请重新召开';

/** The form field by which staff confirm a real failed vote (it ends the stage), and its label. */
export const CONFIRM_VOTE_FAILED_FIELD = 'confirmVoteFailed';
export const CONFIRM_VOTE_FAILED_LABEL = '确认表决未通过，结束本阶段';

/** A real vote that failed: the meeting had its quorum, the yes votes were not enough. Only this ends a stage. */
export function isFailedVote(result: GeneralMeetingVoteResult): boolean {
  return result.quorumMet && !result.passed;
}

/** Chinese explanation of a vote result for the meeting record. */
export function describeGeneralMeetingVote(input: GeneralMeetingVoteInput, result: GeneralMeetingVoteResult = checkGeneralMeetingVote(input)): string {
  const votes = input.yes + (input.writtenYes ?? 0);
  if (!result.quorumMet) return `应到会 ${input.shouldAttend} 人，实到 ${input.present} 人，未超过半数（至少 ${result.required.present} 人），会议不能进行表决。`;
  if (!result.passed) return `赞成票 ${votes} 票（含书面意见），未超过应到会人数的半数（至少 ${result.required.yes} 票），未通过。`;
  return `应到会 ${input.shouldAttend} 人，实到 ${input.present} 人，赞成票 ${votes} 票（含书面意见），超过应到会人数的半数，通过。`;
}
