// `npm run bench`: figures of the local runtime (it asserts nothing); `npm run bench -- scale`: the scale bench alone. See scripts/bench/README.md.
import '../infra/local/polyfills';
import { availableParallelism } from 'node:os';
import { synthesizeWorkflows } from '../infra/aws/asl';
import { formatAssessmentBench, runAssessmentBench } from './bench/assessment-bench';
import { costOf } from './bench/aws-prices';
import { formatDevelopmentBench, runDevelopmentBench } from './bench/development-bench';
import { formatElectionBench, runElectionBench } from './bench/election-bench';
import { runDurabilityBench } from './bench/durability-bench';
import { formatEvaluationBench, runEvaluationBench } from './bench/evaluation-bench';
import { runFloorBench } from './bench/floor-bench';
import { runObjectionBench } from './bench/objection-bench';
import { formatReport, reportJson, type BenchReport } from './bench/report';
import { formatRosterBench, rosterBenchJson, runRosterBench } from './bench/roster-bench';
import { runRuntimeBench } from './bench/runtime-bench';
import { runTransactionBaseline } from './bench/transaction-baseline';
import { withDynamoDbLocal } from './bench/with-dynamodb-local';
import { formatTallyBench, runTallyBench, tallyBenchJson } from './bench/tally-bench';
import { formatVotingMembersBench, runVotingMembersBench, votingMembersBenchJson, votingMembersWarnings } from './bench/voting-members-bench';

function setting(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number, got ${JSON.stringify(raw)}`);
  return value;
}

const settings = {
  notices: setting('BENCH_NOTICES', 500),
  warmupNotices: setting('BENCH_WARMUP_NOTICES', 50),
  rate: setting('BENCH_RATE', 200_000),
  floorRounds: setting('BENCH_FLOOR_ROUNDS', 5),
  clients: setting('BENCH_CLIENTS', 50),
  requestsPerClient: setting('BENCH_REQUESTS_PER_CLIENT', 20),
  openNotices: setting('BENCH_OPEN_NOTICES', 5),
  rosterPeople: setting('BENCH_ROSTER_PEOPLE', 5_000),
  votingPeople: setting('BENCH_VOTING_PEOPLE', 2_000),
  votingCalls: setting('BENCH_VOTING_CALLS', 200),
  developmentCases: setting('BENCH_DEVELOPMENT_CASES', 200),
  developmentClients: setting('BENCH_DEVELOPMENT_CLIENTS', 20),
  elections: setting('BENCH_ELECTIONS', 50),
  electionClients: setting('BENCH_ELECTION_CLIENTS', 20),
  evaluationBranches: setting('BENCH_EVALUATION_BRANCHES', 200),
  evaluationClients: setting('BENCH_EVALUATION_CLIENTS', 20),
  evaluationRaters: setting('BENCH_EVALUATION_RATERS', 50),
  assessmentOrganizations: setting('BENCH_ASSESSMENT_ORGANIZATIONS', 500),
  assessmentClients: setting('BENCH_ASSESSMENT_CLIENTS', 4),
  /** Wednesday 23 Sep 2026, 09:00 China time. */
  start: new Date(process.env.BENCH_CLOCK_START ?? '2026-09-23T01:00:00.000Z'),
  timeoutMs: setting('BENCH_TIMEOUT_SECONDS', 3600) * 1000,
};

/** `npm run bench -- assessment`: only part 10 (the target assessment), which also runs last in the full bench. */
const onlyAssessment = process.argv.slice(2).includes('assessment');

async function assessmentPart(endpoint: string) {
  progress(`10 target assessment: a committee of ${settings.assessmentOrganizations} branches through one monthly period…`);
  const assessment = await runAssessmentBench({ endpoint, organizations: settings.assessmentOrganizations, clients: settings.assessmentClients, boardCalls: 100 });
  const assessmentCost = costOf(assessment.perOrganizationPeriod);
  for (const line of assessment.unusualLog) progress(`assessment log: ${line}`);
  return { assessment, assessmentCost };
}

const progress = (line: string) => process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}\n`);

/** Part 9 (`npm run bench -- evaluation` runs it alone). */
async function evaluationPart(endpoint: string) {
  progress(`9 annual evaluations: ${settings.evaluationBranches} branches of 30 members, ${settings.evaluationRaters} raters at once…`);
  const evaluations = await runEvaluationBench({ endpoint, branches: settings.evaluationBranches, clients: settings.evaluationClients, raters: settings.evaluationRaters, progress });
  for (const line of evaluations.unusualLog) progress(`evaluation log: ${line}`);
  const cost = costOf(evaluations.perEvaluation);
  return { text: formatEvaluationBench(evaluations, cost, settings.evaluationRaters), json: { ...evaluations, costPerEvaluation: cost } };
}

