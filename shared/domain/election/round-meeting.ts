import { quorumMet } from './rules';
import type { QuorumRule } from './types';

/**
 * The meeting a voting round is held at (docs/domain/elections.md, E10 and E11): its date, who should attend and who
 * came, checked before anything is counted.
 */
export interface RoundMeeting {
  meetingDate: string;
  shouldAttend: number;
  present: number;
}

export interface RoundMeetingContext {
  /** Today in China time: a meeting is recorded after it took place. */
  today: string;
  /** The earliest date the meeting may have: the planned general meeting, or the previous round's meeting. */
  notBefore?: { date: string; what: string };
  /** Who should attend by the roster on the meeting date (voting members less those excluded with a reason). */
  roster?: { shouldAttend: number; excluded: number };
  quorum: QuorumRule;
}

/** The refusal of a vote without a quorum (E10): it is not a vote, nothing is recorded, the meeting is held again. */
export const NO_QUORUM_MESSAGE = '会议未达到法定人数，不能表决，请重新召开';

/** E11: a meeting is recorded after it took place, and not dated before `notBefore`. */
export function checkMeetingDate(meetingDate: string, today: string, notBefore?: { date: string; what: string }): string | undefined {
  if (meetingDate > today) return `会议日期 ${meetingDate} 晚于今天（${today}），请在会议召开后登记。`;
  if (notBefore && meetingDate < notBefore.date) return `会议日期 ${meetingDate} 早于${notBefore.what}（${notBefore.date}），请核对。`;
  return undefined;
}

/**
 * Problems of a round's meeting by field (empty: none): the date neither in the future nor before `notBefore` (E11);
 * 应到 as the roster has it and 实到 not above it (E11); the quorum (E10). Pure: the caller looks up the roster.
 */
export function checkRoundMeeting(meeting: RoundMeeting, context: RoundMeetingContext): Record<string, string> {
  const problems: Record<string, string> = {};
  const { meetingDate, shouldAttend, present } = meeting;
  const dateProblem = checkMeetingDate(meetingDate, context.today, context.notBefore);
  if (dateProblem) problems.meetingDate = dateProblem;
  const roster = context.roster;
  if (roster && roster.shouldAttend !== shouldAttend) {
    const excluded = roster.excluded > 0 ? `（已扣除登记了不计入原因的 ${roster.excluded} 人）` : '';
    problems.shouldAttend = `按党员名册，${meetingDate} 应到会有选举权的正式党员为 ${roster.shouldAttend} 人${excluded}，填写的是 ${shouldAttend} 人；请核对名册或登记不计入应到会人数的原因。`;
  }
  if (present > shouldAttend) problems.present = '实到人数不能多于应到人数。';
  else if (!quorumMet(context.quorum, shouldAttend, present)) {
    const rule = context.quorum === 'moreThanFourFifths' ? '须超过' : '须达到';
    problems.present = `${NO_QUORUM_MESSAGE}（应到 ${shouldAttend} 人，实到 ${present} 人，实到人数${rule}应到人数的五分之四）。`;
  }
  return problems;
}
