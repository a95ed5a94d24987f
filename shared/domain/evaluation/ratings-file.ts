import { z } from 'zod';
import { GRADE_LABELS, GRADES, type Grade, type RaterKind } from './grades';
import { checkProposal, excellentCap, type ProposedGrade } from './proposal';
import { DEFAULT_EVALUATION_RULES } from './rule-set';
import { addSheets, emptyCounts, emptyRatingCounts, tallyEvaluation, type GradeCounts, type MemberTally, type RatingCounts, type RatingSheet } from './tally';

/** A ratings file that cannot be tallied: one line per problem, "path: 中文 (English)". */
export class RatingsFileError extends Error {
  readonly issues: string[];

  constructor(issues: string[]) {
    super(`评议统计输入无效 (invalid ratings file): ${issues.join('; ')}`);
    this.name = 'RatingsFileError';
    this.issues = issues;
  }
}

/** A grade as written in the file: its Chinese name (优秀) or its key (excellent). */
const LABEL_TO_GRADE = new Map<string, Grade>(GRADES.flatMap((g) => [[g, g], [GRADE_LABELS[g], g]] as [string, Grade][]));
const gradeSchema = z.string().trim().refine((v) => LABEL_TO_GRADE.has(v), { error: `等次须为${GRADES.map((g) => GRADE_LABELS[g]).join('、')}之一 (unknown grade)` })
  .transform((v) => LABEL_TO_GRADE.get(v)!);
const name = z.string().trim().min(1, { error: '姓名不能为空 (a name must not be empty)' });
const count = z.number().int().nonnegative();
const sheet = z.record(z.string(), gradeSchema);
const counts = z.record(z.string(), z.record(z.string(), count));

const fileSchema = z.strictObject({
  members: z.array(name).min(1, { error: '至少列出一名参评党员 (list at least one member)' }),
  sheets: z.array(sheet).optional(),
  massSheets: z.array(sheet).optional(),
  counts: counts.optional(),
  returned: count.optional(),
  massCounts: counts.optional(),
  massReturned: count.optional(),
  massWeight: z.number().min(0).max(1).optional(),
  excellentCapPercent: z.number().min(0).max(100).optional(),
  proposal: z.record(z.string(), gradeSchema).optional(),
  reasons: z.record(z.string(), z.string()).optional(),
});

type RawFile = z.infer<typeof fileSchema>;

/** The result of a ratings file: the tally, and the proposal's check when one was given. */
export interface RatingsFileResult {
  evaluated: number;
  returned: Record<RaterKind, number>;
  tally: MemberTally[];
  proposal?: { excellent: number; cap: number; excellentCapPercent: number; problems: string[] };
}

/** Per-kind counts from either sheets or summary counts (one or the other), checked against the members. */
function kindCounts(raw: RawFile, kind: RaterKind, members: ReadonlySet<string>, issues: string[]): { sheets: RatingSheet[]; counts?: { returned: number; byMember: Record<string, GradeCounts> } } {
  const [sheetsKey, countsKey, returnedKey] = kind === 'member' ? ['sheets', 'counts', 'returned'] as const : ['massSheets', 'massCounts', 'massReturned'] as const;
  const sheets = raw[sheetsKey];
  const summary = raw[countsKey];
  if (sheets !== undefined && summary !== undefined) issues.push(`${countsKey}: ${sheetsKey}（逐张评议表）与 ${countsKey}（汇总数）只能给出一种 (give one of ${sheetsKey} and ${countsKey})`);
  if (summary !== undefined && raw[returnedKey] === undefined) issues.push(`${returnedKey}: 给出汇总数时须写明收回的评议表份数 (${returnedKey} is required with ${countsKey})`);
  const unknown = (where: string, who: string) => { if (!members.has(who)) issues.push(`${where}: “${who}”不在 members 名单中 (not among the members)`); };
  (sheets ?? []).forEach((s, i) => Object.keys(s).forEach((who) => unknown(`${sheetsKey}.${i}`, who)));
  if (summary === undefined) return { sheets: (sheets ?? []).map((grades) => ({ raterKind: kind, grades })) };
  const returned = raw[returnedKey] ?? 0;
  const byMember: Record<string, GradeCounts> = {};
  for (const [who, byGrade] of Object.entries(summary)) {
    unknown(`${countsKey}`, who);
    const c = emptyCounts();
    for (const [label, n] of Object.entries(byGrade)) {
      const grade = LABEL_TO_GRADE.get(label.trim());
      if (!grade) issues.push(`${countsKey}.${who}: 等次“${label}”须为${GRADES.map((g) => GRADE_LABELS[g]).join('、')}之一 (unknown grade)`);
      else c[grade] += n;
    }
    const total = GRADES.reduce((s, g) => s + c[g], 0);
    if (total > returned) issues.push(`${countsKey}.${who}: 合计 ${total} 票，多于收回的评议表 ${returned} 份 (more grades than sheets returned)`);
    byMember[who] = c;
  }
  return { sheets: [], counts: { returned, byMember } };
}

/**
 * Tallies a ratings file (`dangjian evaluation-tally`, docs/domain/evaluation.md V5, V7, V8): the members by name,
 * the sheets one by one or the counts per member and grade with the sheets returned, for members and for 群众评议;
 * optionally a proposal (a grade per name) with its reasons, checked against the 优秀 cap and the reason rule.
 * Throws {@link RatingsFileError} with every problem found.
 */
export function tallyRatingsFile(input: unknown): RatingsFileResult {
  const parsed = fileSchema.safeParse(input);
  if (!parsed.success) throw new RatingsFileError(parsed.error.issues.map((issue) => `${issue.path.join('.') || '(输入 input)'}: ${issue.message}`));
  const raw = parsed.data;
  const issues: string[] = [];
  const names = new Set<string>();
  for (const member of raw.members) {
    if (names.has(member)) issues.push(`members: “${member}”重复 (duplicate name)`);
    names.add(member);
  }
  const member = kindCounts(raw, 'member', names, issues);
  const mass = kindCounts(raw, 'mass', names, issues);
  for (const who of Object.keys(raw.proposal ?? {})) if (!names.has(who)) issues.push(`proposal: “${who}”不在 members 名单中 (not among the members)`);
  if (issues.length > 0) throw new RatingsFileError(issues);

  let ratings: RatingCounts = addSheets(emptyRatingCounts(), [...member.sheets, ...mass.sheets]);
  for (const [kind, summary] of [['member', member.counts], ['mass', mass.counts]] as const) {
    if (summary) ratings = { returned: { ...ratings.returned, [kind]: summary.returned }, counts: { ...ratings.counts, [kind]: summary.byMember } };
  }
  const rules = { ...DEFAULT_EVALUATION_RULES, ...(raw.excellentCapPercent !== undefined && { excellentCapPercent: raw.excellentCapPercent }) };
  const tally = tallyEvaluation(raw.members.map((n) => ({ personId: n, name: n })), ratings, raw.massWeight ?? rules.massWeight);
  const result: RatingsFileResult = { evaluated: raw.members.length, returned: ratings.returned, tally };
  if (raw.proposal) {
    const proposal: ProposedGrade[] = Object.entries(raw.proposal).map(([personId, grade]) => ({ personId, grade, ...(raw.reasons?.[personId]?.trim() && { reason: raw.reasons[personId] }) }));
    result.proposal = {
      excellent: proposal.filter((p) => p.grade === 'excellent').length,
      cap: excellentCap(tally.length, rules),
      excellentCapPercent: rules.excellentCapPercent,
      problems: Object.values(checkProposal(tally, proposal, rules)),
    };
  }
  return result;
}
