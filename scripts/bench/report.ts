import type { DurabilityBenchResult } from './durability-bench';
import type { FloorBenchResult } from './floor-bench';
import type { ObjectionBenchResult } from './objection-bench';
import type { RuntimeBenchResult } from './runtime-bench';
import { round, roundSummary, type Summary } from './stats';
import type { TransactionBaselineResult } from './transaction-baseline';

export interface BenchReport {
  environment: { node: string; cpus: number; startedAt: string; totalSeconds: number };
  runtime: RuntimeBenchResult;
  floor: FloorBenchResult;
  /** Floor executions/s ÷ runtime executions/s: wall time (wait included), and busy time (wait left out). */
  ratio: { wall: number; busy: number };
  durability: DurabilityBenchResult;
  objections: ObjectionBenchResult;
  /** Bare transactions at the objections' concurrency, measured right before them. */
  transactions: TransactionBaselineResult;
}

type Row = [label: string, value: string, note?: string];

const n = (value: number, digits = 1) => round(value, digits).toLocaleString('en-US', { maximumFractionDigits: digits });
const ms = (value: number, digits = 1) => `${n(value, digits)} ms`;
const dist = (s: Summary, unit = 'ms', digits = 1) => `p50 ${n(s.p50, digits)} / p99 ${n(s.p99, digits)} / max ${n(s.max, digits)} ${unit}`;
const counts = (record: Record<string, number>) => Object.entries(record).map(([key, count]) => `${key}: ${count}`).join(', ') || 'none';

const scale = (s: Summary, factor: number): Summary => ({
  count: s.count,
  min: s.min * factor,
  p50: s.p50 * factor,
  p99: s.p99 * factor,
  max: s.max * factor,
  mean: s.mean * factor,
});

function section(title: string, rows: Row[]): string {
  const width = Math.max(...rows.map(([label]) => label.length));
  const valueWidth = Math.max(...rows.map(([, value]) => value.length));
  const lines = rows.map(([label, value, note]) => `  ${label.padEnd(width)}  ${value.padEnd(valueWidth)}${note ? `  ${note}` : ''}`.trimEnd());
  return [title, ...lines].join('\n');
}