async function main(): Promise<void> {
  const startedAt = new Date();
  await withDynamoDbLocal(async (endpoint) => {
    if (process.argv[2] === 'evaluation') {
      const part = await evaluationPart(endpoint);
      console.log(`\n${part.text}\n`);
      console.log(JSON.stringify({ evaluations: part.json }));
      return;
    }
    if (onlyAssessment) {
      const { assessment, assessmentCost } = await assessmentPart(endpoint);
      console.log(`\n${formatAssessmentBench(assessment, assessmentCost)}\n`);
      console.log(JSON.stringify({ assessment: { ...assessment, costPerOrganizationPeriod: assessmentCost } }));
      return;
    }
    const definition = synthesizeWorkflows().notice;

    // Untimed: DynamoDB Local's JVM and our code paths warm up, on a table of their own, with a clock fast enough to skip the wait.
    progress(`warm-up: ${settings.warmupNotices} notices…`);
    await runRuntimeBench({ endpoint, notices: settings.warmupNotices, rate: 10_000_000, start: settings.start });

    progress(`1/5 local runtime: ${settings.notices} notices, clock ×${settings.rate}…`);
    const runtime = await runRuntimeBench({ endpoint, notices: settings.notices, rate: settings.rate, start: settings.start });

    progress(`2/5 floor: bare aws-local-stepfunctions, ${settings.floorRounds} rounds of ${settings.notices}…`);
    const floor = await runFloorBench({ notices: settings.notices, rounds: settings.floorRounds, definition });

    progress(`2b durability floor: ${settings.notices} notices, ${settings.floorRounds} rounds of the floor and of the runner…`);
    const durability = await runDurabilityBench({ endpoint, executions: settings.notices, rounds: settings.floorRounds, definition });

    progress(`3/5 objections: ${settings.clients} clients × ${settings.requestsPerClient} bare transactions, then as many POSTs…`);
    const transactions = await runTransactionBaseline({ endpoint, clients: settings.clients, requestsPerClient: settings.requestsPerClient });
    const objections = await runObjectionBench({
      endpoint,
      openNotices: settings.openNotices,
      clients: settings.clients,
      requestsPerClient: settings.requestsPerClient,
      start: settings.start,
    });

    progress(`4/5 roster: ${settings.rosterPeople} people, preview and import (after a 300-person warm-up)…`);
    await runRosterBench({ endpoint, people: 300 });
    const roster = await runRosterBench({ endpoint, people: settings.rosterPeople });

    progress(`5/5 voting members: a committee of ${settings.votingPeople} people, ${settings.votingCalls} calls (after 10 warm-up), then one branch…`);
    const voting = await runVotingMembersBench({ endpoint, people: settings.votingPeople, calls: settings.votingCalls });
    for (const warning of votingMembersWarnings(voting)) progress(`voting members: WARNING ${warning}`);

    progress('6 election tally: 10,000 ballots, 15 candidates, 9 seats through tallyRound, against a bare counting loop…');
    const tally = runTallyBench();

    progress(`7 member development: ${settings.developmentCases} cases through all five stages…`);
    const development = await runDevelopmentBench({ endpoint, cases: settings.developmentCases, clients: settings.developmentClients });
    const developmentCost = costOf(development.perCase);
    for (const line of development.unusualLog) progress(`development log: ${line}`);

    progress(`8 branch elections: ${settings.elections} 公推直选 elections through all six steps…`);
    const elections = await runElectionBench({ endpoint, elections: settings.elections, clients: settings.electionClients });
    const electionCost = costOf(elections.perElection);
    for (const line of elections.unusualLog) progress(`election log: ${line}`);

    const evaluations = await evaluationPart(endpoint);
    const { assessment, assessmentCost } = await assessmentPart(endpoint);

    const report: BenchReport = {
      environment: {
        node: process.version,
        cpus: availableParallelism(),
        startedAt: startedAt.toISOString(),
        totalSeconds: Math.round((Date.now() - startedAt.getTime()) / 1000),
      },
      runtime,
      floor,
      ratio: {
        wall: floor.executionsPerSecond / runtime.executionsPerSecond,
        busy: floor.executionsPerSecond / runtime.busyExecutionsPerSecond,
      },
      durability,
      objections,
      transactions,
    };
    for (const [part, lines] of [['runtime', runtime.unusualLog], ['objections', objections.unusualLog]] as const) {
      for (const line of lines.slice(0, 10)) progress(`${part} log: ${line}`);
    }
    console.log(`\n${formatReport(report)}\n\n${formatRosterBench(roster)}\n\n${formatVotingMembersBench(voting)}\n\n${formatTallyBench(tally)}\n\n${formatDevelopmentBench(development, developmentCost)}\n\n${formatElectionBench(elections, electionCost)}\n\n${evaluations.text}\n\n${formatAssessmentBench(assessment, assessmentCost)}\n`);
    console.log(JSON.stringify({ ...JSON.parse(reportJson(report)), roster: rosterBenchJson(roster), votingMembers: votingMembersBenchJson(voting), tally: tallyBenchJson(tally), development: { ...development, costPerCase: developmentCost }, elections: { ...elections, costPerElection: electionCost }, evaluations: evaluations.json, assessment: { ...assessment, costPerOrganizationPeriod: assessmentCost } }));
  }, { progress, timeoutMs: settings.timeoutMs });
}

// `npm run bench -- scale` runs only the scale bench (long; not part of the default run).
const run = process.argv[2] === 'scale' ? () => import('./bench/scale/main').then((scale) => scale.runScaleMain()) : main;
run().catch((error: unknown) => {
  console.error('bench failed:', error instanceof Error ? (error.stack ?? error.message) : error);
  process.exitCode = 1;
});
