import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { randomBytes } from 'node:crypto';
import { demoIdNumber } from '../../../infra/local/seed-data';
import { ManualClock } from '../../../infra/local/manual-clock';
import type { Organization } from '../../../shared/domain/registry/organization';
import type { Person } from '../../../shared/domain/registry/person';
import type { Actor, StaffIdentity, StaffRole } from '../../../shared/services/actor';
import { ACTIONS, PERMISSIONS, loadOrgTree, permits, resolveActor, type Action } from '../../../shared/services/authorization';
import type { ServiceDeps } from '../../../shared/services/deps';
import { AuthForbiddenError } from '../../../shared/services/errors';
import { publishNotice } from '../../../shared/services/notice';
import {
  addAttendanceExclusion, changeMembershipStatus, closeOrganization, createOrganization, createPerson, editOrganization, editPerson,
  getOrganizationView, getPersonView, listOrgPeople, moveOrganization, OrgNotEmptyError, setRightsState,
} from '../../../shared/services/registry';
import { getOrganization } from '../../../shared/store/orgs-repo';
import { getPerson } from '../../../shared/store/people-repo';
import type { Store } from '../../../shared/store/store';
import { putTestOrg, putTestPerson, testOrg, testPerson } from '../../support/registry-fixtures';
import { createTestStore } from '../../support/store';

// Acceptance (issue 3): every role × every action × target = own organization / a sibling / the parent, through the
// real service functions on DynamoDB Local. Refused → 403 and the table unchanged (scan before and after).
//
//   wc 机关党工委 ── c1 机关党委 (committee staff) ─┬─ b1 党支部 (branch staff) ── g1 党小组
//   │                                            ├─ b3 党支部 (b1's sibling)
//   │                                            └─ gb 党总支 ── b2 党支部
//   ├─ c2 机关党委 (c1's sibling)
//   wc2 机关党工委 (a place to move committees to) ── cs 机关党委 (spare, moved into a working committee)
//   Admin's own organization is c1 too, so admin's targets are the same as committee staff's.

const ORGS: Organization[] = [
  testOrg({ id: 'wc', kind: 'working-committee' }),
  testOrg({ id: 'wc2', kind: 'working-committee' }),
  testOrg({ id: 'c1', kind: 'committee', parentId: 'wc' }),
  testOrg({ id: 'c2', kind: 'committee', parentId: 'wc' }),
  testOrg({ id: 'cs', kind: 'committee', parentId: 'wc2' }),
  testOrg({ id: 'gb', kind: 'general-branch', parentId: 'c1' }),
  testOrg({ id: 'b1', kind: 'branch', parentId: 'c1' }),
  testOrg({ id: 'b2', kind: 'branch', parentId: 'gb' }),
  testOrg({ id: 'b3', kind: 'branch', parentId: 'c1' }),
  testOrg({ id: 'g1', kind: 'party-group', parentId: 'b1' }),
];

const IDENTITIES: Record<StaffRole, StaffIdentity> = {
  admin: { id: 'admin', displayName: '管理员', role: 'admin', orgId: 'c1' },
  'committee-staff': { id: 'zuzhiyuan', displayName: '组织员', role: 'committee-staff', orgId: 'c1' },
  'branch-staff': { id: 'shuji', displayName: '支部书记', role: 'branch-staff', orgId: 'b1' },
};

/** own / sibling / parent of each role's organization. */
const TARGETS: Record<StaffRole, Record<'own' | 'sibling' | 'parent', string>> = {
  admin: { own: 'c1', sibling: 'c2', parent: 'wc' },
  'committee-staff': { own: 'c1', sibling: 'c2', parent: 'wc' },
  'branch-staff': { own: 'b1', sibling: 'b3', parent: 'c1' },
};

/** A child kind that fits under each target, and where each target can be moved. */
const CHILD_KIND = { 'working-committee': 'committee', committee: 'branch', 'general-branch': 'branch', branch: 'party-group', 'party-group': undefined } as const;

let sequence = 0;
const freshIdNumber = () => demoIdNumber('110105', '1991-04-05', 200 + (sequence++ % 300), '女');

