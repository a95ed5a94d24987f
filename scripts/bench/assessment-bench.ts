import { DEFAULT_ADJUSTMENTS, DEFAULT_INDICATORS, DEFAULT_SETTINGS } from '../../shared/domain/assessment';
import type { Actor } from '../../shared/services/actor';
import { assessmentBoard, circularNoticeId, openDueAssessmentPeriods, reviewAssessmentReport, submitAssessmentReport } from '../../shared/services/assessment';
import { getNotice } from '../../shared/store/notices-repo';
import { getMarker, listBoardReports, putNewScheme } from '../../shared/store/assessment-repo';
import type { Store } from '../../shared/store/store';
import { transactWrite } from '../../shared/store/transact';
import { assessmentBoardPage } from '../../shared/ui/pages/assessment-board';
import { usageLines, type CaseCost, type CaseUsage } from './aws-prices';
import { benchOrg, putBenchOrg } from './bench-registry';
import { runMeteredBench } from './metered-runtime';
import { mapLimit, percentile, round } from './stats';

export interface AssessmentBenchOptions {
  endpoint: string;
  /** Branches the committee assesses. */
  organizations: number;
  /** Submissions in flight at once (staff at their forms). */
  clients: number;
  /** Board renderings timed after the period (service + page, no HTTP edge). */
  boardCalls: number;
}

export interface AssessmentBenchResult {
  organizations: number;
  /** Reports scored (organization-periods completed). */
  completed: number;
  circularPublished: boolean;
  wallMs: number;
  perOrganizationPeriod: CaseUsage;
  executions: number;
  taskInvocationsByHandler: Record<string, number>;
  board: { calls: number; p50Ms: number; p99Ms: number; bytes: number };
  unusualLog: string[];
}

const MONTHLY = DEFAULT_INDICATORS.filter((i) => i.frequency === 'monthly');
const committeeStaff: Actor = { id: 'bench-staff', displayName: '考核组织员', role: 'committee-staff', orgId: 'bench-c', scopeOrgIds: ['bench-c'] };
const REPORT_FORM = {
  value_I01: '3', text_I01: '召开支委会、党员大会、党课各一次', value_I02: 'done', text_I02: '主题党日已开展', value_I10: '2', text_I10: '集中学习 2 次',
};

async function seed(store: Store, organizations: number): Promise<{ orgIds: string[] }> {
  await putBenchOrg(store, benchOrg({ id: 'bench-c', kind: 'committee', name: '机关党委' }));
  const orgIds = Array.from({ length: organizations }, (_, i) => `bench-b${i}`);
  await mapLimit(orgIds, 20, (id, i) => putBenchOrg(store, benchOrg({ id, kind: 'branch', name: `第${i + 1}党支部`, parentId: 'bench-c' })));
  await transactWrite(store, [putNewScheme(store, {
    committeeId: 'bench-c', year: 2026, version: 1, status: 'published', appliesFrom: '2026-M01', indicators: MONTHLY, adjustments: DEFAULT_ADJUSTMENTS, settings: DEFAULT_SETTINGS,
  })]);
  return { orgIds };
}

/**
 * One committee with `organizations` branches through January 2026 (A5–A18) on the local runtime: the tick opens the
 * period (one execution per branch), every branch reports (one in ten a day late), the committee scores every report,
 * and the circular goes out as an internal notice to every branch. Usage per organization-period; then the board at
 * that size rendered `boardCalls` times (the service's reads and the page's HTML, without the HTTP edge).
 */
export async function runAssessmentBench(options: AssessmentBenchOptions): Promise<AssessmentBenchResult> {
  let circularPublished = false;
  let board = { calls: 0, p50Ms: Number.NaN, p99Ms: Number.NaN, bytes: 0 };
  const run = await runMeteredBench(
    { endpoint: options.endpoint, name: 'assessment', start: '2025-12-31T16:00:00.000Z', seed: (store) => seed(store, options.organizations) },
    async (metered) => {
      const { runtime, clock, world } = metered;
      await openDueAssessmentPeriods(runtime.deps);
      await runtime.stepFunctions.settled();
      const submit = (orgIds: string[]) => mapLimit(orgIds, options.clients, (orgId) => submitAssessmentReport(runtime.deps, { ...committeeStaff, id: `staff-${orgId}`, role: 'branch-staff', orgId, scopeOrgIds: [orgId] }, { committeeId: 'bench-c', periodKey: '2026-M01', orgId }, REPORT_FORM));
      const late = world.orgIds.filter((_, i) => i % 10 === 9);
      clock.set('2026-02-02T01:00:00.000Z');
      await submit(world.orgIds.filter((_, i) => i % 10 !== 9));
      clock.set('2026-02-09T01:00:00.000Z'); // a working day after the due date (6 February)
      await submit(late);
      await runtime.stepFunctions.settled();
      const scores = { decision: 'score', score_I01: '6', score_I02: '4', score_I10: '6' };
      await mapLimit(world.orgIds, options.clients, (orgId) => reviewAssessmentReport(runtime.deps, committeeStaff, { committeeId: 'bench-c', periodKey: '2026-M01', orgId }, scores));
      await runtime.stepFunctions.settled();
      // Published: the marker, and the notice itself (a notice the notice workflow refused leaves the marker alone).
      const lastOrg = world.orgIds.at(-1)!;
      circularPublished = Boolean(await getMarker(metered.store, 'bench-c', 2026, 'CIRCULAR#2026-M01'))
        && (await getNotice(metered.store, circularNoticeId('bench-c', '2026-M01', lastOrg)))?.status === 'open';
      const times: number[] = [];
      for (let i = 0; i < options.boardCalls; i += 1) {
        const t0 = performance.now();
        const page = String(assessmentBoardPage(await assessmentBoard(runtime.deps, committeeStaff, 'bench-c', 2026), { displayName: '考核组织员', role: 'committee-staff', csrfToken: 'x' }, { sort: 'total', canEditScheme: false }));
        times.push(performance.now() - t0);
        board = { ...board, bytes: page.length };
      }
      board = { calls: times.length, p50Ms: round(percentile(times, 50)), p99Ms: round(percentile(times, 99)), bytes: board.bytes };
      return { httpRequests: world.orgIds.length * 2 };
    },
    async (store) => (await listBoardReports(store, 'bench-c', 2026, '2026-M01')).filter((r) => r.status === 'scored').length,
  );
  return {
    organizations: options.organizations, completed: run.completed, circularPublished, wallMs: run.wallMs, perOrganizationPeriod: run.usage,
    executions: run.executions, taskInvocationsByHandler: run.taskInvocationsByHandler, board, unusualLog: run.unusualLog,
  };
}

/** The printed section of the benchmark. */
export function formatAssessmentBench(result: AssessmentBenchResult, cost: CaseCost): string {
  const heading = `9. target assessment: one committee, ${result.organizations} branches through one monthly period (open, report, review, circular): `
    + `${result.completed} reports scored, circular ${result.circularPublished ? 'published' : 'NOT published'}, ${result.executions} executions, ${(result.wallMs / 1000).toFixed(1)} s`;
  const boardLine = `   board page at ${result.organizations} organizations (service + HTML, ${result.board.calls} calls): p50 ${result.board.p50Ms} ms, p99 ${result.board.p99Ms} ms, ${Math.round(result.board.bytes / 1024)} KB`;
  return [heading, ...usageLines(result.perOrganizationPeriod, cost, 'organization-period'), boardLine].join('\n');
}
