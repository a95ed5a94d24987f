import { round } from '../stats';
import type { PageFigures, ScaleBenchResult, TickFigures } from './scale-bench';

/** The scale bench's table: each page kind at the small province beside the large one, and its JSON line. */

const ms = (value: number) => (Number.isFinite(value) ? (value >= 100 ? value.toFixed(0) : value.toFixed(1)) : '—');
const units = (value: number) => (Number.isFinite(value) ? (value >= 100 ? value.toFixed(0) : value.toFixed(1)) : '—');

function cells(page: PageFigures | undefined): string[] {
  if (!page) return ['', '', '', '', '', ''];
  return [ms(page.single.p50), ms(page.single.p99), ms(page.concurrent.p50), ms(page.concurrent.p99), units(page.readUnits), units(page.dbRequests)];
}

export function formatScaleBench(small: ScaleBenchResult, large: ScaleBenchResult, clients: number): string {
  const header = ['page', `p50`, 'p99', `p50@${clients}`, `p99@${clients}`, 'RU/req', 'db req'];
  const rows: string[][] = [];
  for (const page of large.pages) {
    const before = small.pages.find((p) => p.key === page.key);
    const ratio = before && Number.isFinite(page.readUnits) && before.readUnits > 0 ? `${(page.readUnits / before.readUnits).toFixed(1)}×` : '—';
    rows.push([page.label, ...cells(before), '│', ...cells(page), ratio]);
  }
  const tick = (figures: TickFigures) => [ms(figures.ms), '', '', '', units(figures.readUnits), String(figures.dbRequests)];
  const tickRow = (label: string, of: (r: ScaleBenchResult) => TickFigures) => {
    const [before, after] = [of(small), of(large)];
    rows.push([label, ...tick(before), '│', ...tick(after), before.readUnits > 0 ? `${(after.readUnits / before.readUnits).toFixed(1)}×` : '—']);
  };
  tickRow('scheduler tick, first (with backfills)', (r) => r.tick);
  tickRow('scheduler tick, steady state', (r) => r.steadyTick);
  const all = [[...header, '│', ...header.slice(1), 'RU ×'], ...rows];
  const widths = all[0].map((_, c) => Math.max(...all.map((row) => (row[c] ?? '').length)));
  const line = (row: string[]) => `  ${row.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ')}`;
  const describe = (r: ScaleBenchResult) =>
    `${r.organizations.toLocaleString('en-US')} organizations (${r.size.committees} committees, ${r.size.branches} branches and general branches), ${r.size.people.toLocaleString('en-US')} people, ` +
    `${r.size.cases} open cases, ${r.size.elections} elections, ${r.size.auditEvents.toLocaleString('en-US')} audit events: ${r.items.toLocaleString('en-US')} items loaded in ${r.generateSeconds.toFixed(0)} s`;
  const problems = [small, large].flatMap((r) => r.pages.filter((p) => p.problem).map((p) => `  at ${r.organizations.toLocaleString('en-US')} organizations, ${p.label}: ${p.problem}`))
    .concat([small, large].flatMap((r) => ([['the first tick', r.tick], ['the steady-state tick', r.steadyTick]] as const)
      .flatMap(([label, t]) => (t.error ? [`  at ${r.organizations.toLocaleString('en-US')} organizations, ${label}: ${t.error}`] : []))));
  return [
    `Scale: staff pages through the real site handlers, signed in as committee staff of ${large.viewer === 'working' ? 'the working committee (the whole province in scope)' : 'an agency committee (its branches in scope)'}; times in ms, RU = read units (ConsumedCapacity), db req = DynamoDB requests per page`,
    `  left:  ${describe(small)}`,
    `  right: ${describe(large)}`,
    line(all[0]),
    ...all.slice(1).map(line),
    ...(problems.length > 0 ? ['  pages that failed or were cut short:', ...problems] : []),
  ].join('\n');
}

const tickJson = (t: TickFigures) => ({ ...t, ms: round(t.ms), readUnits: round(t.readUnits, 1), writeUnits: round(t.writeUnits, 1) });

export function scaleBenchJson(small: ScaleBenchResult, large: ScaleBenchResult): Record<string, unknown> {
  const page = (p: PageFigures) => ({
    key: p.key, p50: round(p.single.p50), p99: round(p.single.p99), p50Concurrent: round(p.concurrent.p50), p99Concurrent: round(p.concurrent.p99),
    readUnits: round(p.readUnits, 1), dbRequests: round(p.dbRequests, 1), concurrentReadUnits: round(p.concurrentReadUnits, 1), requests: p.single.count, concurrentRequests: p.concurrent.count,
    statuses: p.statuses, ...(p.problem ? { problem: p.problem } : {}),
  });
  const side = (r: ScaleBenchResult) => ({
    organizations: r.organizations, size: r.size, viewer: r.viewer, items: r.items, generateSeconds: round(r.generateSeconds),
    pages: r.pages.map(page), tick: tickJson(r.tick), steadyTick: tickJson(r.steadyTick),
  });
  return { scale: { small: side(small), large: side(large) } };
}
