import { createPublicSite } from '../../functions/http/public-site';
import { VirtualClock } from '../../infra/local/clock';
import { startHttpServer } from '../../infra/local/server';
import { NoticeState } from '../../workflows/notice/notice-states';
import { startNoticeProcess } from '../../shared/services/notice';
import { withObjectionsSoFar } from '../../shared/store/notice-gates-repo';
import { getNotice } from '../../shared/store/notices-repo';
import { noticeExecutionArn, openBenchRuntime, unusualLogLines } from './bench-runtime';
import { benchDraft } from './drafts';
import { runHttpClients } from './http-clients';
import { summarize, tally, type Summary } from './stats';

export interface ObjectionBenchOptions {
  endpoint: string;
  /** Open notices the clients file against (client i files against notice i mod openNotices). */
  openNotices: number;
  clients: number;
  requestsPerClient: number;
  /** Virtual time of publication; the clock then runs at rate 1, so the notices stay open. */
  start: Date;
}

export interface ObjectionBenchResult {
  clients: number;
  requests: number;
  openNotices: number;
  wallMs: number;
  requestsPerSecond: number;
  /** Per request, sent → body read (real ms). */
  latencyMs: Summary;
  statuses: Record<string, number>;
  /** Answers other than 2xx/3xx. */
  failed: number;
  /** Objections counted on the notices afterwards (warm-up requests included). */
  objectionsStored: number;
  warmupRequests: number;
  /** Server faults the site logged, by error name. */
  serverErrors: Record<string, number>;
  /** Lines the runner logged (one per transition), and those that were not transitions (retries, faults). */
  logLines: number;
  unusualLog: string[];
}

const OK = (status: number) => status >= 200 && status < 400;

/**
 * Objections over HTTP: the public site on the local server (loopback), a handful of open notices of a
 * running local runtime, `clients` concurrent clients (in a worker thread, runHttpClients) each POSTing `requestsPerClient`
 * urlencoded forms in turn.
 */
export async function runObjectionBench(options: ObjectionBenchOptions): Promise<ObjectionBenchResult> {
  const clock = new VirtualClock({ start: options.start, rate: 1 });
  const bench = await openBenchRuntime(options.endpoint, clock);
  const serverErrors: string[] = [];
  const server = await startHttpServer({
    port: 0,
    host: '127.0.0.1',
    handlers: {
      'http-public': createPublicSite(bench.runtime.deps, { log: (entry) => serverErrors.push(errorName(entry)) }),
      'http-staff': async () => ({ statusCode: 404, body: 'not part of the benchmark' }),
    },
  });
  try {
    const run = Date.now().toString(36);
    const drafts = Array.from({ length: options.openNotices }, (_, index) => benchDraft(`obj-${run}`, index));
    for (const draft of drafts) await startNoticeProcess(bench.runtime.deps, draft);
    for (const draft of drafts) await untilWaiting(bench.runtime.stepFunctions, noticeExecutionArn(draft.id));

    const objection = (noticeId: string, client: number, request: number) => ({
      url: `${server.url}/notices/${encodeURIComponent(noticeId)}/objections`,
      body: new URLSearchParams({
        content: `基准测试异议：客户端 ${client} 第 ${request} 条，请核实该同志的工作表现。`,
        name: request % 2 === 0 ? `群众${client}` : '',
        contact: request % 3 === 0 ? `1390000${String(client).padStart(4, '0')}` : '',
      }).toString(),
    });

    const warmupRequests = Math.min(10, options.clients);
    await runHttpClients({ requests: Array.from({ length: warmupRequests }, (_, i) => [objection(drafts[i % drafts.length].id, -1, i)]) });

    const t0 = performance.now();
    const perClient = await runHttpClients({
      requests: Array.from({ length: options.clients }, (_, client) =>
        Array.from({ length: options.requestsPerClient }, (_, request) => objection(drafts[client % drafts.length].id, client, request))),
    });
    const wallMs = performance.now() - t0;
    const answers = perClient.flat();
    const notices = await Promise.all(drafts.map(async (draft) => {
      const notice = await getNotice(bench.store, draft.id);
      return notice && withObjectionsSoFar(bench.store, notice);
    }));
    return {
      clients: options.clients,
      requests: answers.length,
      openNotices: options.openNotices,
      wallMs,
      requestsPerSecond: (answers.length / wallMs) * 1000,
      latencyMs: summarize(answers.map((a) => a.ms)),
      statuses: tally(answers.map((a) => a.status)),
      failed: answers.filter((a) => !OK(a.status)).length,
      objectionsStored: notices.reduce((sum, notice) => sum + (notice?.objectionCount ?? 0), 0),
      warmupRequests,
      serverErrors: tally(serverErrors),
      logLines: bench.log.length,
      unusualLog: unusualLogLines(bench.log),
    };
  } finally {
    await server.close();
    await bench.stop();
  }
}

function errorName(entry: Record<string, unknown>): string {
  const error = entry.error as { name?: unknown } | undefined;
  return typeof error?.name === 'string' ? error.name : 'unknown';
}

async function untilWaiting(
  stepFunctions: { describeExecution(arn: string): Promise<{ status: string; currentState?: string }> },
  executionArn: string,
): Promise<void> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const description = await stepFunctions.describeExecution(executionArn);
    if (description.status === 'RUNNING' && description.currentState === NoticeState.waitForEnd) return;
    if (description.status !== 'RUNNING') throw new Error(`${executionArn} ended (${description.status}) before the objections`);
    if (Date.now() > deadline) throw new Error(`${executionArn} did not reach ${NoticeState.waitForEnd} within 30 s`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
