// `npm start`: the whole system on this machine (ARCHITECTURE §6).
import './polyfills';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createApprovalSite } from '../../functions/http/approval-site';
import { createPublicSite } from '../../functions/http/public-site';
import { createStaffSite } from '../../functions/http/staff-site';
import { createLocalAuthenticator } from '../../shared/services/auth';
import { resolveActor } from '../../shared/services/authorization';
import { repairGuardsOnce } from '../../shared/services/integrity/one-at-a-time';
import { backfillPersonNameIndex } from '../../shared/services/registry/people-name-backfill';
import { publishNotice } from '../../shared/services/notice';
import { startAwsEndpoint } from './aws-endpoints/aws-endpoint-server';
import { awsEndpointPort } from './aws-endpoints/endpoint-port';
import { VirtualClock } from './clock';
import { createDevPages } from './dev-pages';
import { healthRoute } from './health';
import { openDataStore } from './data-store';
import { Outbox } from './outbox';
import { createLocalRuntime } from './runtime';
import { DEMO_NOTICE_PLANS, DEMO_SIGN_INS, demoActor, seedDemo } from './seed';
import { openDemoCases } from './seed-cases';
import { seedDemoHistory } from './seed-history';
import { DEMO_ORG_IDS } from './seed-data';
import { startHttpServer } from './server';

const env = process.env;
// Node 20 here, Node 22 in Lambda: the SDK's notice about Node 22 says nothing to a user of the local runtime.
env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
const log = (line: string) => console.log(`[${new Date().toISOString()}] ${line}`);

async function main(): Promise<void> {
  const dataDir = resolve(env.DANGJIAN_DATA_DIR ?? '.data');
  mkdirSync(dataDir, { recursive: true });
  const data = await openDataStore({ dataDir, tableName: env.TABLE_NAME ?? 'dangjian', endpoint: env.DYNAMODB_ENDPOINT });
  const { store } = data;
  // Running elections and open notices from before the one-at-a-time guards get theirs, at a data folder's first start.
  const repaired = await repairGuardsOnce(store, new Date());
  if (repaired && repaired.added + repaired.released > 0) log(`guards: ${repaired.added} added, ${repaired.released} released`);

  const clock = new VirtualClock({
    stateFile: join(dataDir, 'clock.json'),
    start: env.DANGJIAN_CLOCK_START ? new Date(env.DANGJIAN_CLOCK_START) : undefined,
    rate: env.DANGJIAN_CLOCK_RATE ? Number(env.DANGJIAN_CLOCK_RATE) : undefined,
  });
  const outbox = new Outbox(store, clock);
  const port = Number(env.PORT ?? 3000);
  const awsPort = awsEndpointPort(env);
  const runtime = createLocalRuntime({ store, clock, mailer: outbox, publicBaseUrl: `http://localhost:${port}`, log });
  // People stored before the name index (人员查找) get their entry, once per data folder (a marker; docs/domain/organizations-and-people.md).
  const named = await backfillPersonNameIndex({ store, clock });
  if (named) log(`name index: ${named} people indexed`);
  const seeded = await seedDemo(runtime.deps);
  // The demo case with its recorded history runs on a clock of its own, on a fresh data folder only (no execution of
  // an earlier run to resume on that clock), before this runtime's executions resume.
  if (env.DANGJIAN_DEMO_NOTICES !== 'off' && seeded.people > 0 && (await seedDemoHistory(store, clock.now()))) log('demo: the development case of 刘洋 built with its history');
  await runtime.start();
  if (env.DANGJIAN_DEMO_NOTICES !== 'off') {
    for (const plan of DEMO_NOTICE_PLANS) await publishNotice(runtime.deps, await resolveActor(store, demoActor(plan.actor)), plan.form);
    await openDemoCases(runtime.deps);
  }

  // Sessions expire by real time, so that running the clock fast does not sign staff out.
  const sessionClock = { now: () => new Date() };
  const staffDeps = { ...runtime.deps, authenticator: createLocalAuthenticator(store), sessionClock };
  const server = await startHttpServer({
    port,
    handlers: {
      'http-public': createPublicSite(runtime.deps),
      'http-staff': createStaffSite(staffDeps),
      'http-approval': createApprovalSite(staffDeps),
    },
    extraRoutes: [
      ...createDevPages({ store, clock, outbox, sessionClock, workflow: runtime.deps.workflow, demoOrgId: DEMO_ORG_IDS.office }),
      healthRoute({ store, runner: runtime.stepFunctions }),
    ],
  });

  // Opt-in: Step Functions and SES v2 as the @aws-sdk clients call them; signatures and credentials are not checked.
  const aws = awsPort === undefined ? undefined : await startAwsEndpoint({ port: awsPort, stepFunctions: runtime.stepFunctions, mailer: outbox, log });

  console.log(`\n党建流程 dangjian-flow 已启动 / running at ${server.url}`);
  console.log(`  公示栏 notice board:   ${server.url}/`);
  console.log(`  工作人员 staff:        ${server.url}/staff`);
  console.log(`  发件箱 outbox:         ${server.url}/dev/outbox    虚拟时钟 clock: ${server.url}/dev/clock`);
  console.log(`  虚拟时间 virtual time: ${clock.now().toISOString()} (rate ×${clock.state().rate})`);
  console.log('  演示账号 demo sign-ins:');
  for (const signIn of DEMO_SIGN_INS) console.log(`    ${signIn.username.padEnd(10)} / ${signIn.password}   ${signIn.description}`);
  if (aws) console.log(`  AWS 本地接口 endpoint:  ${aws.url}  (Step Functions, SES v2; 不校验凭证 / credentials not checked)`);
  console.log(`  数据目录 data: ${dataDir}\n`);

  const stop = async () => {
    log('stopping…');
    await server.close();
    await aws?.close();
    await runtime.shutdown();
    await data.stop();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error('启动失败 / failed to start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
