import { formatReport, reportJson, type BenchReport } from '../../../scripts/bench/report';
import { summarize } from '../../../scripts/bench/stats';

const report: BenchReport = {
  environment: { node: 'v20.0.0', cpus: 2, startedAt: '2026-01-01T00:00:00.000Z', totalSeconds: 30 },
  runtime: {
    notices: 500, rate: 200_000, wallMs: 14_000, executionsPerSecond: 35.71, startPhaseMs: 5_700, waitVirtualMs: 658_799_000,
    publishedAt: '2026-09-23T01:00:00.000Z', endsAt: '2026-09-30T23:59:59+08:00', waitRealMs: 3_294, closePhaseMs: 5_000,
    busyExecutionsPerSecond: 46.3, distinctEnds: 1, statuses: { SUCCEEDED: 500 }, noticeStatuses: { 'closed/proceed': 500 },
    endToClosedRealMs: summarize([1000, 1400, 1700]), endToClosedVirtualMs: summarize([2e8, 2.8e8, 3.4e8]),
    endToSucceededRealMs: summarize([4500, 4900, 5100]), mailsSent: 0, logLines: 3000, unusualLog: ['[sfn] x: retrying'],
  },
  floor: { notices: 500, rounds: 3, roundsPerSecond: [9000, 9300, 9400], executionsPerSecond: 9300, executionMs: summarize([40, 48, 53]), results: { proceed: 1500 } },
  ratio: { wall: 9300 / 35.71, busy: 9300 / 46.3 },
  durability: { executions: 500, rounds: 5, statesPerExecution: 6, floorMs: 3_000, runnerMs: 4_500, ratio: 1.5 },
  transactions: { clients: 50, requests: 1000, latencyMs: summarize([5, 150, 400]) },
  objections: {
    clients: 50, requests: 1000, openNotices: 5, wallMs: 4_600, requestsPerSecond: 217.4, latencyMs: summarize([6, 163, 1254]),
    statuses: { 303: 998, 500: 2 }, failed: 2, objectionsStored: 1008, warmupRequests: 10, serverErrors: { TransactionCanceledException: 2 },
    logLines: 5, unusualLog: [],
  },
};

test('the table names every figure the issue asks for', () => {
  const text = formatReport(report);
  expect(text).toContain('executions/s (wall)      35.7');
  expect(text).toContain('end reached → closed');
  expect(text).toContain('p50 1,400 / p99 1,700 / max 1,700 ms');
  expect(text).toContain('floor ÷ runtime (wall)  260.4×');
  expect(text).toContain('p50 163 / p99 1,254 / max 1,254 ms');
  expect(text).toContain('not 2xx/3xx: 2');
  expect(text).toContain('TransactionCanceledException: 2');
  expect(text).toMatch(/runner ÷ floor +1\.5×/);
  expect(text).toContain('p99 ÷ bare p99');
  expect(text).toContain('3.14×');
});

test('the JSON line is one line of rounded figures', () => {
  const line = reportJson(report);
  expect(line).not.toContain('\n');
  const parsed = JSON.parse(line);
  expect(parsed.runtime.executionsPerSecond).toBe(35.7);
  expect(parsed.runtime.unusualLog).toBe(1);
  expect(parsed.ratio).toEqual({ wall: 260.43, busy: 200.86 });
  expect(parsed.objections.latencyMs.p99).toBe(1254);
  expect(parsed.objections.failed).toBe(2);
  expect(parsed.durability.ratio).toBe(1.5);
  expect(parsed.transactions.latencyMs.p99).toBe(400);
});
