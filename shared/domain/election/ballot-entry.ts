import { z } from 'zod';
import { countBallots } from './count-ballots';
import { TallyInputError } from './errors';
import { parseTallyInput, type CheckedTallyInput } from './tally-input';
import type { BallotSummary, TallyInput } from './types';

/**
 * The two ways counters enter one voting round (docs/domain/elections.md, E4), and the check that the totals agree before the round
 * is tallied: one ballot at a time (with the counters' own summary sheet to cross-check), or the summary counts only.
 */

/** The counters' summary sheet (计票汇总表). `valid`, when written on the sheet, must equal returned − invalid − spoiled. */
export interface SummarySheet extends BallotSummary {
  valid?: number;
}

/** One ballot at a time: the names marked yes (write-ins included), or 'spoiled'; `sheet` is the counters' independent summary. */
export interface BallotsEntry {
  mode: 'ballots';
  ballots: (string[] | 'spoiled')[];
  sheet?: SummarySheet;
}

/** The summary counts only. */
export interface SummaryEntry extends SummarySheet {
  mode: 'summary';
}

export type BallotEntry = BallotsEntry | SummaryEntry;

/** What the round is held under: everything of a tally input except the ballots. */
export type RoundContext = Omit<TallyInput, 'ballots' | 'summary'>;

/** One problem of an entry, for a form: the field (`returned`, `votes.张三`, `ballots.3`, `sheet.invalid`...) and a Chinese message. */
export interface EntryProblem {
  field: string;
  message: string;
}

/** The totals the entry adds up to, as shown to the counters. */
export interface EntryTotals {
  returned: number;
  valid: number;
  invalid: number;
  spoiled: number;
  votes: Record<string, number>;
}

export type ReconcileResult = { ok: true; input: CheckedTallyInput; totals: EntryTotals } | { ok: false; problems: EntryProblem[] };

const count = z.number({ error: '须填写数字' }).int({ error: '须为整数' }).nonnegative({ error: '不能为负数' });
const name = z.string().trim().min(1, { error: '姓名不能为空' });
const votes = z.record(z.string(), count);
const sheetShape = { returned: count, valid: count.optional(), invalid: count, spoiled: count, votes };

const entrySchema = z.discriminatedUnion('mode', [
  z.strictObject({
    mode: z.literal('ballots'),
    ballots: z.array(z.union([z.literal('spoiled'), z.array(name)])),
    sheet: z.strictObject(sheetShape).optional(),
  }),
  z.strictObject({ mode: z.literal('summary'), ...sheetShape }),
], { error: '录入方式须为逐张录入（ballots）或汇总录入（summary）' });

/** Chinese for the issues the schema does not word itself (a missing field, an unknown key, a wrong type). */
function chineseIssue(issue: { code: string; input?: unknown }): string {
  if (issue.code === 'unrecognized_keys') return '有无法识别的项目';
  if (issue.code === 'invalid_type') return issue.input === undefined ? '缺少此项' : '格式不正确';
  return '内容不正确';
}

/** Votes with trimmed names; empty and duplicate names are problems. */
function trimVotes(raw: Record<string, number>, prefix: string, problems: EntryProblem[]): Record<string, number> {
  const trimmed: Record<string, number> = {};
  for (const [key, n] of Object.entries(raw)) {
    const nm = key.trim();
    if (nm === '') problems.push({ field: `${prefix}votes`, message: '得票姓名不能为空' });
    else if (Object.hasOwn(trimmed, nm)) problems.push({ field: `${prefix}votes.${nm}`, message: `姓名“${nm}”重复` });
    else trimmed[nm] = n;
  }
  return trimmed;
}

