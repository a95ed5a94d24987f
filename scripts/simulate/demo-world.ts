import { demoIdNumber } from '../../infra/local/seed-data';
import type { Organization } from '../../shared/domain/registry/organization';
import type { Person } from '../../shared/domain/registry/person';
import type { Actor } from '../../shared/services/actor';
import { putAccount } from '../../shared/store/accounts-repo';
import { auditPut } from '../../shared/store/audit';
import { orgPk, putNewOrganization } from '../../shared/store/orgs-repo';
import { newPersonId, personPk, putNewPersonItems } from '../../shared/store/people-repo';
import type { Store } from '../../shared/store/store';
import { transactWrite } from '../../shared/store/transact';

/** The demo's organizations, people and staff: a committee (its secretary approves) above a branch of three members. */

export const BRANCH_STAFF: Actor = { id: 'demo-branch', displayName: '李组织委员', role: 'branch-staff', orgId: 'demo-branch', scopeOrgIds: ['demo-branch'] };
export const COMMITTEE_STAFF: Actor = { id: 'demo-committee', displayName: '王组织员', role: 'committee-staff', orgId: 'demo-committee', scopeOrgIds: ['demo-committee', 'demo-branch'] };
export const APPROVER_EMAIL = 'shuji@demo.example.cn';

function person(orgId: string, name: string, sequence: number, extra: Partial<Person> = {}): Person {
  const birthDate = extra.birthDate ?? '1985-06-15';
  const status = extra.status ?? 'full';
  return {
    id: newPersonId(), orgId, name, gender: '男', ethnicity: '汉族', birthDate, idNumber: demoIdNumber('110105', birthDate, sequence, '男'),
    education: '大学本科', unitPost: '办公室 科员', phone: '13900000000', status, statusHistory: [{ value: status, from: '2010-07-01' }],
    rightsState: 'normal', rightsHistory: [], exclusions: [], version: 1, ...extra,
  };
}

async function putOrg(store: Store, org: Organization) {
  await transactWrite(store, [putNewOrganization(store, org), auditPut(store, orgPk(org.id), { at: '2026-01-01T00:00:00.000Z', action: 'org.created', actor: 'system' })]);
}

async function putPerson(store: Store, p: Person): Promise<Person> {
  await transactWrite(store, [...putNewPersonItems(store, p), auditPut(store, personPk(p.id), { at: '2026-01-01T00:00:00.000Z', action: 'person.created', actor: 'system' })]);
  return p;
}

export interface DemoWorld {
  applicantId: string;
  members: string[];
}

export async function seedDemoWorld(store: Store): Promise<DemoWorld> {
  const secretary = await putPerson(store, person('demo-committee', '赵书记', 1, { email: APPROVER_EMAIL }));
  const base = { committee: [], mayApprove: false, status: 'active' as const, version: 1 };
  await putOrg(store, { ...base, id: 'demo-committee', name: '某机关党委', kind: 'committee', mayApprove: true, committee: [{ personId: secretary.id, name: '赵书记', post: 'secretary' }] });
  await putOrg(store, { ...base, id: 'demo-branch', name: '办公室党支部', kind: 'branch', parentId: 'demo-committee' });
  await putAccount(store, { username: BRANCH_STAFF.id, passwordHash: 'x', role: 'branch-staff', orgId: 'demo-branch', email: 'zhibu@demo.example.cn', displayName: BRANCH_STAFF.displayName });
  await putAccount(store, { username: COMMITTEE_STAFF.id, passwordHash: 'x', role: 'committee-staff', orgId: 'demo-committee', email: 'zuzhi@demo.example.cn', displayName: COMMITTEE_STAFF.displayName });
  const members: string[] = [];
  for (const [index, name] of ['钱一', '孙二', '周三'].entries()) members.push((await putPerson(store, person('demo-branch', name, 10 + index))).id);
  const applicant = await putPerson(store, person('demo-branch', '张三', 20, { birthDate: '1998-03-01', status: 'applicant', statusHistory: [{ value: 'applicant', from: '2026-01-05' }] }));
  return { applicantId: applicant.id, members };
}