/** The plain-text table. */
export function formatReport(report: BenchReport): string {
  const { runtime: rt, floor, durability: du, objections: ob, transactions: tx } = report;
  const env = report.environment;
  return [
    `dangjian-flow bench · Node ${env.node} · ${env.cpus} CPUs · DynamoDB Local in memory · ${env.totalSeconds} s in all`,
    '',
    section(`1. Local runtime: ${rt.notices} notices of 5 working days, no objections, clock ×${n(rt.rate, 0)}`, [
      ['executions/s (wall)', n(rt.executionsPerSecond), `${rt.notices} in ${ms(rt.wallMs, 0)}, first start → last SUCCEEDED, the wait included`],
      ['executions/s (busy)', n(rt.busyExecutionsPerSecond), 'start phase + close phase only (the clock-bound wait left out)'],
      ['start phase', ms(rt.startPhaseMs, 0), 'all started and waiting for their end (clock held still meanwhile)'],
      ['wait', ms(rt.waitRealMs, 0), `${n(rt.waitVirtualMs / 86_400_000, 2)} virtual days at ×${n(rt.rate, 0)}: ${rt.publishedAt} → ${rt.endsAt}`],
      ['distinct end instants', String(rt.distinctEnds), 'all published at the same virtual instant, so all end together'],
      ['close phase', ms(rt.closePhaseMs, 0), 'end reached → last execution SUCCEEDED'],
      ['end reached → closed', dist(rt.endToClosedRealMs), 'real ms: (closedAt − endsAt) / rate'],
      ['  same, virtual time', dist(scale(rt.endToClosedVirtualMs, 1 / 3_600_000), 'h'), 'virtual hours: closedAt as stored, after the end'],
      ['end reached → SUCCEEDED', dist(rt.endToSucceededRealMs), 'real ms, as waitForExecution saw it'],
      ['executions', counts(rt.statuses)],
      ['notices (status/result)', counts(rt.noticeStatuses)],
      ['mails sent', String(rt.mailsSent)],
      ['runner log lines', String(rt.logLines), `of which not a transition (retries, faults): ${rt.unusualLog.length}`],
    ]),
    '',
    section(`2. Floor: the same ASL on bare aws-local-stepfunctions, tasks in memory, Wait → 0 ms, ${floor.notices} at once`, [
      ['executions/s', n(floor.executionsPerSecond), `median of ${floor.rounds} rounds: ${floor.roundsPerSecond.map((r) => n(r, 0)).join(', ')}`],
      ['per execution', dist(floor.executionMs), 'run() → result, median round'],
      ['results', counts(floor.results)],
      ['floor ÷ runtime (wall)', `${n(report.ratio.wall)}×`],
      ['floor ÷ runtime (busy)', `${n(report.ratio.busy)}×`],
    ]),
    '',
    section(`2b. Durability floor: ${du.executions} notices at once, tasks in memory, the end already past, median of ${du.rounds} rounds`, [
      ['floor', ms(du.floorMs, 0), `bare interpreter, then one PutItem per state entered (${du.statesPerExecution} per execution), one after another`],
      ['runner', ms(du.runnerMs, 0), 'LocalStepFunctions on DynamoDB Local, start → SUCCEEDED'],
      ['runner ÷ floor', `${n(du.ratio, 2)}×`, 'goal ≤ 2×'],
    ]),
    '',
    section(`3. Objections over HTTP: ${ob.clients} concurrent clients, ${ob.requests} POSTs on ${ob.openNotices} open notices (loopback)`, [
      ['latency', dist(ob.latencyMs), 'per request, sent → body read (node:http clients, kept-alive)'],
      ['bare transaction', dist(tx.latencyMs), `${tx.clients} clients × ${tx.requests / tx.clients} TransactWriteItems of two new items, no HTTP`],
      ['p99 ÷ bare p99', `${n(ob.latencyMs.p99 / tx.latencyMs.p99, 2)}×`, 'goal ≤ 3×'],
      ['requests/s', n(ob.requestsPerSecond), `${ob.requests} in ${ms(ob.wallMs, 0)}`],
      ['statuses', counts(ob.statuses), `not 2xx/3xx: ${ob.failed}`],
      ['objections stored', String(ob.objectionsStored), `expected ${ob.requests - ob.failed + ob.warmupRequests} (${ob.warmupRequests} warm-up requests included)`],
      ['server faults', counts(ob.serverErrors), `runner log lines not a transition: ${ob.unusualLog.length}`],
    ]),
  ].join('\n');
}

/** The final line: every figure, rounded, as JSON (unusual log lines reduced to their count). */
export function reportJson(report: BenchReport): string {
  const { runtime: rt, floor, durability: du, objections: ob, transactions: tx } = report;
  return JSON.stringify({
    environment: report.environment,
    runtime: {
      ...rt,
      unusualLog: rt.unusualLog.length,
      wallMs: round(rt.wallMs, 0),
      executionsPerSecond: round(rt.executionsPerSecond),
      busyExecutionsPerSecond: round(rt.busyExecutionsPerSecond),
      startPhaseMs: round(rt.startPhaseMs, 0),
      waitRealMs: round(rt.waitRealMs, 0),
      closePhaseMs: round(rt.closePhaseMs, 0),
      endToClosedRealMs: roundSummary(rt.endToClosedRealMs, 2),
      endToClosedVirtualMs: roundSummary(rt.endToClosedVirtualMs, 0),
      endToSucceededRealMs: roundSummary(rt.endToSucceededRealMs, 2),
    },
    floor: {
      ...floor,
      roundsPerSecond: floor.roundsPerSecond.map((r) => round(r)),
      executionsPerSecond: round(floor.executionsPerSecond),
      executionMs: roundSummary(floor.executionMs, 2),
    },
    ratio: { wall: round(report.ratio.wall, 2), busy: round(report.ratio.busy, 2) },
    durability: { ...du, floorMs: round(du.floorMs, 0), runnerMs: round(du.runnerMs, 0), ratio: round(du.ratio, 2) },
    transactions: { ...tx, latencyMs: roundSummary(tx.latencyMs, 2) },
    objections: {
      ...ob,
      unusualLog: ob.unusualLog.length,
      wallMs: round(ob.wallMs, 0),
      requestsPerSecond: round(ob.requestsPerSecond),
      latencyMs: roundSummary(ob.latencyMs, 2),
    },
  });
}