/** The arithmetic of a sheet: returned = valid + invalid + spoiled; no name above the valid ballots; the sum at most valid × seats. */
function sheetProblems(sheet: SummarySheet, seats: number, prefix: string): { problems: EntryProblem[]; totals?: EntryTotals } {
  const problems: EntryProblem[] = [];
  const votes = trimVotes(sheet.votes, prefix, problems);
  const valid = sheet.returned - sheet.invalid - sheet.spoiled;
  if (valid < 0) {
    problems.push({ field: `${prefix}returned`, message: `无效票 ${sheet.invalid} 张与废票 ${sheet.spoiled} 张之和多于收回的 ${sheet.returned} 张` });
    return { problems };
  }
  if (sheet.valid !== undefined && sheet.valid !== valid) {
    problems.push({ field: `${prefix}valid`, message: `有效票 ${sheet.valid} 张，但收回 ${sheet.returned} 张减无效 ${sheet.invalid} 张、废票 ${sheet.spoiled} 张为 ${valid} 张` });
  }
  let total = 0;
  for (const [nm, n] of Object.entries(votes)) {
    total += n;
    if (n > valid) problems.push({ field: `${prefix}votes.${nm}`, message: `“${nm}”得 ${n} 票，多于有效票 ${valid} 张` });
  }
  if (total > valid * seats) {
    problems.push({ field: `${prefix}votes`, message: `得票总数 ${total} 多于有效票 ${valid} 张 × 应选 ${seats} 名 = ${valid * seats}` });
  }
  return { problems, totals: { returned: sheet.returned, valid, invalid: sheet.invalid, spoiled: sheet.spoiled, votes } };
}

/** The ballots entered one by one against the counters' sheet: every number and every name's votes must match. */
function sheetMismatches(counted: EntryTotals, sheet: EntryTotals): EntryProblem[] {
  const problems: EntryProblem[] = [];
  const labels = { returned: '收回票', valid: '有效票', invalid: '无效票', spoiled: '废票' } as const;
  for (const key of ['returned', 'valid', 'invalid', 'spoiled'] as const) {
    if (counted[key] !== sheet[key]) {
      problems.push({ field: `sheet.${key}`, message: `汇总表${labels[key]} ${sheet[key]} 张，逐张录入为 ${counted[key]} 张` });
    }
  }
  for (const nm of new Set([...Object.keys(counted.votes), ...Object.keys(sheet.votes)])) {
    const a = counted.votes[nm] ?? 0;
    const b = sheet.votes[nm] ?? 0;
    if (a !== b) problems.push({ field: `sheet.votes.${nm}`, message: `汇总表“${nm}”得 ${b} 票，逐张录入为 ${a} 票` });
  }
  return problems;
}

/** Problems of the round's context, from the tally input's own checks ("path: 中文 (English)" → field + Chinese). */
function contextProblems(error: TallyInputError): EntryProblem[] {
  return error.issues.map((issue) => {
    const at = issue.indexOf(': ');
    const field = at > 0 ? issue.slice(0, at) : 'round';
    return { field, message: (at > 0 ? issue.slice(at + 2) : issue).replace(/\s*\([^()]*\)$/, '') };
  });
}

/**
 * Checks that an entry's totals agree and returns the tally input for `tallyChecked` / `tallyRound`, or every
 * problem in Chinese. Never throws: `entry` may be raw (parsed JSON, a form).
 */
export function reconcileRound(entry: unknown, context: RoundContext): ReconcileResult {
  const parsed = entrySchema.safeParse(entry, { error: chineseIssue });
  if (!parsed.success) {
    return { ok: false, problems: parsed.error.issues.map((i) => ({ field: i.path.join('.') || 'mode', message: i.message })) };
  }
  const data = parsed.data;
  const problems: EntryProblem[] = [];
  let totals: EntryTotals | undefined;
  let tallyData: Pick<TallyInput, 'ballots' | 'summary'> = {};
  if (data.mode === 'summary') {
    const checked = sheetProblems(data, context.seats, '');
    problems.push(...checked.problems);
    totals = checked.totals;
    if (totals) tallyData = { summary: { returned: totals.returned, invalid: totals.invalid, spoiled: totals.spoiled, votes: totals.votes } };
  } else {
    const c = countBallots(data.ballots, context.seats);
    totals = { returned: c.returned, valid: c.valid, invalid: c.invalid, spoiled: c.spoiled, votes: Object.fromEntries(c.votes) };
    if (data.sheet) {
      const sheet = sheetProblems(data.sheet, context.seats, 'sheet.');
      problems.push(...sheet.problems);
      if (sheet.totals) problems.push(...sheetMismatches(totals, sheet.totals));
    }
    tallyData = { ballots: data.ballots };
  }
  if (problems.length > 0 || !totals) return { ok: false, problems };
  try {
    return { ok: true, input: parseTallyInput({ ...context, ...tallyData }), totals };
  } catch (error) {
    if (error instanceof TallyInputError) return { ok: false, problems: contextProblems(error) };
    throw error;
  }
}
