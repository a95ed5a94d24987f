// `npm run bench -- scale`: the staff pages and the scheduler tick at provincial scale beside a small province
// (issue 17; scripts/bench/README.md). Figures only: it asserts nothing.
import { withDynamoDbLocal } from '../with-dynamodb-local';
import { largeProvinceFromEnv, scaledProvince, sizeSetting } from './province-size';
import { runScaleBench, type ScaleBenchOptions } from './scale-bench';
import { formatScaleBench, scaleBenchJson } from './scale-report';
import type { Viewer } from './scale-pages';

const progress = (line: string) => process.stderr.write(`[bench scale ${new Date().toISOString().slice(11, 19)}] ${line}\n`);

export async function runScaleMain(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const large = largeProvinceFromEnv(env);
  const small = scaledProvince(large, sizeSetting(env, 'BENCH_SCALE_SMALL_ORGS', 50));
  const viewer = (env.BENCH_SCALE_VIEWER ?? 'agency') as Viewer;
  if (viewer !== 'agency' && viewer !== 'working') throw new Error(`BENCH_SCALE_VIEWER must be agency or working, got ${JSON.stringify(viewer)}`);
  const clients = sizeSetting(env, 'BENCH_SCALE_CLIENTS', 20);
  const common = {
    viewer, clients, now: new Date(env.BENCH_CLOCK_START ?? '2026-09-23T01:00:00.000Z'), progress,
    requests: sizeSetting(env, 'BENCH_SCALE_REQUESTS', 20),
    requestsPerClient: sizeSetting(env, 'BENCH_SCALE_REQUESTS_PER_CLIENT', 3),
    pageBudgetMs: sizeSetting(env, 'BENCH_SCALE_PAGE_SECONDS', 60) * 1000,
    requestTimeoutMs: sizeSetting(env, 'BENCH_SCALE_REQUEST_TIMEOUT_SECONDS', 60) * 1000,
  } satisfies Omit<ScaleBenchOptions, 'endpoint' | 'size'>;
  const startedAt = Date.now();
  await withDynamoDbLocal(async (endpoint) => {
    progress('warm-up: a 10-organization province, each page twice (untimed)…');
    await runScaleBench({ ...common, endpoint, size: scaledProvince(large, 10), clients: 2, requests: 2, requestsPerClient: 1, progress: () => {} });
    const smallResult = await runScaleBench({ ...common, endpoint, size: small });
    const largeResult = await runScaleBench({ ...common, endpoint, size: large });
    console.log(`\n${formatScaleBench(smallResult, largeResult, clients)}\n`);
    console.log(JSON.stringify({ environment: { node: process.version, totalSeconds: Math.round((Date.now() - startedAt) / 1000) }, ...scaleBenchJson(smallResult, largeResult) }));
  }, { progress });
}
