import { z } from 'zod';
import { reconcileRound, type BallotEntry, type SummarySheet } from '../domain/election/ballot-entry';
import { InputInvalidError } from '../errors';

/**
 * The round-entry forms as flat fields (urlencoded): the meeting's date and numbers (`meetingDate`, `shouldAttend`, `present`,
 * `ballotsIssued`), for officers' rounds the candidates (`candidates`, one per line), and either the summary
 * (`returned`, `valid`, `invalid`, `spoiled`, `votes.<name>`, write-ins `writein.<i>.name` / `writein.<i>.votes`) or
 * the ballots entered so far (`ballots`, JSON, carried by the page) with the counters' sheet (`sheet.…`, same names).
 */

export type RoundEntryMode = 'ballots' | 'summary';

/** The ballot paper the form is for. */
export interface FormBallot {
  seats: number;
  candidates: readonly string[];
  /** Officers' rounds: the meeting puts up the candidates, entered on the form. */
  candidatesOnForm: boolean;
}

export interface RoundSubmission {
  meetingDate: string;
  shouldAttend: number;
  present: number;
  ballotsIssued: number;
  candidates?: string[];
  entry: BallotEntry;
}

export const MAX_BALLOTS = 5000;

/** Name-and-votes lines of a sheet: one per seat for write-ins; officers' rounds two more (the candidates are typed too). */
export const voteLines = (ballot: Pick<FormBallot, 'seats' | 'candidatesOnForm'>): number => ballot.seats + (ballot.candidatesOnForm ? 2 : 0);
const ballotsSchema = z.array(z.union([z.literal('spoiled'), z.array(z.string().trim().min(1).max(40)).max(50)])).max(MAX_BALLOTS);

/** The ballots the page carries; malformed → InputInvalidError on `ballots`. */
export function parseCarriedBallots(raw: string | undefined): (string[] | 'spoiled')[] {
  if (!raw) return [];
  try {
    const parsed = ballotsSchema.safeParse(JSON.parse(raw));
    if (parsed.success) return parsed.data;
  } catch {
    // not JSON: reported below
  }
  throw new InputInvalidError({ ballots: '已录入的选票数据无法识别，请重新录入。' });
}

function count(form: Record<string, string>, field: string, errors: Record<string, string>, required = true): number | undefined {
  const raw = (form[field] ?? '').trim();
  if (raw === '') {
    if (required) errors[field] = '请填写此项。';
    return undefined;
  }
  if (!/^\d{1,6}$/.test(raw)) {
    errors[field] = '须为不小于 0 的整数。';
    return undefined;
  }
  return Number(raw);
}

/** The candidates of the form: the ballot's, or (officers) one name per line, trimmed, blanks dropped. */
export function formCandidates(form: Record<string, string>, ballot: FormBallot): string[] {
  if (!ballot.candidatesOnForm) return [...ballot.candidates];
  return (form.candidates ?? '').split(/\r?\n|[，,、]/).map((name) => name.trim()).filter(Boolean);
}

/** A sheet (summary, or the counters' sheet with `prefix` 'sheet.'): candidates' votes, then the write-in lines. */
function sheetOf(form: Record<string, string>, prefix: string, candidates: readonly string[], lines: number, errors: Record<string, string>): SummarySheet {
  const votes: Record<string, number> = {};
  for (const name of candidates) votes[name] = count(form, `${prefix}votes.${name}`, errors, false) ?? 0;
  for (let i = 0; i < lines; i++) {
    const name = (form[`${prefix}writein.${i}.name`] ?? '').trim();
    const n = count(form, `${prefix}writein.${i}.votes`, errors, name !== '');
    if (name === '' && n) errors[`${prefix}writein.${i}.name`] = '请填写另选人姓名。';
    if (name !== '' && n !== undefined) votes[name] = (votes[name] ?? 0) + n;
  }
  const valid = count(form, `${prefix}valid`, errors, false);
  return {
    returned: count(form, `${prefix}returned`, errors) ?? 0,
    ...(valid !== undefined && { valid }),
    invalid: count(form, `${prefix}invalid`, errors) ?? 0,
    spoiled: count(form, `${prefix}spoiled`, errors) ?? 0,
    votes,
  };
}

/**
 * Reads a round-entry form and reconciles its totals (reconcileRound); every problem → InputInvalidError with
 * Chinese messages keyed by the form's field names. The result goes to `recordRound` as it is.
 */
export function parseRoundForm(form: Record<string, string>, mode: RoundEntryMode, ballot: FormBallot): RoundSubmission {
  const errors: Record<string, string> = {};
  const meetingDate = (form.meetingDate ?? '').trim();
  if (meetingDate === '') errors.meetingDate = '请填写投票日期。';
  const shouldAttend = count(form, 'shouldAttend', errors);
  const present = count(form, 'present', errors);
  const ballotsIssued = count(form, 'ballotsIssued', errors);
  const candidates = formCandidates(form, ballot);
  if (ballot.candidatesOnForm && candidates.length === 0) errors.candidates = '请填写候选人。';
  let entry: BallotEntry;
  if (mode === 'summary') entry = { mode: 'summary', ...sheetOf(form, '', candidates, voteLines(ballot), errors) };
  else {
    const ballots = parseCarriedBallots(form.ballots);
    if (ballots.length === 0) errors.ballots = '尚未录入任何选票。';
    entry = { mode: 'ballots', ballots, sheet: sheetOf(form, 'sheet.', candidates, voteLines(ballot), errors) };
  }
  if (Object.keys(errors).length > 0) throw new InputInvalidError(errors);
  const context = { seats: ballot.seats, candidates, shouldAttend: shouldAttend!, present: present!, ballotsIssued: ballotsIssued!, rules: { minCandidateMargin: 0 } };
  const checked = reconcileRound(entry, context);
  if (!checked.ok) {
    for (const problem of checked.problems) errors[problem.field] ??= problem.message;
    throw new InputInvalidError(errors);
  }
  return { meetingDate, shouldAttend: shouldAttend!, present: present!, ballotsIssued: ballotsIssued!, ...(ballot.candidatesOnForm && { candidates }), entry };
}

/** One ballot from the one-at-a-time form: the ticked candidates (`mark.<name>`), the write-ins (`write.<i>`), or 废票. */
export function ballotFromForm(form: Record<string, string>, candidates: readonly string[], seats: number): string[] | 'spoiled' {
  if (form.spoiled) return 'spoiled';
  const names = candidates.filter((name) => form[`mark.${name}`]);
  for (let i = 0; i < seats; i++) {
    const name = (form[`write.${i}`] ?? '').trim();
    if (name) names.push(name.slice(0, 40));
  }
  return names;
}
