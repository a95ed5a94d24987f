import { z } from 'zod';
import { TallyInputError } from './errors';
import { DEFAULT_TALLY_RULES } from './rules';
import type { Ballot, BallotSummary, TallyRules } from './types';

/** The input once checked: names trimmed, rules complete, exactly one of ballots and summary. */
export interface CheckedTallyInput {
  seats: number;
  candidates: string[];
  shouldAttend: number;
  present: number;
  ballotsIssued: number;
  rules: TallyRules;
  ballots?: Ballot[];
  summary?: BallotSummary;
  reVote: boolean;
  /** Who may be elected; undefined: everyone. */
  eligible?: string[];
}

const count = z.number().int().nonnegative();
const name = z.string().trim().min(1, { error: '姓名不能为空 (a name must not be empty)' });

const rulesSchema = z.strictObject({
  quorum: z.enum(['atLeastFourFifths', 'moreThanFourFifths']).optional(),
  majorityBase: z.enum(['shouldAttend', 'present']).optional(),
  minCandidateMargin: z.number().min(0).max(10).optional(),
  tieReVote: z.enum(['mostVotes', 'majority']).optional(),
});

const summarySchema = z.strictObject({
  returned: count,
  invalid: count,
  spoiled: count,
  votes: z.record(z.string(), count),
});

const inputSchema = z.strictObject({
  seats: z.number().int().positive(),
  candidates: z.array(name),
  shouldAttend: z.number().int().positive(),
  present: count,
  ballotsIssued: count,
  ballots: z.array(z.union([z.literal('spoiled'), z.array(name)])).optional(),
  summary: summarySchema.optional(),
  rules: rulesSchema.optional(),
  reVote: z.boolean().optional(),
  eligible: z.array(name).optional(),
});

type RawInput = z.infer<typeof inputSchema>;

/** Cross-field checks, each "path: 中文 (English)". */
function contradictions(raw: RawInput): string[] {
  const issues: string[] = [];
  if (raw.present > raw.shouldAttend) issues.push('present: 实到人数不能多于应到人数 (present must not exceed shouldAttend)');
  // E4: one ballot per voter present.
  if (raw.ballotsIssued > raw.present) issues.push(`ballotsIssued: 发出选票 ${raw.ballotsIssued} 张，多于实到的 ${raw.present} 人：每位到会的有选举权的党员只能领取一张选票 (ballotsIssued must not exceed present)`);
  if (raw.reVote && raw.candidates.length <= raw.seats) {
    issues.push(`candidates: 再次投票在得票相等的人中进行，人数须多于剩余的 ${raw.seats} 个名额 (a re-vote needs more tied names than seats left)`);
  }
  const seen = new Set<string>();
  for (const candidate of raw.candidates) {
    if (seen.has(candidate)) issues.push(`candidates: 候选人“${candidate}”重复 (duplicate candidate)`);
    seen.add(candidate);
  }
  if ((raw.ballots === undefined) === (raw.summary === undefined)) {
    issues.push('ballots: 须给出 ballots（逐张选票）或 summary（汇总数）之一 (give exactly one of ballots and summary)');
  }
  if (raw.summary) {
    const { returned, invalid, spoiled, votes } = raw.summary;
    const valid = returned - invalid - spoiled;
    if (valid < 0) issues.push('summary: 无效票与废票之和不能多于收回票数 (invalid + spoiled must not exceed returned)');
    const keys = new Set<string>();
    let total = 0;
    for (const [key, n] of Object.entries(votes)) {
      const trimmed = key.trim();
      if (trimmed === '') issues.push('summary.votes: 姓名不能为空 (a name must not be empty)');
      if (keys.has(trimmed)) issues.push(`summary.votes: 姓名“${trimmed}”重复 (duplicate name)`);
      keys.add(trimmed);
      if (valid >= 0 && n > valid) issues.push(`summary.votes.${trimmed}: 得票数不能多于有效票数 ${valid} (votes must not exceed the valid ballots)`);
      total += n;
    }
    if (valid >= 0 && total > valid * raw.seats) {
      issues.push(`summary.votes: 得票总数 ${total} 多于有效票数 × 应选人数 ${valid * raw.seats} (more votes than valid ballots × seats)`);
    }
  }
  return issues;
}

/** Checks a round's input (e.g. parsed JSON); throws {@link TallyInputError} with every problem found. */
export function parseTallyInput(raw: unknown): CheckedTallyInput {
  const parsed = inputSchema.safeParse(raw);
  if (!parsed.success) {
    throw new TallyInputError(parsed.error.issues.map((issue) => `${issue.path.join('.') || '(输入 input)'}: ${issue.message}`));
  }
  const issues = contradictions(parsed.data);
  if (issues.length > 0) throw new TallyInputError(issues);
  const { rules, summary, ballots, reVote, eligible, ...rest } = parsed.data;
  return {
    ...rest,
    reVote: reVote ?? false,
    ...(eligible !== undefined && { eligible }),
    rules: {
      quorum: rules?.quorum ?? DEFAULT_TALLY_RULES.quorum,
      majorityBase: rules?.majorityBase ?? DEFAULT_TALLY_RULES.majorityBase,
      minCandidateMargin: rules?.minCandidateMargin ?? DEFAULT_TALLY_RULES.minCandidateMargin,
      tieReVote: rules?.tieReVote ?? DEFAULT_TALLY_RULES.tieReVote,
    },
    ...(ballots !== undefined && { ballots }),
    ...(summary !== undefined && {
      summary: { ...summary, votes: Object.fromEntries(Object.entries(summary.votes).map(([key, n]) => [key.trim(), n])) },
    }),
  };
}
