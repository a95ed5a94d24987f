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
