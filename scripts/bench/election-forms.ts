import type { OutgoingMail } from '../../shared/services/ports';

/** What staff type into the election's forms and how an approver finds the link: shared by the simulation, the benchmark and the workflow tests. */

/** The announcement step's form: title, text, and the rules' default period (5 working days). */
export function announcementForm(overrides: Record<string, string> = {}, orgName = '办公室党支部'): Record<string, string> {
  return {
    title: `关于${orgName}召开党员大会进行换届选举的公告`,
    body: '支部委员会任期届满，定于10月召开党员大会进行换届选举。',
    periodUnit: 'workingDays', periodCount: '5', ...overrides,
  };
}

/** A recommendation form where the names given have more than half of the `voters` members' votes and the rest 3. */
export function recommendationForm(qualified: string[], others: string[] = [], voters = 12): Record<string, unknown> {
  return {
    organizationNominees: [...qualified, ...others].join('、'),
    jointNominations: '', selfNominees: '', memberVoters: String(voters), staffVoters: '0',
    votes: [...qualified.map((name, i) => `${name} ${voters - 1 - (i % 3)} 0`), ...others.map((name) => `${name} 3 0`)].join('\n'),
  };
}

/**
 * A voting round entered as the counters' summary for round `roundNo`: all `voters` who should attend present, as many
 * ballots issued and returned, none invalid or spoiled; `extra` adds the meeting's date (`meetingDate`, required by the
 * service) and the officers' candidates, or changes the meeting's numbers.
 */
export function summaryRound(voters: number, roundNo: number, votes: Record<string, number>, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { shouldAttend: voters, present: voters, ballotsIssued: voters, roundNo, ...extra, entry: { mode: 'summary', returned: voters, invalid: 0, spoiled: 0, votes } };
}

/** The token of the approval link in the latest mail to `to` whose subject passes `subject`; throws when none was mailed. */
export function approvalLinkIn(sent: readonly OutgoingMail[], to: string, subject: (subject: string) => boolean): string {
  const mail = sent.filter((m) => m.to.includes(to) && subject(m.subject)).at(-1);
  const link = /\/approvals\/([A-Za-z0-9_-]{43})/.exec(mail?.text ?? '')?.[1];
  if (!link) throw new Error(`no approval link mailed to ${to}`);
  return link;
}
