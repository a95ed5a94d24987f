import { GRADES, type Grade, type RaterKind } from './grades';

export type GradeCounts = Record<Grade, number>;

export const emptyCounts = (): GradeCounts => ({ excellent: 0, qualified: 0, basic: 0, unqualified: 0 });

/** One rater's sheet: a grade for every evaluated member (by person id). */
export interface RatingSheet {
  raterKind: RaterKind;
  grades: Record<string, Grade>;
}

/** The counts as stored: per rater kind, per member, per grade; and the sheets returned per kind. */
export interface RatingCounts {
  returned: Record<RaterKind, number>;
  counts: Record<RaterKind, Record<string, GradeCounts>>;
}

export const emptyRatingCounts = (): RatingCounts => ({ returned: { member: 0, mass: 0 }, counts: { member: {}, mass: {} } });

/** Adds sheets to counts (the order of the sheets never matters: V5). */
export function addSheets(base: RatingCounts, sheets: readonly RatingSheet[]): RatingCounts {
  const next: RatingCounts = {
    returned: { ...base.returned },
    counts: { member: structuredClone(base.counts.member), mass: structuredClone(base.counts.mass) },
  };
  for (const sheet of sheets) {
    next.returned[sheet.raterKind] += 1;
    for (const [personId, grade] of Object.entries(sheet.grades)) {
      const counts = (next.counts[sheet.raterKind][personId] ??= emptyCounts());
      counts[grade] += 1;
    }
  }
  return next;
}

export interface KindTally {
  counts: GradeCounts;
  /** Shares of the sheets returned by this kind of rater, 0–1 (0 when none returned). */
  shares: Record<Grade, number>;
  returned: number;
}

export interface MemberTally {
  personId: string;
  name: string;
  member: KindTally;
  mass: KindTally;
  /** The grades with the most (weighted) ratings: one grade, or the tied ones; empty when nobody rated. */
  majority: Grade[];
}

function kindTally(counts: GradeCounts | undefined, returned: number): KindTally {
  const c = counts ?? emptyCounts();
  const shares = Object.fromEntries(GRADES.map((g) => [g, returned > 0 ? c[g] / returned : 0])) as Record<Grade, number>;
  return { counts: { ...c }, shares, returned };
}

/**
 * The tally of an evaluation (docs/domain/evaluation.md, V5): per member the counts and shares of each grade, the
 * members' and non-members' apart, and the majority grade — the grade with the most ratings, members' ratings
 * counting 1 and each 群众评议 rating `massWeight` (0 by default: shown, not counted). A tie gives every tied grade.
 */
export function tallyEvaluation(members: readonly { personId: string; name: string }[], ratings: RatingCounts, massWeight: number): MemberTally[] {
  return members.map(({ personId, name }) => {
    const member = kindTally(ratings.counts.member[personId], ratings.returned.member);
    const mass = kindTally(ratings.counts.mass[personId], ratings.returned.mass);
    const weighted = GRADES.map((g) => member.counts[g] + massWeight * mass.counts[g]);
    const top = Math.max(...weighted);
    const majority = top > 0 ? GRADES.filter((_, i) => weighted[i] === top) : [];
    return { personId, name, member, mass, majority };
  });
}
