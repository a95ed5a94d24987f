import { announcementNoticeId } from '../../../shared/domain/election/announcement';
import { prepareAnnouncementNotice } from '../../../shared/services/election';
import { getPublicNotice, listBoard, startNoticeProcess } from '../../../shared/services/notice';
import { listAudit } from '../../../shared/store/audit';
import { getNotice, listBoardNotices, noticePk } from '../../../shared/store/notices-repo';
import { ElectionState } from '../../../workflows/election/election-states';
import type { TestRuntime } from '../../support/local-runtime';
import { announcementForm, ElectionDriver, executionArnOf, startElectionRuntime } from './election-fixtures';

// Step 1's announcement to members (换届选举公告): recorded, then published by the workflow as an internal notice of
// the branch, which ends by itself while the election goes on.
let runtime: TestRuntime;
beforeEach(async () => {
  runtime = await startElectionRuntime();
});
afterEach(async () => {
  await runtime.shutdown();
});

const noticeArn = (noticeId: string) => `arn:aws:states:local:000000000000:execution:notice:notice-${noticeId}`;

test('the announcement is published as an internal notice (5 working days), the election goes on to mobilization at once', async () => {
  const election = await ElectionDriver.create(runtime, 'gongtui');
  await election.decide('approved');
  expect(await election.state()).toBe(ElectionState.announcement);
  await election.submit('announcement', announcementForm({ body: '定于10月20日召开党员大会。\n请全体党员参加。' }));

  expect(await election.state()).toBe(ElectionState.mobilizationMeeting);
  const noticeId = announcementNoticeId(election.electionId);
  const notice = await getNotice(runtime.store, noticeId);
  expect(notice).toMatchObject({
    kind: 'election-announcement', audience: 'internal', status: 'open', orgId: 'branch-1', orgName: '办公室党支部',
    matter: { title: '关于办公室党支部召开党员大会进行换届选举的公告', body: '定于10月20日召开党员大会。\n请全体党员参加。' },
    period: { unit: 'workingDays', count: 5 },
    objectionContact: { office: '办公室党支部', contact: 'zuzhi@example.org' }, // opinions go to the branch's own staff
    endsAt: '2026-09-30T23:59:59+08:00', // 5 working days from Wednesday 2026-09-23
  });
  expect(notice).not.toHaveProperty('subject');
  const file = await election.file();
  expect(file.election.announcementNoticeId).toBe(noticeId);
  expect(file.audit.filter((e) => e.action === 'election.announcement-published')).toEqual([
    expect.objectContaining({ actor: 'system', details: expect.objectContaining({ noticeId, period: { unit: 'workingDays', count: 5 } }) }),
  ]);
  // Fire and forget: the notice runs on its own, started by the election's execution.
  expect(await runtime.stepFunctions.describeExecution(noticeArn(noticeId))).toMatchObject({ status: 'RUNNING', parentExecutionArn: executionArnOf(election.electionId) });

  // Internal: on the branch's internal board, never on the public board or the public notice page.
  expect((await listBoardNotices(runtime.store, 'BOARD#internal#branch-1', 0)).map((n) => n.id)).toEqual([noticeId]);
  const board = await listBoard(runtime.deps);
  expect([...board.open, ...board.closed].map((n) => n.id)).not.toContain(noticeId);
  await expect(getPublicNotice(runtime.deps, noticeId)).rejects.toMatchObject({ httpStatus: 404 });

  // The mobilization meeting is recorded while the notice still runs; the notice ends by itself after its period.
  await election.submit('mobilization', { meetingDate: '2026-09-25', attendees: '12' });
  expect(await election.state()).toBe(ElectionState.workReportsAndEvaluation);
  await runtime.advanceTo('2026-09-30T15:59:00.000Z');
  expect((await getNotice(runtime.store, noticeId))?.status).toBe('open');
  await runtime.advanceTo('2026-09-30T16:00:01.000Z');
  expect(await getNotice(runtime.store, noticeId)).toMatchObject({ status: 'closed', result: 'proceed' });
  expect(await runtime.stepFunctions.describeExecution(noticeArn(noticeId))).toMatchObject({ status: 'SUCCEEDED', output: { noticeId, result: 'proceed' } });
  expect(await election.state()).toBe(ElectionState.workReportsAndEvaluation);
});

test('a retried publish (prepare and start again) publishes the notice once and records the reference once', async () => {
  const election = await ElectionDriver.create(runtime, 'standard');
  await election.decide('approved');
  await election.submit('announcement', announcementForm({ periodUnit: 'calendarDays', periodCount: '7' }));
  expect(await election.state()).toBe(ElectionState.mobilizationMeeting);
  const version = (await election.file()).election.version;

  const { draft } = await prepareAnnouncementNotice(runtime.deps, { electionId: election.electionId });
  expect(draft).toMatchObject({ id: announcementNoticeId(election.electionId), audience: 'internal', period: { unit: 'calendarDays', count: 7 } });
  await startNoticeProcess(runtime.deps, draft);
  await runtime.stepFunctions.settled();

  const file = await election.file();
  expect(file.election.version).toBe(version);
  expect(file.audit.filter((e) => e.action === 'election.announcement-published')).toHaveLength(1);
  expect((await listAudit(runtime.store, noticePk(draft.id))).filter((e) => e.action === 'notice.published')).toHaveLength(1);
  expect((await getNotice(runtime.store, draft.id))?.endsAt).toBe('2026-09-29T23:59:59+08:00'); // 7 calendar days from 2026-09-23
});
