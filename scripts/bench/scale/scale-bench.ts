import { randomUUID } from 'node:crypto';
import { createApprovalSite } from '../../../functions/http/approval-site';
import { createStaffSite } from '../../../functions/http/staff-site';
import { ManualClock } from '../../../infra/local/manual-clock';
import { createLocalAuthenticator, hashPassword } from '../../../shared/services/auth';
import type { ServiceDeps } from '../../../shared/services/deps';
import { runScheduledWork } from '../../../shared/services/scheduled/tick';
import { createStore, ensureTable, type Store } from '../../../shared/store/store';
import { meterStore } from '../capacity-meter';
import { summarize, tally, type Summary } from '../stats';
import { generateProvince } from './generate-province';
import { pageKinds, type PageKind, type Viewer } from './scale-pages';
import { organizationsOf, type ProvinceSize } from './province-size';
import { StaffClient, type StaffSites } from './staff-client';

/**
 * One province measured: generated on a fresh table, then every staff page kind through the real site handlers
 * (signed in as committee staff), single-user and with `clients` staff at once, with the read units of each request
 * (ConsumedCapacity), then two scheduler ticks: the first after the generation (it runs the due index's one-time
 * backfills), and the second five minutes later (steady state: only what is due).
 */
export interface ScaleBenchOptions {
  endpoint: string;
  size: ProvinceSize;
  viewer: Viewer;
  now: Date;
  clients: number;
  /** Sequential requests per page kind (single-user). */
  requests: number;
  /** Requests per client per page kind (concurrent). */
  requestsPerClient: number;
  /** Time a page kind may take in each mode before no more requests are started. */
  pageBudgetMs: number;
  /** A request taking longer counts as timed out; the page kind is not measured further. */
  requestTimeoutMs: number;
  progress?: (line: string) => void;
}

export interface PageFigures {
  key: string;
  label: string;
  /** Why it was not measured or stopped: no such page, a timeout, a status other than 200. */
  problem?: string;
  statuses: Record<string, number>;
  single: Summary;
  /** Read units and DynamoDB requests of one request (mean, single-user). */
  readUnits: number;
  dbRequests: number;
  concurrent: Summary;
  /** Read units per request at `clients` at once (the total over the requests). */
  concurrentReadUnits: number;
}

export interface TickFigures {
  ms: number;
  readUnits: number;
  writeUnits: number;
  dbRequests: number;
  error?: string;
}

export interface ScaleBenchResult {
  organizations: number;
  size: ProvinceSize;
  viewer: Viewer;
  items: number;
  generateSeconds: number;
  pages: PageFigures[];
  /** The first tick after the generation, with the due index's one-time backfills. */
  tick: TickFigures;
  /** The next tick, five minutes later (the scheduler's interval): what every tick costs once the backfills are done. */
  steadyTick: TickFigures;
}

export const BENCH_PASSWORD = 'bench-scale-2026';

class TimedOut extends Error {}

/**
 * Requests given up on still run (a handler cannot be cancelled): they are kept here and waited for before the next
 * page kind, so that their reads count neither in its read units nor in its times.
 */
const abandoned: Promise<unknown>[] = [];

async function withTimeout<T>(run: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const settled = run.catch(() => undefined);
  abandoned.push(settled);
  const timeout = new Promise<never>((_, reject) => { timer = setTimeout(() => reject(new TimedOut(`over ${ms / 1000} s`)), ms); });
  try {
    const value = await Promise.race([run, timeout]);
    abandoned.splice(abandoned.indexOf(settled), 1);
    return value;
  } finally {
    clearTimeout(timer);
  }
}

/** Waits for the requests given up on (see `abandoned`). */
async function drainAbandoned(): Promise<void> {
  while (abandoned.length > 0) await Promise.allSettled(abandoned.splice(0));
}

function benchDeps(store: Store, now: Date): ServiceDeps & { clock: ManualClock; authenticator: ReturnType<typeof createLocalAuthenticator> } {
  return {
    store, clock: new ManualClock(now.toISOString()), newId: randomUUID, publicBaseUrl: 'http://localhost', authenticator: createLocalAuthenticator(store),
    workflow: { startExecution: async () => ({ executionArn: 'bench' }), sendTaskSuccess: async () => {}, sendTaskFailure: async () => {}, stopExecution: async () => {}, executionArnOf: () => 'bench' },
    mailer: { send: async () => {} },
  };
}

/** Generates the province on a fresh table and signs the staff in; answers what the measurements need. */
export async function prepareProvince(endpoint: string, size: ProvinceSize, options: { now: Date; clients: number; progress?: (line: string) => void }) {
  const store = createStore({ tableName: `bench-scale-${randomUUID()}`, endpoint });
  await ensureTable(store);
  const province = await generateProvince(store, size, { now: options.now, passwordHash: await hashPassword(BENCH_PASSWORD), staffAccounts: options.clients, progress: options.progress });
  const meter = meterStore(store);
  const deps = benchDeps(store, options.now);
  const sites: StaffSites = { staff: createStaffSite(deps), approval: createApprovalSite(deps) };
  return { store, province, meter, deps, sites };
}

