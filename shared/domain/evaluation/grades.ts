/** The four grades of the annual democratic evaluation (docs/domain/evaluation.md, V1). */
export const GRADES = ['excellent', 'qualified', 'basic', 'unqualified'] as const;
export type Grade = (typeof GRADES)[number];

export const GRADE_LABELS: Record<Grade, string> = {
  excellent: '优秀',
  qualified: '合格',
  basic: '基本合格',
  unqualified: '不合格',
};

export function isGrade(value: unknown): value is Grade {
  return typeof value === 'string' && (GRADES as readonly string[]).includes(value);
}

/** Who rated: the members, or non-member staff of the unit (群众评议). */
export type RaterKind = 'member' | 'mass';

export const RATER_KIND_LABELS: Record<RaterKind, string> = { member: '党员评议', mass: '群众评议' };

/** A person's evaluation history as one cell of the roster export: newest year first, "2026年度 优秀；2025年度 合格". */
export function gradeHistoryText(grades: readonly { year: number; grade: Grade }[]): string {
  return [...grades].sort((a, b) => b.year - a.year).map((g) => `${g.year}年度 ${GRADE_LABELS[g.grade]}`).join('；');
}

/** The roster export's column of the evaluation history (not a roster field: the import ignores it). */
export const GRADE_HISTORY_HEADER = '民主评议等次';
