import { randomUUID } from 'node:crypto';
import { ManualClock } from '../../../infra/local/clock';
import { createLocalRuntime, type LocalRuntime } from '../../../infra/local/runtime';
import { DevelopmentDriver } from '../../../scripts/bench/development-driver';
import { benchCommitteeStaff, setUpDevelopmentWorld } from '../../../scripts/bench/development-world';
import { MemoryMailer } from '../../../scripts/bench/drafts';
import { ELECTION_START, ElectionsDriver } from '../../../scripts/bench/election-driver';
import { setUpElectionWorld } from '../../../scripts/bench/election-world';
import { electionNotices } from '../../../scripts/simulate/simulate-election';
import { getApprovalForStaff } from '../../../shared/services/approval/staff';
import { getCaseFile } from '../../../shared/services/development';
import { getElectionFile } from '../../../shared/services/election';
import { getOrganizationView, getPersonView } from '../../../shared/services/registry';
import { createStore, ensureTable, type Store } from '../../../shared/store/store';
import type { SafeHtml } from '../../../shared/ui/html';
import { developmentArchivePrintPage } from '../../../shared/ui/pages/development-archive-print';
import { developmentCaseFilePage } from '../../../shared/ui/pages/development-case-file';
import { electionFilePage } from '../../../shared/ui/pages/election-file';
import { orgDetailPage } from '../../../shared/ui/pages/org-detail';
import { personDetailPage } from '../../../shared/ui/pages/person-detail';
import { staffApprovalDetailPage } from '../../../shared/ui/pages/staff-approval-detail';
import { visibleProblems } from '../../support/visible-text';

// A whole development case (25 steps, four notices, three approvals, filings) and a whole 公推直选 election run on
// the local runtime; then every page that shows their records and audit trails is rendered and its visible text
// (and every mail sent) must be Chinese: no ASCII identifier, no ISO timestamp, no login name.

const staff = { displayName: '王组织员', role: 'committee-staff', csrfToken: 'token' };

async function withRuntime(start: string, drive: (runtime: LocalRuntime, store: Store, clock: ManualClock, mailer: MemoryMailer) => Promise<void>) {
  const store = createStore({ tableName: `visible-${randomUUID()}`, endpoint: process.env.TEST_DYNAMODB_ENDPOINT! });
  await ensureTable(store);
  const clock = new ManualClock(start);
  const mailer = new MemoryMailer();
  const runtime = createLocalRuntime({ store, clock, mailer, publicBaseUrl: 'http://localhost:3000', schedulerIntervalMs: 0 });
  await runtime.start();
  try {
    await drive(runtime, store, clock, mailer);
  } finally {
    await runtime.shutdown();
    store.doc.destroy();
  }
}

function expectChinese(pages: Record<string, SafeHtml | string>) {
  const problems = Object.entries(pages).flatMap(([name, page]) => visibleProblems(typeof page === 'string' ? page : page.value).map((p) => `${name}: ${p}`));
  expect(problems).toEqual([]);
}

function mailPages(mailer: MemoryMailer): Record<string, string> {
  return Object.fromEntries(mailer.sent.map((mail, i) => [`mail ${i + 1} ${mail.subject}`, `<p>${mail.subject}</p><pre>${mail.text.replace(/https?:\/\/\S+/g, '')}</pre>`]));
}

test('a whole development case: the case file, the archive, its approvals, the person and the mails show only Chinese', async () => {
  await withRuntime('2026-01-05T02:00:00.000Z', async (runtime, store, clock, mailer) => {
    const world = await setUpDevelopmentWorld(store, 1);
    const driver = new DevelopmentDriver(runtime, clock, mailer, world, 1);
    await driver.allCases();
    const file = await getCaseFile(runtime.deps, benchCommitteeStaff, driver.caseIds[0]);
    const now = clock.now();
    const pages: Record<string, SafeHtml | string> = {
      'case file': developmentCaseFilePage({ file, staff, now, today: '2028-01-31' }),
      archive: developmentArchivePrintPage(file, '基准测试党支部', '2028-01-31'),
      person: personDetailPage({ view: await getPersonView(runtime.deps, benchCommitteeStaff, file.case.personId), staff, today: '2028-01-31' }),
      ...mailPages(mailer),
    };
    for (const approval of file.approvals) {
      pages[`approval ${approval.subject.title}`] = staffApprovalDetailPage({ view: await getApprovalForStaff(runtime.deps, benchCommitteeStaff, approval.id), staff, now });
    }
    expect(file.approvals).toHaveLength(3);
    // 报送组织 is the branch that submits; the summary carries the votes, dated by the meeting.
    expect(file.approvals.map((a) => a.subject.orgName)).toEqual(['基准测试党支部', '基准测试党支部', '基准测试党支部']);
    const admission = file.approvals.find((a) => a.subject.kind === 'admission')!;
    const meeting = file.steps.find((r) => r.stepKey === 'generalMeeting')!;
    const admissionSummary = (await getApprovalForStaff(runtime.deps, benchCommitteeStaff, admission.id)).subject.summary;
    expect(admissionSummary).toContain(`15. 支部大会讨论（${String(meeting.values.meetingDate)}，`);
    expect(admissionSummary).toMatch(/应到会 \d+ 人，实到 \d+ 人，赞成票 \d+ 票/);
    expectChinese(pages);
  });
}, 240_000);

test('a whole 公推直选 election: the election file, its approvals, the branch and the mails show only Chinese', async () => {
  await withRuntime(ELECTION_START, async (runtime, store, clock, mailer) => {
    const world = await setUpElectionWorld(store, 1);
    const driver = new ElectionsDriver(runtime, clock, mailer, world, 1);
    await driver.allElections();
    const file = await getElectionFile(runtime.deps, world.committeeStaff, driver.electionIds[0]);
    const { election } = file;
    const notices = await electionNotices(store, election);
    const now = clock.now();
    const pages: Record<string, SafeHtml | string> = {
      'election file': electionFilePage({ file, notices, staff, now }),
      branch: orgDetailPage({ view: await getOrganizationView(runtime.deps, world.committeeStaff, election.orgId), staff }),
      ...mailPages(mailer),
    };
    for (const approval of election.approvals) {
      pages[`approval ${approval.kind}`] = staffApprovalDetailPage({ view: await getApprovalForStaff(runtime.deps, world.committeeStaff, approval.approvalId), staff, now });
    }
    expect(election.approvals).toHaveLength(3);
    expect(pages['approval request'].toString()).toContain('<dt>类别</dt><dd>换届选举请示</dd>');
    expectChinese(pages);
  });
}, 240_000);