export async function signedInClients(sites: StaffSites, usernames: readonly string[]): Promise<StaffClient[]> {
  return Promise.all(usernames.map(async (username) => {
    const client = new StaffClient(sites);
    await client.signIn(username, BENCH_PASSWORD);
    return client;
  }));
}

async function measurePage(page: PageKind, clients: StaffClient[], meter: ReturnType<typeof meterStore>, options: ScaleBenchOptions): Promise<PageFigures> {
  const figures: PageFigures = { key: page.key, label: page.label, statuses: {}, single: summarize([]), readUnits: Number.NaN, dbRequests: Number.NaN, concurrent: summarize([]), concurrentReadUnits: Number.NaN };
  if (page.path(0) === undefined) return { ...figures, problem: 'no such page on the staff site' };
  const statuses: number[] = [];
  const fetchPage = async (client: StaffClient, n: number) => {
    const result = await withTimeout(client.request('GET', page.path(n) as string), options.requestTimeoutMs);
    statuses.push(result.statusCode ?? 0);
    if (result.statusCode !== 200 && !figures.problem) figures.problem = `HTTP ${result.statusCode}${result.statusCode === 302 || result.statusCode === 303 ? '' : `: ${String(result.body ?? '').replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').slice(0, 80)}`}`;
  };
  const single: number[] = [];
  let units = 0;
  let requests = 0;
  const started = performance.now();
  try {
    for (let n = 0; n < options.requests && (n === 0 || performance.now() - started < options.pageBudgetMs); n++) {
      meter.reset();
      const t0 = performance.now();
      await fetchPage(clients[0], n);
      single.push(performance.now() - t0);
      units += meter.readUnits;
      requests += meter.requests;
    }
  } catch (error) {
    figures.problem = error instanceof TimedOut ? `timed out (${error.message})` : String(error);
  }
  figures.single = summarize(single);
  figures.readUnits = single.length > 0 ? units / single.length : Number.NaN;
  figures.dbRequests = single.length > 0 ? requests / single.length : Number.NaN;
  if (figures.problem?.startsWith('timed out')) return { ...figures, statuses: tally(statuses) };

  const concurrent: number[] = [];
  const concurrentStarted = performance.now();
  meter.reset();
  let failure: string | undefined;
  await Promise.all(clients.map(async (client, c) => {
    for (let k = 0; k < options.requestsPerClient && !failure && (k === 0 || performance.now() - concurrentStarted < options.pageBudgetMs); k++) {
      const t0 = performance.now();
      try {
        await fetchPage(client, c * options.requestsPerClient + k);
      } catch (error) {
        failure = error instanceof TimedOut ? `timed out at ${clients.length} at once (${error.message})` : String(error);
        return;
      }
      concurrent.push(performance.now() - t0);
    }
  }));
  figures.concurrent = summarize(concurrent);
  figures.concurrentReadUnits = concurrent.length > 0 ? meter.readUnits / concurrent.length : Number.NaN;
  if (failure) figures.problem ??= failure;
  return { ...figures, statuses: tally(statuses) };
}

export async function runScaleBench(options: ScaleBenchOptions): Promise<ScaleBenchResult> {
  const progress = options.progress ?? (() => {});
  const organizations = organizationsOf(options.size);
  const { province, meter, deps, sites } = await prepareProvince(options.endpoint, options.size, { now: options.now, clients: options.clients, progress });
  progress(`${organizations} organizations: ${province.items.toLocaleString('en-US')} items in ${province.seconds.toFixed(1)} s; signing in ${options.clients} staff…`);
  const clients = await signedInClients(sites, province.registry.staff[options.viewer]);
  const { pages } = pageKinds(province, options.viewer);
  const figures: PageFigures[] = [];
  for (const page of pages) {
    progress(`${organizations} organizations: ${page.label}…`);
    figures.push(await measurePage(page, clients, meter, options));
    await drainAbandoned();
  }
  progress(`${organizations} organizations: scheduler tick (first, with the backfills)…`);
  const tick = await measureTick(deps, meter, options.requestTimeoutMs * 5);
  await drainAbandoned();
  deps.clock.advance(TICK_INTERVAL_MS);
  progress(`${organizations} organizations: scheduler tick (steady state)…`);
  const steadyTick = await measureTick(deps, meter, options.requestTimeoutMs * 5);
  return { organizations, size: province.size, viewer: options.viewer, items: province.items, generateSeconds: province.seconds, pages: figures, tick, steadyTick };
}

/** The scheduler's interval between the two ticks measured. */
const TICK_INTERVAL_MS = 5 * 60_000;

async function measureTick(deps: ServiceDeps, meter: ReturnType<typeof meterStore>, timeoutMs: number): Promise<TickFigures> {
  meter.reset();
  const t0 = performance.now();
  let error: string | undefined;
  try {
    await withTimeout(runScheduledWork(deps), timeoutMs);
  } catch (caught) {
    error = caught instanceof TimedOut ? `timed out (${caught.message})` : String(caught);
  }
  return { ms: performance.now() - t0, readUnits: meter.readUnits, writeUnits: meter.writeUnits, dbRequests: meter.requests, ...(error ? { error } : {}) };
}
