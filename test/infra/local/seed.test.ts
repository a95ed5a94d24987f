import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { DEMO_NOTICE_PLANS, DEMO_ORGANIZATIONS, DEMO_PEOPLE, DEMO_SIGN_INS, demoActor, demoIdNumber, seedDemo } from '../../../infra/local/seed';
import { DEMO_CASE_PLANS } from '../../../infra/local/seed-cases';
import { createLocalAuthenticator } from '../../../shared/services/auth';
import { resolveActor } from '../../../shared/services/authorization';
import { publishNotice } from '../../../shared/services/notice';
import { startTestRuntime } from '../../support/local-runtime';
import { listOrganizations } from '../../../shared/store/orgs-repo';
import { createTestStore } from '../../support/store';

describe('demo seed', () => {
  test('seeds organizations, accounts and people; a second run changes nothing', async () => {
    const store = await createTestStore();
    await expect(seedDemo({ store })).resolves.toEqual({ organizations: 8, accounts: 6, people: 33 });
    const account = await store.doc.send(new GetCommand({ TableName: store.tableName, Key: { pk: 'ACCOUNT#admin', sk: 'ACCOUNT' } }));
    await expect(seedDemo({ store })).resolves.toEqual({ organizations: 0, accounts: 0, people: 0 });
    const again = await store.doc.send(new GetCommand({ TableName: store.tableName, Key: { pk: 'ACCOUNT#admin', sk: 'ACCOUNT' } }));
    expect(again.Item).toEqual(account.Item);
    expect((await listOrganizations(store)).map((o) => o.name)).toContain('中共示例市直机关工作委员会');

    const authenticator = createLocalAuthenticator(store);
    for (const signIn of DEMO_SIGN_INS) {
      await expect(authenticator.verify(signIn.username, signIn.password)).resolves.toEqual(demoActor(signIn.username));
    }
  });

  test('ID numbers are 18 characters with a valid GB 11643 check digit; statuses are mixed', () => {
    const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    for (const person of DEMO_PEOPLE) {
      expect(person.idNumber).toMatch(/^\d{17}[\dX]$/);
      const sum = [...person.idNumber.slice(0, 17)].reduce((total, digit, i) => total + Number(digit) * weights[i], 0);
      expect(person.idNumber[17]).toBe('10X98765432'[sum % 11]);
      expect(person.idNumber.slice(6, 14)).toBe(person.birthDate.replaceAll('-', ''));
      expect(Number(person.idNumber[16]) % 2).toBe(person.gender === '男' ? 1 : 0);
    }
    expect(new Set(DEMO_PEOPLE.map((p) => p.status)).size).toBe(5);
    expect(demoIdNumber('110105', '1990-01-01', 1, '女')).toHaveLength(18);
  });

  // Issue 13 item 22: the demo tells one consistent story.
  test('every committee member is in the roster of the organization; staff accounts are named as the registry names them', () => {
    for (const org of DEMO_ORGANIZATIONS) {
      // A party group's leader is a member of its branch.
      const rosters = org.kind === 'party-group' ? [org.id, org.parentId] : [org.id];
      for (const member of org.committee) expect([org.name, member.name, DEMO_PEOPLE.some((p) => p.name === member.name && rosters.includes(p.orgId))]).toEqual([org.name, member.name, true]);
    }
    for (const signIn of DEMO_SIGN_INS.filter((s) => s.role !== 'admin')) {
      const person = DEMO_PEOPLE.find((p) => p.name === signIn.displayName);
      expect([signIn.username, person?.orgId]).toEqual([signIn.username, signIn.orgId]);
      const org = DEMO_ORGANIZATIONS.find((o) => o.id === signIn.orgId)!;
      expect(org.committee.map((m) => m.name)).toContain(signIn.displayName);
    }
  });

  test('the demo notices match the people\'s state: the status before the step noticed, no notice for a person whose case has not reached it', () => {
    const before: Record<string, string> = { activist: 'applicant', 'development-target': 'activist', admission: 'development-target', conversion: 'probationary' };
    const withCase = new Set(DEMO_CASE_PLANS.map((plan) => plan.form.personId));
    for (const { form } of DEMO_NOTICE_PLANS) {
      const person = DEMO_PEOPLE.find((p) => p.id === form.personId)!;
      expect([person.name, person.status]).toEqual([person.name, before[form.kind]]);
      expect(withCase.has(person.id)).toBe(false);
      if (form.previousStageDate) expect(person.statusHistory.find((h) => h.value === person.status)?.from).toBe(form.previousStageDate);
    }
  });

  test('the demo notices publish as the local runtime does at start', async () => {
    const store = await createTestStore();
    await seedDemo({ store });
    const runtime = await startTestRuntime('2026-09-23T01:00:00.000Z', store);
    try {
      for (const plan of DEMO_NOTICE_PLANS) {
        await expect(publishNotice(runtime.deps, await resolveActor(store, demoActor(plan.actor)), plan.form)).resolves.toBeDefined();
      }
      await runtime.stepFunctions.settled();
    } finally {
      await runtime.shutdown();
    }
  }, 60_000);
});
