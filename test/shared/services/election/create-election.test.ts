import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { createElection, ElectionAlreadyRunningError, listElections } from '../../../../shared/services/election';
import { InputInvalidError } from '../../../../shared/errors';
import type { TestRuntime } from '../../../support/local-runtime';
import { putTestOrg, putTestPerson, testOrg, testPerson } from '../../../support/registry-fixtures';
import { branchStaff, executionArnOf, startElectionRuntime } from '../../../workflows/election/election-fixtures';

let runtime: TestRuntime;
beforeEach(async () => {
  runtime = await startElectionRuntime();
});
afterEach(async () => {
  await runtime.shutdown();
});

const form = (over: Record<string, unknown> = {}) => ({
  orgId: 'branch-1', form: 'gongtui', seats: '5', deputies: '1', meetingDate: '2026-10-20', structure: '委员 5 名', method: '差额选举', ...over,
});

async function scan() {
  const { Items } = await runtime.store.doc.send(new ScanCommand({ TableName: runtime.store.tableName, ConsistentRead: true }));
  return (Items ?? []).map((item) => `${item.pk}|${item.sk}`).sort();
}

test('creates the election with its rule set and term years, and starts its execution once, even when submitted twice', async () => {
  const key = 'k-0123456789abcdef';
  const [first, second] = await Promise.all([createElection(runtime.deps, branchStaff, form({ idempotencyKey: key })), createElection(runtime.deps, branchStaff, form({ idempotencyKey: key }))]);
  expect(second.id).toBe(first.id);
  expect(first).toMatchObject({ id: key, form: 'gongtui', seats: 5, deputies: 1, rulesVersion: '2020', termYears: 3, status: 'running', phase: 'publicize' });
  expect(await listElections(runtime.deps, branchStaff, 'branch-1')).toHaveLength(1);
  expect((await runtime.stepFunctions.describeExecution(executionArnOf(key))).status).toBe('RUNNING');
  await expect(createElection(runtime.deps, branchStaff, form())).rejects.toBeInstanceOf(ElectionAlreadyRunningError);
});

test.each([
  ['no seats', { seats: '' }, 'seats'],
  ['too few seats', { seats: '2' }, 'seats'],
  ['as many deputies as seats', { seats: '3', deputies: '3' }, 'deputies'],
  ['an unknown form', { form: 'lottery' }, 'form'],
  ['a bad date', { meetingDate: '2026-02-30' }, 'meetingDate'],
])('%s is refused in Chinese, nothing written', async (_name, over, field) => {
  const before = await scan();
  const error = await createElection(runtime.deps, branchStaff, form(over)).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(InputInvalidError);
  expect((error as InputInvalidError).fieldErrors[field]).toMatch(/[\u4e00-\u9fff]/);
  expect(await scan()).toEqual(before);
});

test('a party group holds no election of its own; an organization outside the scope is refused', async () => {
  await putTestOrg(runtime.store, testOrg({ id: 'group-1', kind: 'party-group', parentId: 'branch-1' }));
  await expect(createElection(runtime.deps, { ...branchStaff, scopeOrgIds: ['branch-1', 'group-1'] }, form({ orgId: 'group-1' }))).rejects.toMatchObject({ fieldErrors: { orgId: '党小组不单独进行换届选举。' } });
  await expect(createElection(runtime.deps, branchStaff, form({ orgId: 'committee-1' }))).rejects.toMatchObject({ httpStatus: 403 });
});

test('a branch of 3 voting members: the 海选 of 3 seats that could never finish is refused, nothing written; a secretary and a deputy may be elected', async () => {
  await putTestOrg(runtime.store, testOrg({ id: 'branch-small', kind: 'branch', parentId: 'committee-1', name: '小支部' }));
  for (const name of ['甲一', '乙二', '丙三']) await putTestPerson(runtime.store, testPerson({ orgId: 'branch-small', name }));
  const staff = { ...branchStaff, orgId: 'branch-small', scopeOrgIds: ['branch-small'] };
  const before = await scan();
  const refused = await createElection(runtime.deps, staff, form({ orgId: 'branch-small', form: 'haixuan', seats: '3', deputies: '1' })).catch((e: unknown) => e);
  expect(refused).toBeInstanceOf(InputInvalidError);
  expect((refused as InputInvalidError).fieldErrors.seats).toBe('本支部有表决权的正式党员 3 名，不足 7 名，不设支部委员会，只选举书记 1 名、副书记 1 名：委员名额应填 2。');
  expect(await scan()).toEqual(before);
  const created = await createElection(runtime.deps, staff, form({ orgId: 'branch-small', form: 'haixuan', seats: '2', deputies: '1' }));
  expect(created).toMatchObject({ seats: 2, deputies: 1, status: 'running' });
});
