import { randomUUID } from 'node:crypto';
import { ManualClock } from '../../infra/local/clock';
import { createLocalRuntime } from '../../infra/local/runtime';
import { getCaseFile } from '../../shared/services/development';
import { createStore, ensureTable } from '../../shared/store/store';
import { DevelopmentDriver } from '../bench/development-driver';
import { benchCommitteeStaff, setUpDevelopmentWorld } from '../bench/development-world';
import { MemoryMailer } from '../bench/drafts';
import { developmentTimeline } from './development-timeline';

/**
 * One demo case from application to full membership on the local runtime (the real stage, notice and approval
 * machines), the clock jumping from date to date; returns the case's timeline and the mails sent.
 */
export async function simulateDevelopment(endpoint: string): Promise<{ timeline: string[]; mails: string[] }> {
  const store = createStore({ tableName: `simulate-${randomUUID()}`, endpoint });
  await ensureTable(store);
  const world = await setUpDevelopmentWorld(store, 1);
  const clock = new ManualClock('2026-01-05T02:00:00.000Z');
  const mailer = new MemoryMailer();
  const runtime = createLocalRuntime({ store, clock, mailer, publicBaseUrl: 'http://localhost:3000', schedulerIntervalMs: 0 });
  await runtime.start();
  try {
    const driver = new DevelopmentDriver(runtime, clock, mailer, world, 1);
    await driver.allCases();
    const file = await getCaseFile(runtime.deps, benchCommitteeStaff, driver.caseIds[0]);
    return { timeline: developmentTimeline(file), mails: mailer.sent.map((m) => m.subject) };
  } finally {
    await runtime.shutdown();
    store.doc.destroy();
  }
}