interface Context {
  deps: ServiceDeps;
  actor: Actor;
  members: Map<string, Person>;
  activists: Map<string, Person>;
}

const fullMember = async (c: Context, orgId: string) => (await getPerson(c.deps.store, c.members.get(orgId)!.id))!;
const org = async (c: Context, orgId: string) => (await getOrganization(c.deps.store, orgId))!;

/** One attempt per action on target T, with input that is valid when the actor is allowed. */
const ATTEMPTS: Partial<Record<Action, (c: Context, target: string) => Promise<unknown>>> = {
  'org.view': (c, t) => getOrganizationView(c.deps, c.actor, t),
  'org.create': async (c, t) => createOrganization(c.deps, c.actor, { name: `新组织 ${sequence++}`, kind: CHILD_KIND[(await org(c, t)).kind]!, parentId: t }),
  'org.edit': async (c, t) => editOrganization(c.deps, c.actor, t, { name: `改名 ${sequence++}`, version: String((await org(c, t)).version) }),
  // A committee moves to the other working committee; into a working committee, the spare committee moves.
  'org.move': async (c, t) => {
    const target = await org(c, t);
    if (target.kind === 'working-committee') return moveOrganization(c.deps, c.actor, 'cs', { parentId: t, version: String((await org(c, 'cs')).version) });
    return moveOrganization(c.deps, c.actor, t, { parentId: target.kind === 'committee' ? 'wc2' : 'c2', version: String(target.version) });
  },
  'org.close': async (c, t) => closeOrganization(c.deps, c.actor, t, { reason: '机构调整', version: String((await org(c, t)).version) }),
  'person.view': async (c, t) => getPersonView(c.deps, c.actor, c.members.get(t)!.id),
  'person.viewIdNumber': async (c, t) => {
    const view = await getPersonView(c.deps, c.actor, c.members.get(t)!.id);
    if (view.idNumber !== c.members.get(t)!.idNumber) throw new AuthForbiddenError({ detail: 'masked' });
    return view;
  },
  'person.create': (c, t) => createPerson(c.deps, c.actor, {
    orgId: t, name: '新同志', gender: '女', ethnicity: '汉族', birthDate: '1991-04-05', idNumber: freshIdNumber(), education: '大学本科',
    unitPost: '科员', phone: '13800000000', status: 'applicant', statusFrom: '2026-01-05',
  }),
  'person.edit': async (c, t) => {
    const p = await fullMember(c, t);
    const { id: _id, idNumber: _n, statusHistory: _s, rightsHistory: _r, exclusions: _e, version, ...record } = p;
    return editPerson(c.deps, c.actor, p.id, { ...(record as Record<string, string>), phone: `1390000${String(sequence++).padStart(4, '0')}`, version: String(version) });
  },
  'person.status': async (c, t) => {
    const p = (await getPerson(c.deps.store, c.activists.get(t)!.id))!;
    return changeMembershipStatus(c.deps, c.actor, p.id, { status: 'development-target', from: '2026-02-01', version: String(p.version) });
  },
  'person.rights': async (c, t) => {
    const p = await fullMember(c, t);
    return setRightsState(c.deps, c.actor, p.id, { rightsState: 'probation-within-party', from: '2026-02-01', note: '处分决定', version: String(p.version) });
  },
  'person.exclusion': async (c, t) => {
    const p = await fullMember(c, t);
    return addAttendanceExclusion(c.deps, c.actor, p.id, { reason: 'abroad', from: '2026-02-01', version: String(p.version) });
  },
  'notice.publish': (c, t) => publishNotice(c.deps, c.actor, {
    idempotencyKey: randomBytes(12).toString('base64url'), personId: c.activists.get(t)!.id, kind: 'activist', audience: 'public',
    proposedStep: '拟确定为入党积极分子', office: '组织科', contact: '010-1', periodUnit: 'workingDays', periodCount: '5',
  }),
};

/** What an allowed attempt gives when it is not plain success: closing a non-empty organization is a 409. */
const ALLOWED_OUTCOME: Partial<Record<Action, new (...args: never[]) => Error>> = { 'org.close': OrgNotEmptyError };

