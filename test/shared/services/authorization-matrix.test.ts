import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { randomBytes } from 'node:crypto';
import { demoIdNumber } from '../../../infra/local/seed-data';
import type { Organization } from '../../../shared/domain/registry/organization';
import type { Person } from '../../../shared/domain/registry/person';
import type { Actor, StaffIdentity, StaffRole } from '../../../shared/services/actor';
import { ACTIONS, PERMISSIONS, loadOrgTree, permits, resolveActor, type Action } from '../../../shared/services/authorization';
import { createAccount, createLocalAccountDirectory } from '../../../shared/services/accounts';
import { saveCalendarYear } from '../../../shared/services/calendar';
import { endCase, openCase } from '../../../shared/services/development';
import { createElection, listElections } from '../../../shared/services/election';
import { assessmentFile, createSchemeDraft } from '../../../shared/services/assessment';
import { createEvaluation, createEvaluationsForAll, evaluationYearOverview } from '../../../shared/services/evaluation';
import type { ServiceDeps } from '../../../shared/services/deps';
import { AuthForbiddenError, InputInvalidError } from '../../../shared/errors';
import { fileObjection, getTaskView, objectionTaskId, publishNotice, recordObjectionOutcomes, startNoticeProcess, withdrawNotice } from '../../../shared/services/notice';
import {
  addAttendanceExclusion, changeMembershipStatus, closeOrganization, createOrganization, createPerson, editOrganization, editPerson,
  getOrganizationView, getPersonView, listOrgPeople, moveOrganization, searchPeople, OrgNotEmptyError, revealIdNumber, setRightsState,
} from '../../../shared/services/registry';
import { exportRoster, importRoster, previewRoster, type RosterImportResult, type RosterPreview } from '../../../shared/services/roster';
import { encodeExpected } from '../../../shared/services/roster/roster-carry';
import { getCase } from '../../../shared/store/cases-repo';
import { getNotice } from '../../../shared/store/notices-repo';
import { listObjections } from '../../../shared/store/objections-repo';
import { getOrganization } from '../../../shared/store/orgs-repo';
import { getPerson } from '../../../shared/store/people-repo';
import type { Store } from '../../../shared/store/store';
import { getTask } from '../../../shared/store/tasks-repo';
import { startTestRuntime, type TestRuntime } from '../../support/local-runtime';
import { noticeDraft } from '../../support/notice-fixtures';
import { putTestOrg, putTestPerson, testOrg, testPerson } from '../../support/registry-fixtures';
import { createTestStore } from '../../support/store';
import { idNumberFor, personRow, utf8Csv } from './roster/support/roster-fixtures';

// Acceptance (issue 3): every role × every action × target = own organization / a sibling / the parent, through the
// real service functions on DynamoDB Local and the local runtime (the notice process runs, so tasks are real).
// Refused → 403 and the table unchanged (scan before and after). Two kinds of refusal are not a 403, said where they
// are: a roster row for an organization outside the scope is a row problem of the file (the role itself may
// import), and the actions whose services have not joined ATTEMPTS yet are checked against the table only, at the end.
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
  runtime: TestRuntime;
  deps: ServiceDeps;
  actor: Actor;
  members: Map<string, Person>;
  activists: Map<string, Person>;
  /** An open notice of each organization, to withdraw. */
  openNotices: Map<string, string>;
  /** An open objection task (公示异议处理) of each organization: its notice ended with an objection. */
  objectionTasks: Map<string, { taskId: string; noticeId: string }>;
  /** An open development case of each organization (stage I running), to end. */
  openCases: Map<string, string>;
}

/** A roster file with one new person in organization `orgId` (by id; region 310101 so no ID number repeats a fixture's). */
function rosterFile(orgId: string): Buffer {
  const row = personRow(sequence++, { 所在党组织: orgId });
  return utf8Csv([{ ...row, 身份证号: idNumberFor(row.出生日期, row.性别 as '男' | '女', sequence, '310101') }]);
}

interface RosterAttempt {
  preview: RosterPreview;
  result: RosterImportResult;
}

const fullMember = async (c: Context, orgId: string) => (await getPerson(c.deps.store, c.members.get(orgId)!.id))!;
const org = async (c: Context, orgId: string) => (await getOrganization(c.deps.store, orgId))!;

