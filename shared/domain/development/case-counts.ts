import type { DevelopmentCase } from './case';
import type { StageNo } from './steps';

/**
 * The cases the development dashboard counts per stage (docs/domain/development.md, 发展党员工作台): the active cases
 * of each organization by the stage they are in. A case is counted under one key, `<orgId>#<stage>`, while it is
 * active; each change of the case moves its count from the key it was counted under to the key of its new state
 * (none once closed). Pure: the store keeps the counters and the key each case is counted under.
 */
export const COUNTED_STAGES: readonly StageNo[] = [1, 2, 3, 4, 5];

export interface CaseCountKey {
  orgId: string;
  stage: StageNo;
}

/** The key a case in this state is counted under, or undefined when it is not counted (closed). */
export function caseCountKey(devCase: Pick<DevelopmentCase, 'status' | 'orgId' | 'stage'>): CaseCountKey | undefined {
  return devCase.status === 'active' ? { orgId: devCase.orgId, stage: devCase.stage } : undefined;
}

/** The key as stored on the case (`<orgId>#<stage>`), and back (undefined for anything else). */
export const formatCountKey = (key: CaseCountKey): string => `${key.orgId}#${key.stage}`;

export function parseCountKey(text: unknown): CaseCountKey | undefined {
  if (typeof text !== 'string') return undefined;
  const at = text.lastIndexOf('#');
  const stage = Number(text.slice(at + 1));
  if (at <= 0 || !COUNTED_STAGES.includes(stage as StageNo)) return undefined;
  return { orgId: text.slice(0, at), stage: stage as StageNo };
}

/** The counter changes of one organization: stage → how much to add (never a zero). */
export type StageDeltas = Partial<Record<StageNo, number>>;

/** What moving a case's count from `before` to `after` adds to each organization's counters (nothing when they are the same). */
export function countChanges(before: CaseCountKey | undefined, after: CaseCountKey | undefined): Map<string, StageDeltas> {
  const changes = new Map<string, StageDeltas>();
  const add = (key: CaseCountKey | undefined, delta: number) => {
    if (!key) return;
    const deltas = changes.get(key.orgId) ?? {};
    const value = (deltas[key.stage] ?? 0) + delta;
    if (value === 0) delete deltas[key.stage];
    else deltas[key.stage] = value;
    if (Object.keys(deltas).length === 0) changes.delete(key.orgId);
    else changes.set(key.orgId, deltas);
  };
  add(before, -1);
  add(after, 1);
  return changes;
}

/** Counts per stage of several organizations, summed (every stage listed, zero when none). */
export function sumStageCounts(rows: ReadonlyArray<Partial<Record<StageNo, number>>>): Record<StageNo, number> {
  const total = { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 } as Record<StageNo, number>;
  for (const row of rows) for (const stage of COUNTED_STAGES) total[stage] += row[stage] ?? 0;
  return total;
}
