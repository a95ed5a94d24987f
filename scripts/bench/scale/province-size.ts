/**
 * The size of a generated province. The full province of issue 17 and the small one it is compared with (the same
 * generator, every count scaled by the number of organizations).
 */
export interface ProvinceSize {
  /** Agency committees (机关党委) under the one working committee. */
  committees: number;
  /** Branches and general branches under the committees. */
  branches: number;
  people: number;
  /** Open development cases, spread over the five stages. */
  cases: number;
  /** Elections in progress. */
  elections: number;
  /** Audit events of the last year, beside those every record is created with. */
  auditEvents: number;
}

export const FULL_PROVINCE: ProvinceSize = { committees: 150, branches: 5_000, people: 100_000, cases: 3_000, elections: 300, auditEvents: 200_000 };

/** Organizations in the province: the working committee, the committees, the branches. */
export const organizationsOf = (size: ProvinceSize) => 1 + size.committees + size.branches;

/** The same province scaled to `organizations` organizations in all (at least one committee and one branch). */
export function scaledProvince(full: ProvinceSize, organizations: number): ProvinceSize {
  const ratio = organizations / organizationsOf(full);
  const committees = Math.max(1, Math.round(full.committees * ratio));
  const scaled = (count: number) => Math.max(1, Math.round(count * ratio));
  return {
    committees,
    branches: Math.max(1, organizations - 1 - committees),
    people: scaled(full.people),
    cases: scaled(full.cases),
    elections: scaled(full.elections),
    auditEvents: scaled(full.auditEvents),
  };
}

/** A count from the environment (positive integer), or the fallback. */
export function sizeSetting(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be a positive whole number, got ${JSON.stringify(raw)}`);
  return value;
}

/**
 * The large province from the environment: BENCH_SCALE_ORGS (organizations in all; committees and branches scaled
 * from 150 and 5,000 unless BENCH_SCALE_COMMITTEES is given), BENCH_SCALE_PEOPLE, BENCH_SCALE_CASES,
 * BENCH_SCALE_ELECTIONS, BENCH_SCALE_AUDIT; the other counts follow the organizations when not given.
 */
export function largeProvinceFromEnv(env: NodeJS.ProcessEnv): ProvinceSize {
  const organizations = sizeSetting(env, 'BENCH_SCALE_ORGS', organizationsOf(FULL_PROVINCE));
  const base = scaledProvince(FULL_PROVINCE, organizations);
  const committees = sizeSetting(env, 'BENCH_SCALE_COMMITTEES', base.committees);
  return {
    committees,
    branches: Math.max(1, organizations - 1 - committees),
    people: sizeSetting(env, 'BENCH_SCALE_PEOPLE', base.people),
    cases: sizeSetting(env, 'BENCH_SCALE_CASES', base.cases),
    elections: sizeSetting(env, 'BENCH_SCALE_ELECTIONS', base.elections),
    auditEvents: sizeSetting(env, 'BENCH_SCALE_AUDIT', base.auditEvents),
  };
}
