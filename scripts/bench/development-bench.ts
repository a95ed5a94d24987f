import { getCase } from '../../shared/store/cases-repo';
import { usageLines, type CaseCost, type CaseUsage } from './aws-prices';
import { DevelopmentDriver } from './development-driver';
import { setUpDevelopmentWorld } from './development-world';
import { runMeteredBench } from './metered-runtime';

export interface DevelopmentBenchOptions {
  endpoint: string;
  cases: number;
  /** Requests the driver has in flight at once (staff at their forms). */
  clients: number;
}

export interface DevelopmentBenchResult {
  cases: number;
  completed: number;
  wallMs: number;
  perCase: CaseUsage;
  executions: number;
  taskInvocationsByHandler: Record<string, number>;
  unusualLog: string[];
}

const START = '2026-01-05T02:00:00.000Z';

/**
 * `cases` development cases driven at once through all five stages on the local runtime (the real stage, notice and
 * approval machines and handlers, DynamoDB Local), on a hand-moved clock: every case takes each step, then time jumps
 * to the next date (notice ends, the cultivation year, the probation year). Counts, per completed case, the state
 * transitions, the task handler invocations, the HTTP requests the staff and approvers would send (each one Lambda
 * invocation in AWS), and the DynamoDB units of the application's requests (the local runner's own records, which
 * Step Functions keeps in AWS, go through a store handle of their own and are not counted).
 */
export async function runDevelopmentBench(options: DevelopmentBenchOptions): Promise<DevelopmentBenchResult> {
  const { completed, wallMs, usage, ...counts } = await runMeteredBench(
    { endpoint: options.endpoint, name: 'development', start: START, seed: (store) => setUpDevelopmentWorld(store, options.cases) },
    async (metered) => {
      const driver = new DevelopmentDriver(metered.runtime, metered.clock, metered.mailer, metered.world, options.clients);
      await driver.allCases();
      return driver;
    },
    async (store, driver) => (await Promise.all(driver.caseIds.map((id) => getCase(store, id)))).filter((c) => c?.status === 'full-member').length,
  );
  return { cases: options.cases, completed, wallMs, perCase: usage, ...counts };
}

const fixed = (n: number) => n.toFixed(1);

/** The printed section of the benchmark. */
export function formatDevelopmentBench(result: DevelopmentBenchResult, cost: CaseCost): string {
  const heading =
    `7. member development: ${result.cases} cases at once through all five stages (${result.completed} reached full membership, ${result.executions} executions, ${fixed(result.wallMs / 1000)} s)`;
  return [heading, ...usageLines(result.perCase, cost, 'case')].join('\n');
}
