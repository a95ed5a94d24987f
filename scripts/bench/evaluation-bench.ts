import { getEvaluation } from '../../shared/store/evaluations-repo';
import { usageLines, type CaseCost, type CaseUsage } from './aws-prices';
import { EVALUATION_START, EvaluationsDriver } from './evaluation-driver';
import { MEMBERS_PER_BRANCH, setUpEvaluationWorld } from './evaluation-world';
import { runMeteredBench } from './metered-runtime';
import { roundSummary, summarize, type Summary } from './stats';

export interface EvaluationBenchOptions {
  endpoint: string;
  /** Branches, 30 members each, evaluated at once. */
  branches: number;
  /** Staff requests in flight at once. */
  clients: number;
  /** Online rating submissions in flight at once. */
  raters: number;
  progress?: (line: string) => void;
}

export interface EvaluationBenchResult {
  branches: number;
  ratings: number;
  /** Evaluations published and completed. */
  completed: number;
  wallMs: number;
  ratingMs: Summary;
  perEvaluation: CaseUsage;
  executions: number;
  taskInvocationsByHandler: Record<string, number>;
  unusualLog: string[];
}

/**
 * The annual democratic evaluation of `branches` branches of 30 members at once (part 9) on the local runtime (the real
 * evaluation, approval and notice machines and handlers, DynamoDB Local): started by committee staff for all branches,
 * every member rating online with a one-time code (`raters` submissions at once), proposal, general meeting, approval by
 * mailed link, publication. Rating latencies are timed one by one; usage is counted per completed evaluation.
 */
export async function runEvaluationBench(options: EvaluationBenchOptions): Promise<EvaluationBenchResult> {
  let ratingMs: number[] = [];
  const { completed, wallMs, usage, ...counts } = await runMeteredBench(
    { endpoint: options.endpoint, name: 'evaluation', start: EVALUATION_START, seed: async (store) => {
      const world = await setUpEvaluationWorld(store, options.branches);
      options.progress?.(`evaluations: ${options.branches} branches seeded`);
      return world;
    } },
    async (metered) => {
      const driver = new EvaluationsDriver(metered.runtime, metered.clock, metered.mailer, metered.world, options.clients, options.raters, options.progress);
      await driver.allEvaluations();
      ratingMs = driver.ratingMs;
      return driver;
    },
    async (store, driver) => (await Promise.all(driver.evaluationIds.map((id) => getEvaluation(store, id)))).filter((e) => e?.status === 'completed').length,
  );
  return { branches: options.branches, ratings: ratingMs.length, completed, wallMs, ratingMs: roundSummary(summarize(ratingMs)), perEvaluation: usage, ...counts };
}

const fixed = (n: number) => n.toFixed(1);

/** The printed section of the benchmark. */
export function formatEvaluationBench(result: EvaluationBenchResult, cost: CaseCost, raters: number): string {
  const heading = `9. annual evaluations: ${result.branches} branches of ${MEMBERS_PER_BRANCH} members at once, online codes (${result.completed} published and completed, ${result.executions} executions, ${fixed(result.wallMs / 1000)} s)`;
  const rating = `   ${result.ratings} online rating submissions, ${raters} at once: p50 ${result.ratingMs.p50} ms, p99 ${result.ratingMs.p99} ms, max ${result.ratingMs.max} ms`;
  return [heading, rating, ...usageLines(result.perEvaluation, cost, 'evaluation')].join('\n');
}
