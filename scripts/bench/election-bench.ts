import { getElection } from '../../shared/store/elections-repo';
import { usageLines, type CaseCost, type CaseUsage } from './aws-prices';
import { ELECTION_START, ElectionsDriver } from './election-driver';
import { setUpElectionWorld } from './election-world';
import { runMeteredBench } from './metered-runtime';

export interface ElectionBenchOptions {
  endpoint: string;
  /** Elections, one per branch of 15 members. */
  elections: number;
  /** Requests the driver has in flight at once (staff at their forms). */
  clients: number;
}

export interface ElectionBenchResult {
  elections: number;
  /** Elections whose results were approved and recorded in the registry. */
  completed: number;
  wallMs: number;
  perElection: CaseUsage;
  executions: number;
  taskInvocationsByHandler: Record<string, number>;
  unusualLog: string[];
}

/**
 * `elections` 公推直选 elections (one per branch) driven at once through all six steps on the local runtime (the
 * real election, notice and approval machines and handlers, DynamoDB Local), on a hand-moved clock: every election
 * takes each step, then time jumps to the next date (the approvals, the meetings, the end of the candidate notices).
 * Each has three approvals by mailed link, an internal announcement, one candidate-list notice and four voting rounds
 * (a tie at the last seat and its re-vote, the secretary, the deputy). Counts per completed election as part 7 does.
 */
export async function runElectionBench(options: ElectionBenchOptions): Promise<ElectionBenchResult> {
  const { completed, wallMs, usage, ...counts } = await runMeteredBench(
    { endpoint: options.endpoint, name: 'election', start: ELECTION_START, seed: (store) => setUpElectionWorld(store, options.elections) },
    async (metered) => {
      const driver = new ElectionsDriver(metered.runtime, metered.clock, metered.mailer, metered.world, options.clients);
      await driver.allElections();
      return driver;
    },
    async (store, driver) => (await Promise.all(driver.electionIds.map((id) => getElection(store, id)))).filter((e) => e?.status === 'completed').length,
  );
  return { elections: options.elections, completed, wallMs, perElection: usage, ...counts };
}

const fixed = (n: number) => n.toFixed(1);

/** The printed section of the benchmark. */
export function formatElectionBench(result: ElectionBenchResult, cost: CaseCost): string {
  const heading =
    `8. branch elections: ${result.elections} 公推直选 elections at once through all six steps, one re-vote each (${result.completed} results approved and recorded, ${result.executions} executions, ${fixed(result.wallMs / 1000)} s)`;
  return [heading, ...usageLines(result.perElection, cost, 'election')].join('\n');
}
