import { GRADE_LABELS, type Grade } from './grades';
import type { EvaluationRules } from './rule-set';
import type { MemberTally } from './tally';

/** The branch committee's proposed grade for one member, with the reason where one is needed. */
export interface ProposedGrade {
  personId: string;
  grade: Grade;
  reason?: string;
}

/** The most members that may be graded 优秀: the cap share of those evaluated, rounded down (V7). */
export function excellentCap(evaluated: number, rules: Pick<EvaluationRules, 'excellentCapPercent'>): number {
  return Math.floor((evaluated * rules.excellentCapPercent) / 100);
}

/** Whether a proposed grade needs a written reason: 不合格 always, and any grade that is not the rating majority (V8). */
export function needsReason(grade: Grade, majority: readonly Grade[]): boolean {
  return grade === 'unqualified' || (majority.length > 0 && !majority.includes(grade));
}

/**
 * The rules of the branch committee's proposal (docs/domain/evaluation.md, V7, V8): a grade for every evaluated member,
 * at most the 优秀 cap, and a reason for each 不合格 and each grade that departs from the rating majority. Answers
 * problems by field (`grade.<personId>`, `reason.<personId>`, `_form`), in Chinese; empty when the proposal holds.
 */
export function checkProposal(tally: readonly MemberTally[], proposal: readonly ProposedGrade[], rules: Pick<EvaluationRules, 'excellentCapPercent'>): Record<string, string> {
  const problems: Record<string, string> = {};
  const byId = new Map(proposal.map((p) => [p.personId, p]));
  for (const member of tally) {
    const proposed = byId.get(member.personId);
    if (!proposed) {
      problems[`grade.${member.personId}`] = `请为${member.name}选择评定等次。`;
      continue;
    }
    if (needsReason(proposed.grade, member.majority) && !proposed.reason?.trim()) {
      problems[`reason.${member.personId}`] = proposed.grade === 'unqualified'
        ? `${member.name}评定为不合格，须写明理由。`
        : `${member.name}的评议结果以“${member.majority.map((g) => GRADE_LABELS[g]).join('、')}”为多，评定为“${GRADE_LABELS[proposed.grade]}”须写明理由。`;
    }
  }
  const known = new Set(tally.map((m) => m.personId));
  for (const p of proposal) if (!known.has(p.personId)) problems[`grade.${p.personId}`] = '此人不在本次评议的党员名单中。';
  const cap = excellentCap(tally.length, rules);
  const excellent = proposal.filter((p) => p.grade === 'excellent').length;
  if (excellent > cap) {
    problems._form = `评定为优秀的有 ${excellent} 名，超过参评党员 ${tally.length} 名的 ${rules.excellentCapPercent}%（最多 ${cap} 名）。`;
  }
  return problems;
}
