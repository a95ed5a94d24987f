import { ElectionRoundAlreadyRecordedError, ElectionStepNotOpenError, recordElectionResults } from '../../../shared/services/election';
import { listAudit } from '../../../shared/store/audit';
import { getNotice } from '../../../shared/store/notices-repo';
import { getOrganization, orgPk } from '../../../shared/store/orgs-repo';
import { ElectionState } from '../../../workflows/election/election-states';
import type { TestRuntime } from '../../support/local-runtime';
import { announcementForm, ElectionDriver, recommendationForm, startElectionRuntime } from './election-fixtures';

// 公推直选 end to end over the synthesized ASL, the real task handlers, nested approval and notice executions,
// DynamoDB Local and a hand-driven clock.
let runtime: TestRuntime;
beforeEach(async () => {
  runtime = await startElectionRuntime();
});
afterEach(async () => {
  await runtime.shutdown();
});

test('公推直选: six steps, a short recommendation round, a tie re-vote, the meeting elects secretary and deputy 等额, the registry gets the new committee', async () => {
  const election = await ElectionDriver.create(runtime, 'gongtui', 3, 1);
  expect(await election.state()).toBe(ElectionState.requestApproval);
  expect(runtime.mailer.sent.some((m) => m.subject.includes('关于办公室党支部召开党员大会进行换届选举的请示'))).toBe(true);

  await election.throughEvaluation();
  // 孙燕: 5 of 12 不称职 (more than 1/3) is not nominated again; 王芳: 4 of 12 (exactly 1/3) still may be.
  expect((await election.file()).election.excluded).toEqual(['孙燕']);
  expect(await election.state()).toBe(ElectionState.democraticRecommendation);

  // 3 seats need 4 candidates: three with more than half → short, another round.
  expect(await election.submit('recommendation', recommendationForm(['张伟', '王芳', '李娜'], ['刘洋']))).toMatchObject({ short: true, needed: 4 });
  expect(await election.state()).toBe(ElectionState.democraticRecommendation);
  const second = recommendationForm(['张伟', '王芳', '李娜', '刘洋', '孙燕']);
  expect(await election.submit('recommendation', second)).toMatchObject({ short: false, list: ['刘洋', '张伟', '王芳', '李娜'] });
  expect(await election.state()).toBe(ElectionState.candidateListApproval);

  await election.decide('approved');
  expect(await election.state()).toBe(ElectionState.candidateNotice);
  // ONE public notice for the candidate list (not one per candidate), titled for the list, people in stroke order.
  const notice = await getNotice(runtime.store, `${election.electionId}-c1-1`);
  expect(notice).toMatchObject({ kind: 'candidate-list', audience: 'public', status: 'open', matter: { title: '关于办公室党支部新一届委员会委员候选人预备人选的公示' } });
  expect(notice && 'matter' in notice ? notice.matter.people?.map((p) => p.name) : []).toEqual(['王芳', '刘洋', '李娜', '张伟']);
  expect(await getNotice(runtime.store, `${election.electionId}-c1-2`)).toBeUndefined();
  // Objections go to the approving committee (no committee staff account with an e-mail here: in person).
  expect(notice?.objectionContact).toEqual({ office: '机关党委组织部门', contact: '请到受理部门当面反映' });
  expect(notice?.endsAt).toContain('2026-09-29'); // 7 calendar days from 2026-09-23

  await runtime.advanceTo('2026-09-30T00:00:00.000Z');
  expect(await election.state()).toBe(ElectionState.electionRound);
  expect((await election.file()).election.ballot).toEqual({ contest: 'committee', seats: 3, candidates: ['王芳', '刘洋', '李娜', '张伟'] }); // 姓氏笔画: 王 4, 刘 6, 李 7 (横), 张 7 (横折)

  // Round 1: 王芳 and 李娜 tie for the last seat (both above 6 of 12) → a new vote between them for one seat.
  const first = await election.round({ 张伟: 10, 刘洋: 9, 王芳: 7, 李娜: 7 });
  expect(first).toMatchObject({ no: 1, next: { kind: 're-vote', among: ['王芳', '李娜'], seats: 1 }, result: { elected: ['张伟', '刘洋'] } });
  expect(await election.state()).toBe(ElectionState.electionRound);
  // A second entry of round 1 (double click) adds nothing: the step it was for is done.
  await expect(election.roundNo(1, { 张伟: 10, 刘洋: 9, 王芳: 7, 李娜: 7 })).rejects.toBeInstanceOf(ElectionRoundAlreadyRecordedError);
  const secondRound = await election.round({ 王芳: 8, 李娜: 4 });
  expect(secondRound).toMatchObject({ no: 2, candidates: ['王芳', '李娜'], next: { kind: 'complete' } });
  expect(await election.state()).toBe(ElectionState.officersRound);

  // The meeting elects the secretary, then the deputy, each with one candidate (等额), entered before the ballot is printed.
  expect((await election.file()).election.ballot).toEqual({ contest: 'secretary', seats: 1, candidates: [] });
  await expect(election.officerCandidates({ candidates: ['李娜'] })).rejects.toMatchObject({ fieldErrors: { candidates: '书记候选人须是新当选的委员：“李娜”不是。' } });
  await expect(election.officerCandidates({ contest: 'deputy', candidates: ['刘洋'] })).rejects.toMatchObject({ fieldErrors: { contest: '本轮选举的是书记。' } });
  await election.officerCandidates({ candidates: ['张伟', '刘洋'] });
  expect((await election.file()).election.ballot).toEqual({ contest: 'secretary', seats: 1, candidates: ['刘洋', '张伟'] }); // 刘 6, 张 7
  await election.officerCandidates({ candidates: ['张伟'] });
  expect(await election.round({ 张伟: 11 })).toMatchObject({ contest: 'secretary', candidates: ['张伟'], result: { elected: ['张伟'] } });
  expect(await election.state()).toBe(ElectionState.officersRound);
  expect((await election.file()).election.ballot).toEqual({ contest: 'deputy', seats: 1, candidates: [] });
  await expect(election.officerCandidates({ candidates: ['张伟'] })).rejects.toMatchObject({ fieldErrors: { candidates: '副书记候选人须是新当选的委员（已当选书记的除外）：“张伟”不是。' } });
  await election.officerCandidates({ candidates: ['刘洋'] });
  expect(await election.round({ 刘洋: 10 })).toMatchObject({ contest: 'deputy', candidates: ['刘洋'], result: { elected: ['刘洋'] } });
  expect(await election.state()).toBe(ElectionState.resultsApproval);
  expect(runtime.mailer.sent.at(-1)?.text).toContain('书记：张伟');
  // The results' approval carries the substance: the candidate list's notice result and every round's votes.
  const resultsMail = runtime.mailer.sent.at(-1)?.text ?? '';
  expect(resultsMail).toMatch(/候选人预备人选公示（2026-09-\d{2} 至 2026-09-29）：公示期满，无异议/);
  expect(resultsMail).toContain('第1轮 选举委员（');
  expect(resultsMail).toContain('张伟 10 票、刘洋 9 票、王芳 7 票、李娜 7 票；当选 张伟、刘洋；得票相等，在 王芳、李娜 中再次投票选 1 名');
  expect(resultsMail).toContain('第3轮 选举书记（');
  expect(resultsMail).toContain('第4轮 选举副书记（');

  await election.decide('approved');
  expect((await election.execution()).status).toBe('SUCCEEDED');
  const file = await election.file();
  expect(file.election).toMatchObject({ status: 'completed', termStart: '2026-09-30', termEnd: '2029-09-29', secretary: '张伟', deputy: '刘洋' });
  expect(file.rounds.map((r) => r.no)).toEqual([1, 2, 3, 4]);
  expect(file.steps.filter((s) => s.stepKey === 'recommendation').map((s) => s.attempt)).toEqual([1, 2]);
  const org = await getOrganization(runtime.store, 'branch-1');
  expect(org?.committee.map((m) => [m.name, m.post])).toEqual([['张伟', 'secretary'], ['刘洋', 'deputy-secretary'], ['王芳', 'member']]);
  expect(org?.committee.every((m) => m.personId)).toBe(true);
  expect(org).toMatchObject({ termStart: '2026-09-30', termEnd: '2029-09-29' });
  // RecordResults run again (a retried task): nothing is written twice.
  await recordElectionResults(runtime.deps, { electionId: election.electionId });
  expect((await getOrganization(runtime.store, 'branch-1'))?.version).toBe(org?.version);
  expect((await listAudit(runtime.store, orgPk('branch-1'))).filter((e) => e.action === 'org.committee-elected')).toHaveLength(1);
  const actions = file.audit.map((e) => e.action);
  expect(actions).toEqual(expect.arrayContaining(['election.officer-candidates-set', 'election.created', 'election.request-approved', 'election.candidate-list-approved', 'election.candidate-notice-passed', 'election.round-recorded', 'election.results-recorded']));
});

test('a step submitted twice, or out of turn, is refused and records nothing more', async () => {
  const election = await ElectionDriver.create(runtime, 'gongtui');
  await expect(election.submit('announcement', {})).rejects.toBeInstanceOf(ElectionStepNotOpenError);
  await election.decide('approved');
  const form = announcementForm();
  await expect(election.submit('announcement', { ...form, body: ' ' })).rejects.toMatchObject({ httpStatus: 422 });
  await election.submit('announcement', form);
  await expect(election.submit('announcement', form)).rejects.toBeInstanceOf(ElectionStepNotOpenError);
  expect((await election.file()).steps).toHaveLength(1);
  expect(await election.state()).toBe(ElectionState.mobilizationMeeting);
  const file = await election.file();
  expect(file.openTask).toMatchObject({ kind: 'election-step', subject: { electionId: election.electionId, stepKey: 'mobilization', attempt: '1' } });
});
