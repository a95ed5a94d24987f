import { VirtualClock } from '../../infra/local/clock';
import { startNoticeProcess } from '../../shared/services/notice';
import { getNotice } from '../../shared/store/notices-repo';
import { noticeExecutionArn, openBenchRuntime, unusualLogLines } from './bench-runtime';
import { benchDraft } from './drafts';
import { mapLimit, summarize, tally, type Summary } from './stats';

export interface RuntimeBenchOptions {
  endpoint: string;
  notices: number;
  /** Virtual ms per real ms once every notice waits for its end. */
  rate: number;
  /** Virtual time at which every notice is published. */
  start: Date;
}

export interface RuntimeBenchResult {
  notices: number;
  rate: number;
  /** First start → every execution left RUNNING (real ms). */
  wallMs: number;
  executionsPerSecond: number;
  /** First start → every execution is waiting for its end (clock held still meanwhile). */
  startPhaseMs: number;
  /** The virtual wait from publication to the end, and the real time it took at `rate`. */
  waitVirtualMs: number;
  /** Virtual publication instant and the (earliest) end, as stored on the notices. */
  publishedAt: string;
  endsAt: string;
  waitRealMs: number;
  /** The end reached (real instant) → the last execution SUCCEEDED. */
  closePhaseMs: number;
  /** Executions per second of work, the clock-bound wait left out: notices / (start phase + close phase). */
  busyExecutionsPerSecond: number;
  distinctEnds: number;
  statuses: Record<string, number>;
  noticeStatuses: Record<string, number>;
  /** End reached → `closedAt` written by CloseNotice, in real ms ((closedAt − endsAt) / rate). */
  endToClosedRealMs: Summary;
  /** The same in virtual ms. */
  endToClosedVirtualMs: Summary;
  /** End reached → the execution observed SUCCEEDED (real ms). */
  endToSucceededRealMs: Summary;
  mailsSent: number;
  /** Lines the runner logged (one per transition), and those that were not transitions (retries, faults). */
  logLines: number;
  unusualLog: string[];
}

/**
 * 500 notice processes through the local runtime (DynamoDB Local, the durable runner, the real task handlers):
 * all published at the same virtual instant with the clock held still, so all end at the same instant
 * (notices always end at 23:59:59 China time, so a burst of ends is the ordinary case); then the clock runs at `rate`.
 */
export async function runRuntimeBench(options: RuntimeBenchOptions): Promise<RuntimeBenchResult> {
  const clock = new VirtualClock({ start: options.start, rate: 0 });
  const bench = await openBenchRuntime(options.endpoint, clock);
  try {
    const { runtime } = bench;
    const run = Date.now().toString(36);
    const drafts = Array.from({ length: options.notices }, (_, index) => benchDraft(run, index));

    const t0 = Date.now();
    const started = drafts.map((draft) => startNoticeProcess(runtime.deps, draft));
    // The clock is still: nothing can finish before every execution is watched.
    const finished = drafts.map(async (draft, index) => {
      await started[index];
      const description = await runtime.stepFunctions.waitForExecution(noticeExecutionArn(draft.id));
      return { status: description.status, doneAt: Date.now() };
    });
    for (const promise of finished) promise.catch(() => {}); // a failed start is reported by Promise.all(started)
    await Promise.all(started);
    await runtime.stepFunctions.settled();
    const startPhaseMs = Date.now() - t0;
    clock.setRate(options.rate);
    const anchor = clock.state();
    const realAt = (virtualMs: number) => anchor.anchorReal.getTime() + (virtualMs - anchor.anchorVirtual.getTime()) / options.rate;

    const done = await Promise.all(finished);
    const tEnd = Math.max(...done.map((d) => d.doneAt));
    const notices = await mapLimit(drafts, 20, (draft) => getNotice(bench.store, draft.id));

    const endsAtMs = notices.flatMap((n) => (n ? [n.endsAtMs] : []));
    const firstEndMs = Math.min(...endsAtMs);
    const lateVirtual = notices.flatMap((n) => (n?.closedAt ? [Date.parse(n.closedAt) - n.endsAtMs] : []));
    const lateSucceeded = done.flatMap((d, i) => {
      const notice = notices[i];
      return notice && d.status === 'SUCCEEDED' ? [d.doneAt - realAt(notice.endsAtMs)] : [];
    });
    const wallMs = tEnd - t0;
    const closePhaseMs = tEnd - realAt(firstEndMs);
    return {
      notices: options.notices,
      rate: options.rate,
      wallMs,
      executionsPerSecond: (options.notices / wallMs) * 1000,
      startPhaseMs,
      waitVirtualMs: firstEndMs - options.start.getTime(),
      publishedAt: notices.find((n) => n)?.publishedAt ?? '',
      endsAt: notices.find((n) => n?.endsAtMs === firstEndMs)?.endsAt ?? '',
      waitRealMs: (firstEndMs - options.start.getTime()) / options.rate,
      closePhaseMs,
      busyExecutionsPerSecond: (options.notices / (startPhaseMs + closePhaseMs)) * 1000,
      distinctEnds: new Set(endsAtMs).size,
      statuses: tally(done.map((d) => d.status)),
      noticeStatuses: tally(notices.map((n) => (n ? `${n.status}/${n.result ?? '-'}` : 'missing'))),
      endToClosedRealMs: summarize(lateVirtual.map((ms) => ms / options.rate)),
      endToClosedVirtualMs: summarize(lateVirtual),
      endToSucceededRealMs: summarize(lateSucceeded),
      mailsSent: bench.mailer.sent.length,
      logLines: bench.log.length,
      unusualLog: unusualLogLines(bench.log),
    };
  } finally {
    await bench.stop();
  }
}
