import { randomUUID } from 'node:crypto';
import { ManualClock } from '../../infra/local/clock';
import { createLocalRuntime } from '../../infra/local/runtime';
import type { Election } from '../../shared/domain/election/election';
import type { Notice } from '../../shared/domain/notice/notice';
import { candidateNoticeId, getElectionFile } from '../../shared/services/election';
import { getNotice } from '../../shared/store/notices-repo';
import { getOrganization } from '../../shared/store/orgs-repo';
import { createStore, ensureTable, type Store } from '../../shared/store/store';
import { MemoryMailer } from '../bench/drafts';
import { ELECTION_START, ElectionsDriver } from '../bench/election-driver';
import { setUpElectionWorld } from '../bench/election-world';
import { electionTimeline } from './election-timeline';

/** The notices an election published: its announcement and each round's candidate-list notice. */
export async function electionNotices(store: Store, election: Election): Promise<Notice[]> {
  const noticeIds = [
    ...(election.announcementNoticeId ? [election.announcementNoticeId] : []),
    ...Array.from({ length: election.noticeRounds }, (_, r) => candidateNoticeId(election.id, r + 1)),
  ];
  return (await Promise.all(noticeIds.map((id) => getNotice(store, id)))).filter((n): n is Notice => !!n);
}

/**
 * One demo 公推直选 election of a branch of 15 members on the local runtime (the real election, notice and approval
 * machines), the clock jumping from date to date, from the written request to the approved results in the registry;
 * returns the election's timeline and the subjects of the mails sent.
 */
export async function simulateElection(endpoint: string): Promise<{ timeline: string[]; mails: string[] }> {
  const store = createStore({ tableName: `simulate-${randomUUID()}`, endpoint });
  await ensureTable(store);
  const world = await setUpElectionWorld(store, 1);
  const clock = new ManualClock(ELECTION_START);
  const mailer = new MemoryMailer();
  const runtime = createLocalRuntime({ store, clock, mailer, publicBaseUrl: 'http://localhost:3000', schedulerIntervalMs: 0 });
  await runtime.start();
  try {
    const driver = new ElectionsDriver(runtime, clock, mailer, world, 1);
    await driver.allElections();
    const file = await getElectionFile(runtime.deps, world.committeeStaff, driver.electionIds[0]);
    const { election } = file;
    const notices = await electionNotices(store, election);
    const org = (await getOrganization(store, election.orgId))!;
    return { timeline: electionTimeline(file, notices, org), mails: mailer.sent.map((m) => m.subject) };
  } finally {
    await runtime.shutdown();
    store.doc.destroy();
  }
}
