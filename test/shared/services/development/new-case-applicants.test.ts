import { randomBytes } from 'node:crypto';
import { ManualClock } from '../../../../infra/local/manual-clock';
import type { DevelopmentCase } from '../../../../shared/domain/development/case';
import type { MembershipStatus } from '../../../../shared/domain/registry/person';
import { resolveActor } from '../../../../shared/services/authorization';
import { developmentCasesView } from '../../../../shared/services/development-views/cases';
import { putNewCase } from '../../../../shared/store/cases-repo';
import { transactWrite } from '../../../../shared/store/transact';
import { putTestOrg, putTestPerson, testOrg, testPerson } from '../../../support/registry-fixtures';
import { createTestStore } from '../../../support/store';

// The new-case form's applicants over DynamoDB Local: people not yet members, without an open case, of the subtree.

test.each<[MembershipStatus, boolean]>([
  ['applicant', true],
  ['activist', true],
  ['development-target', true],
  ['probationary', false],
  ['full', false],
])('a person %s in a branch below is offered: %s', async (status, offered) => {
  const store = await createTestStore();
  await putTestOrg(store, testOrg({ id: 'c1', kind: 'committee' }));
  await putTestOrg(store, testOrg({ id: 'b1', kind: 'branch', parentId: 'c1' }));
  await putTestOrg(store, testOrg({ id: 'x1', kind: 'committee' }));
  await putTestPerson(store, testPerson({ id: 'p-1', name: '王明芳', orgId: 'b1', status }));
  await putTestPerson(store, testPerson({ id: 'p-open', name: '赵一', orgId: 'b1', status: 'applicant' }));
  await putTestPerson(store, testPerson({ id: 'p-out', name: '钱二', orgId: 'x1', status: 'applicant' }));
  const open: DevelopmentCase = {
    id: 'k1', personId: 'p-open', personName: '赵一', orgId: 'b1', ruleSetVersion: '2014', status: 'active', stage: 1, attempt: 1, stageState: 'running',
    dates: { applicationDate: '2026-01-01' }, outcomeReasons: [], warnings: [], createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z', version: 1,
  };
  await transactWrite(store, putNewCase(store, open));
  const deps = { store, clock: new ManualClock('2026-09-23T01:00:00.000Z'), newId: () => randomBytes(9).toString('base64url') };
  const staff = await resolveActor(store, { id: 'u1', displayName: '组织员', role: 'committee-staff', orgId: 'c1' });
  const view = await developmentCasesView(deps, staff);
  expect(view.applicants).toEqual(offered ? [{ id: 'p-1', label: expect.stringMatching(/^王明芳（b1 组织，/) }] : []);
});
