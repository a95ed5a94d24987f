import { runCheckCommand } from '../../../../infra/local/cli/check-command';
import type { Election } from '../../../../shared/domain/election/election';
import { ELECTION_RULE_SETS } from '../../../../shared/domain/election/rule-set';
import { createElection, ElectionAlreadyRunningError } from '../../../../shared/services/election';
import { electionChange, nextVersion } from '../../../../shared/services/election/commit';
import { electionGuardKey, getElection, putNewElection } from '../../../../shared/store/elections-repo';
import { getGuard } from '../../../../shared/store/guards';
import type { Store } from '../../../../shared/store/store';
import { transactWrite } from '../../../../shared/store/transact';
import { createTestDeps, type TestDeps } from '../../../functions/http/support/test-deps';
import { putTestOrg, putTestPerson, testOrg, testPerson } from '../../../support/registry-fixtures';

/** An election as one written before the guard existed: the record only, no guard. */
function legacyElection(id: string, createdAt: string): Election {
  const rules = ELECTION_RULE_SETS['2020'];
  return {
    id, orgId: 'b1', orgName: '办公室党支部', form: 'gongtui', seats: 3, deputies: 1, rulesVersion: rules.rulesVersion, rules, termYears: 3,
    plan: { meetingDate: '2026-04-20', structure: '委员 3 名', method: '差额选举' }, status: 'running', phase: 'publicize', stepCounts: {}, roundCount: 0,
    excluded: [], candidates: [], elected: [], approvals: [], noticeRounds: 0, createdAt, createdBy: 'li', version: 1,
  };
}

async function check(store: Store, ...extra: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCheckCommand(['--endpoint', process.env.TEST_DYNAMODB_ENDPOINT!, '--table', store.tableName, ...extra], { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

let deps: TestDeps;
beforeEach(async () => {
  deps = await createTestDeps();
  await putTestOrg(deps.store, testOrg({ id: 'c1', kind: 'committee', name: '数据局机关党委' }));
  await putTestOrg(deps.store, testOrg({ id: 'b1', kind: 'branch', parentId: 'c1', name: '办公室党支部' }));
  // Seven full members: enough for a committee of three, so only the guard can refuse a new election.
  for (let i = 1; i <= 7; i++) await putTestPerson(deps.store, testPerson({ orgId: 'b1', name: `党员${i}` }));
});

test('a table without violations: exit 0 and a Chinese all-clear', async () => {
  expect(await check(deps.store)).toEqual({ code: 0, out: '检查完毕：未发现违反“同一时间只能有一个”规则的记录。', err: '' });
});

test('a seeded duplicate election is reported in Chinese with how to end it; --repair guards the organization until both have ended', async () => {
  const first = legacyElection('e-older-0001', '2026-03-02T01:00:00.000Z');
  const second = legacyElection('e-newer-0002', '2026-03-02T01:00:00.060Z');
  await transactWrite(deps.store, [putNewElection(deps.store, first)]);
  await transactWrite(deps.store, [putNewElection(deps.store, second)]);

  const report = await check(deps.store);
  expect(report.code).toBe(1);
  expect(report.out).toContain('发现 1 处违反规则的记录');
  expect(report.out).toContain('【一个组织同一时间只能有一次正在进行的换届选举】');
  expect(report.out).toContain('办公室党支部有 2 次正在进行的换届选举');
  expect(report.out).toContain('第一个：编号 e-older-0001，建立于 2026-03-02 09:00');
  expect(report.out).toContain('第二个：编号 e-newer-0002，建立于 2026-03-02 09:00');
  expect(report.out).toContain('办理“终止”');
  expect(report.out).not.toMatch(/\d{4}-\d{2}-\d{2}T/);
  expect(await getGuard(deps.store, electionGuardKey('b1'))).toBeUndefined();

  const repaired = await check(deps.store, '--repair');
  expect(repaired.out).toContain('唯一性标记：补建 2 个');
  expect((await getGuard(deps.store, electionGuardKey('b1')))?.holders).toEqual(['e-newer-0002', 'e-older-0001']);
  const actor = { id: 'li', displayName: '李书记', role: 'branch-staff' as const, orgId: 'b1', scopeOrgIds: ['b1'] };
  const form = { orgId: 'b1', form: 'gongtui', seats: '3', deputies: '1', meetingDate: '2026-04-20', structure: '委员 3 名', method: '差额选举' };
  await expect(createElection(deps, actor, form)).rejects.toBeInstanceOf(ElectionAlreadyRunningError);

  // Ending the duplicate (any change to a status other than running) releases only its own claim.
  const ended = nextVersion((await getElection(deps.store, second.id))!, { status: 'ended', completedAt: '2026-03-03T01:00:00.000Z' });
  await transactWrite(deps.store, electionChange(deps.store, ended, { at: '2026-03-03T01:00:00.000Z', action: 'election.ended', actor: 'wang' }));
  expect((await getGuard(deps.store, electionGuardKey('b1')))?.holders).toEqual(['e-older-0001']);
  expect((await check(deps.store)).code).toBe(0);
  await expect(createElection(deps, actor, form)).rejects.toBeInstanceOf(ElectionAlreadyRunningError);
});

test('usage errors: exit 2 with the usage in Chinese', async () => {
  const out: string[] = [];
  const err: string[] = [];
  expect(await runCheckCommand(['--bogus'], { out: (l) => out.push(l), err: (l) => err.push(l) })).toBe(2);
  expect(err.join('\n')).toContain('用法：dangjian check');
});