async function scan(store: Store): Promise<string[]> {
  const items: string[] = [];
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const page = await store.doc.send(new ScanCommand({ TableName: store.tableName, ExclusiveStartKey }));
    items.push(...(page.Items ?? []).map((item) => JSON.stringify(item, Object.keys(item).sort())));
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return items.sort();
}

async function setUp(role: StaffRole): Promise<Context> {
  const store = await createTestStore();
  for (const o of ORGS) await putTestOrg(store, o);
  const members = new Map<string, Person>();
  const activists = new Map<string, Person>();
  for (const o of ORGS) {
    members.set(o.id, await putTestPerson(store, testPerson({ orgId: o.id, name: `${o.id} 党员` })));
    activists.set(o.id, await putTestPerson(store, testPerson({ orgId: o.id, name: `${o.id} 积极分子`, status: 'activist', statusHistory: [{ value: 'activist', from: '2025-01-01' }] })));
  }
  const deps: ServiceDeps = {
    store, clock: new ManualClock('2026-03-02T01:00:00.000Z'), newId: () => randomBytes(9).toString('base64url'), publicBaseUrl: 'http://localhost',
    mailer: { send: async () => {} },
    workflow: { startExecution: async ({ name }) => ({ executionArn: `arn:test:${name}` }), sendTaskSuccess: async () => {}, sendTaskFailure: async () => {}, stopExecution: async () => {} },
  };
  return { deps, actor: await resolveActor(store, IDENTITIES[role]), members, activists };
}

const ROLES: StaffRole[] = ['admin', 'committee-staff', 'branch-staff'];
const SERVICE_ACTIONS = ACTIONS.filter((action) => ATTEMPTS[action]);

describe.each(ROLES)('%s', (role) => {
  let c: Context;
  beforeAll(async () => {
    c = await setUp(role);
  });

  const cases = SERVICE_ACTIONS.flatMap((action) => (['own', 'sibling', 'parent'] as const).map((where) => [action, where] as const));
  test.each(cases)('%s on %s organization', async (action, where) => {
    const target = TARGETS[role][where];
    const tree = await loadOrgTree(c.deps.store);
    const allowed = permits(c.actor, action, target, tree);
    // The table's expectation, stated independently of `permits`: the role has the action, and the target is in scope.
    const inScope = role === 'admin' || (role === 'committee-staff' ? target === 'c1' : target === 'b1');
    expect(allowed).toBe(PERMISSIONS[action].includes(role) && inScope);

    const before = await scan(c.deps.store);
    const attempt = ATTEMPTS[action]!(c, target);
    if (allowed) {
      const outcome = ALLOWED_OUTCOME[action];
      if (outcome) await expect(attempt).rejects.toBeInstanceOf(outcome);
      else await expect(attempt).resolves.toBeDefined();
    } else {
      await expect(attempt).rejects.toMatchObject({ httpStatus: 403 });
      await expect(attempt.catch((e: unknown) => e)).resolves.toBeInstanceOf(AuthForbiddenError);
      expect(await scan(c.deps.store)).toEqual(before);
    }
  });

  test('the people list of an organization outside the scope is refused (403)', async () => {
    const outside = TARGETS[role].sibling;
    const attempt = listOrgPeople(c.deps, c.actor, outside);
    if (role === 'admin') await expect(attempt).resolves.toBeDefined();
    else await expect(attempt).rejects.toBeInstanceOf(AuthForbiddenError);
  });
});

describe('actions without a registry service (roster: the roster services; accounts, calendar: admin pages)', () => {
  test.each(ROLES.flatMap((role) => ACTIONS.filter((a) => !ATTEMPTS[a]).map((action) => [role, action] as const)))('%s × %s follows the table and the scope', async (role, action) => {
    const store = await createTestStore();
    for (const o of ORGS) await putTestOrg(store, o);
    const tree = await loadOrgTree(store);
    const actor = await resolveActor(store, IDENTITIES[role]);
    for (const where of ['own', 'sibling', 'parent'] as const) {
      const target = TARGETS[role][where];
      const inScope = role === 'admin' || (role === 'committee-staff' ? target === 'c1' : target === 'b1');
      expect(permits(actor, action, target, tree)).toBe(PERMISSIONS[action].includes(role) && inScope);
    }
  });
});