/** One attempt per action on target T, with input that is valid when the actor is allowed. */
const ATTEMPTS: Partial<Record<Action, (c: Context, target: string) => Promise<unknown>>> = {
  'assessment.view': (c, t) => assessmentFile(c.deps, c.actor, t),
  'assessment.scheme': (c, t) => createSchemeDraft(c.deps, c.actor, t, 2026),
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
  // 显示完整证件号码: the full number, recorded in the person's file (a refusal writes nothing: the scan).
  'person.viewIdNumber': async (c, t) => {
    const idNumber = await revealIdNumber(c.deps, c.actor, c.members.get(t)!.id);
    expect(idNumber).toBe(c.members.get(t)!.idNumber);
    return idNumber;
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
  // Preview, then a confirmation that claims row 2 as new whatever the preview said (a forged one must not get in either).
  'roster.import': async (c, t): Promise<RosterAttempt> => {
    const preview = await previewRoster(c.deps, c.actor, { bytes: rosterFile(t), fileName: 'roster.csv' });
    const result = await importRoster(c.deps, c.actor, { ...preview.carry, expected: encodeExpected(new Map([[2, 0]])), fileName: preview.fileName });
    return { preview, result };
  },
  'roster.export': (c, t) => exportRoster(c.deps, c.actor, t, 'csv'),
  // A branch staff account in the target (committee staff manage only those; which roles is domain/accounts' rule).
  'account.manage': (c, t) => createAccount({ ...c.deps, accounts: createLocalAccountDirectory(c.deps.store) }, c.actor, {
    username: `staff${sequence++}`, displayName: '新同志', role: 'branch-staff', orgId: t, email: 'new@example.org', temporaryPassword: 'Chushi2026x',
  }),
  'notice.publish': (c, t) => publishNotice(c.deps, c.actor, {
    idempotencyKey: randomBytes(12).toString('base64url'), personId: c.activists.get(t)!.id, kind: 'activist', audience: 'public',
    proposedStep: '拟确定为入党积极分子', office: '组织科', contact: '010-1', periodUnit: 'workingDays', periodCount: '5',
  }),
  'notice.withdraw': async (c, t) => {
    await withdrawNotice(c.deps, c.actor, c.openNotices.get(t)!, { reason: '材料需补充，重新公示' });
    return (await getNotice(c.deps.store, c.openNotices.get(t)!))!.status;
  },
  'task.handle': async (c, t) => {
    const { taskId, noticeId } = c.objectionTasks.get(t)!;
    const objections = await listObjections(c.deps.store, noticeId); // the store, not the (authorized) task view
    const form = Object.fromEntries(objections.flatMap((o) => [[`decision.${o.id}`, 'unfounded'], [`note.${o.id}`, '经核实，反映情况不属实'], [`reviewDate.${o.id}`, '']]));
    return recordObjectionOutcomes(c.deps, c.actor, taskId, form);
  },
  'case.end': async (c, t) => {
    await endCase(c.deps, c.actor, c.openCases.get(t)!, { kind: 'withdrawn', reason: '本人书面申请撤回入党申请。', confirmed: 'yes' });
    return (await getCase(c.deps.store, c.openCases.get(t)!))!.status;
  },
  'election.view': (c, t) => listElections(c.deps, c.actor, t),
  'election.handle': (c, t) => createElection(c.deps, c.actor, {
    orgId: t, form: 'standard', seats: '3', deputies: '1', meetingDate: '2026-04-20', structure: '委员 3 名', method: '差额选举',
  }),
  'evaluation.view': (c, t) => evaluationYearOverview(c.deps, c.actor, t, 2026),
  // Evaluated are branches only: allowed on a committee, the service then answers that it is not a branch (after authorizing).
  'evaluation.handle': (c, t) => createEvaluation(c.deps, c.actor, { orgId: t, year: '2026', date: '2026-04-20' })
    .catch((error: unknown) => (error instanceof InputInvalidError && error.fieldErrors.orgId ? 'not a branch' : Promise.reject(error))),
  'evaluation.startAll': (c, t) => createEvaluationsForAll(c.deps, c.actor, { orgId: t, year: '2027', date: '2026-04-20' }),
  // The calendar belongs to no organization: the target makes no difference (administrators everywhere, others nowhere).
  'calendar.manage': (c) => saveCalendarYear(c.deps, c.actor, { year: 2030, daysOff: ['2030-01-01'], workingWeekendDays: [], source: '测试' }),
};

/**
 * Actions where a role that has the action, aiming outside its scope, is refused row by row instead of with a 403:
 * the roster (a file may name several organizations; each row outside the scope is a problem, nothing of it is written).
 */
const ROW_LEVEL: Partial<Record<Action, { allowed: (outcome: never) => void; refused: (outcome: never) => void }>> = {
  'roster.import': {
    allowed: ({ preview, result }: RosterAttempt) => {
      expect(preview.rows.map((r) => r.outcome)).toEqual(['new']);
      expect(result).toMatchObject({ created: [2], updated: [], refused: [] });
    },
    refused: ({ preview, result }: RosterAttempt) => {
      expect(preview.rows).toEqual([expect.objectContaining({ outcome: 'invalid', problems: [expect.objectContaining({ message: expect.stringContaining('不在您的管理范围内') })] })]);
      expect(result).toMatchObject({ created: [], updated: [], skipped: [expect.objectContaining({ rowNumber: 2 })] });
    },
  },
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

/**
 * One runtime per role: the tree, a full member and an activist in every organization, and for every organization
 * a notice that ended with an objection (its task open) and a notice still open. Monday 2 March 2026, 09:00 China time;
 * 5 working days end on Friday 6 March, 23:59:59.
 */
async function setUp(role: StaffRole): Promise<Context> {
  const store = await createTestStore();
  for (const o of ORGS) await putTestOrg(store, o);
  const members = new Map<string, Person>();
  const activists = new Map<string, Person>();
  for (const o of ORGS) {
    members.set(o.id, await putTestPerson(store, testPerson({ orgId: o.id, name: `${o.id} 党员` })));
    activists.set(o.id, await putTestPerson(store, testPerson({ orgId: o.id, name: `${o.id} 积极分子`, status: 'activist', statusHistory: [{ value: 'activist', from: '2025-01-01' }] })));
  }
  // Enough voting members in each organization for an election of 3 seats (a committee, 4 candidates).
  await Promise.all(ORGS.flatMap((o) => Array.from({ length: 6 }, (_, i) => putTestPerson(store, testPerson({ orgId: o.id, name: `${o.id} 委员${i + 1}` })))));
  const runtime = await startTestRuntime('2026-03-02T01:00:00.000Z', store);
  const publish = async (orgId: string) => {
    const draft = noticeDraft({ orgId, orgName: orgId, createdBy: 'system' });
    await startNoticeProcess(runtime.deps, draft);
    return draft.id;
  };
  const ended = new Map<string, string>();
  for (const o of ORGS) ended.set(o.id, await publish(o.id));
  await runtime.stepFunctions.settled();
  for (const [orgId, noticeId] of ended) await fileObjection(runtime.deps, noticeId, { content: `${orgId}：该同志工作作风需核实`, name: '王五', contact: '13800000000' });
  await runtime.advanceTo('2026-03-07T01:00:00.000Z');
  const openNotices = new Map<string, string>();
  for (const o of ORGS) openNotices.set(o.id, await publish(o.id));
  await runtime.stepFunctions.settled();
  const objectionTasks = new Map([...ended].map(([orgId, noticeId]) => [orgId, { taskId: objectionTaskId(noticeId), noticeId }]));
  const admin = await resolveActor(store, IDENTITIES.admin);
  const openCases = new Map<string, string>();
  for (const o of ORGS) {
    const applicant = await putTestPerson(store, testPerson({ orgId: o.id, name: `${o.id} 申请人`, status: 'applicant', statusHistory: [{ value: 'applicant', from: '2026-03-01' }] }));
    openCases.set(o.id, (await openCase(runtime.deps, admin, { personId: applicant.id, applicationDate: '2026-03-06' })).id);
  }
  await runtime.stepFunctions.settled();
  return { runtime, deps: runtime.deps, actor: await resolveActor(store, IDENTITIES[role]), members, activists, openNotices, objectionTasks, openCases };
}

const ROLES: StaffRole[] = ['admin', 'committee-staff', 'branch-staff'];
const SERVICE_ACTIONS = ACTIONS.filter((action) => ATTEMPTS[action]);

describe.each(ROLES)('%s', (role) => {
  let c: Context;
  beforeAll(async () => {
    c = await setUp(role);
    for (const { taskId } of c.objectionTasks.values()) expect(await getTask(c.deps.store, taskId)).toMatchObject({ status: 'open' });
  }, 60_000);
  afterAll(async () => {
    await c?.runtime.shutdown();
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
    const rowLevel = ROW_LEVEL[action];
    if (rowLevel && PERMISSIONS[action].includes(role)) {
      (allowed ? rowLevel.allowed : rowLevel.refused)((await attempt) as never);
      if (!allowed) expect(await scan(c.deps.store)).toEqual(before);
    } else if (allowed) {
      const outcome = ALLOWED_OUTCOME[action];
      if (outcome) await expect(attempt).rejects.toBeInstanceOf(outcome);
      else await expect(attempt).resolves.toBeDefined();
    } else {
      await expect(attempt).rejects.toMatchObject({ httpStatus: 403 });
      await expect(attempt.catch((e: unknown) => e)).resolves.toBeInstanceOf(AuthForbiddenError);
      await c.runtime.stepFunctions.settled(); // nor anything a refused call might have set going
      expect(await scan(c.deps.store)).toEqual(before);
    }
    // What an allowed call set going (the notice process) runs to rest before the next case scans.
    await c.runtime.stepFunctions.settled();
  });

  // Reads that go with the actions: refused outside the scope like the changes.
  test.each(['own', 'sibling', 'parent'] as const)('reading on %s organization: the people list and 人员查找 (person.view), the task view (task.handle)', async (where) => {
    const target = TARGETS[role][where];
    const tree = await loadOrgTree(c.deps.store);
    const reads = [
      ['person.view', () => listOrgPeople(c.deps, c.actor, target)],
      ['person.view', () => listOrgPeople(c.deps, c.actor, target, { list: 'left' })],
      ['person.view', () => searchPeople(c.deps, c.actor, target, '张伟')],
      ['task.handle', () => getTaskView(c.deps, c.actor, c.objectionTasks.get(target)!.taskId)],
    ] as const;
    for (const [action, read] of reads) {
      if (permits(c.actor, action, target, tree)) await expect(read()).resolves.toBeDefined();
      else await expect(read()).rejects.toBeInstanceOf(AuthForbiddenError);
    }
  });
});

// Actions whose service has not joined ATTEMPTS yet: checked against the permission table and the scope only.
describe('actions without a service attempt: the table and the scope', () => {
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
