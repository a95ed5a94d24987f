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

/** The organizations, accounts and people of the development benchmark: a committee, one branch, 3 members, N applicants. */

export const benchBranchStaff: Actor = { id: 'bench-branch-staff', displayName: '李组织委员', role: 'branch-staff', orgId: 'bench-branch', scopeOrgIds: ['bench-branch'] };
export const benchCommitteeStaff: Actor = {
  id: 'bench-committee-staff', displayName: '王组织员', role: 'committee-staff', orgId: 'bench-committee', scopeOrgIds: ['bench-committee', 'bench-branch'],
};
export const BENCH_APPROVER_EMAIL = 'approver@bench.example.org';

const SURNAMES = [...'王李张刘陈杨赵黄周吴'];
const GIVEN = [...'明华强军平刚伟芳敏静丽勇杰涛超磊洋艳娟霞'];
const CREATED_AT = '2026-01-01T00:00:00.000Z';

/** Distinct three-character names (none is part of another), so a mail names exactly one applicant. */
export const applicantName = (index: number) => `${SURNAMES[index % 10]}${GIVEN[Math.floor(index / 10) % 20]}${GIVEN[(index + 7) % 20]}`;

function person(orgId: string, name: string, index: number, overrides: Partial<Person>): Person {
  const birthDate = `199${index % 10}-0${1 + (index % 9)}-1${index % 10}`;
  return {
    id: newPersonId(), orgId, name, gender: '男', ethnicity: '汉族', birthDate, education: '大学本科', unitPost: '综合科 科员', phone: '13900000000',
    idNumber: demoIdNumber('110105', birthDate, index, '男'),
    status: 'full', statusHistory: [{ value: 'full', from: '2015-07-01' }], rightsState: 'normal', rightsHistory: [], exclusions: [], version: 1,
    ...overrides,
  };
}

const org = (fields: Pick<Organization, 'id' | 'kind' | 'name'> & Partial<Organization>): Organization =>
  ({ committee: [], mayApprove: fields.kind === 'committee', status: 'active', version: 1, ...fields });

async function putOrg(store: Store, value: Organization) {
  await transactWrite(store, [putNewOrganization(store, value), auditPut(store, orgPk(value.id), { at: CREATED_AT, action: 'org.created', actor: 'system' })]);
}

async function putPerson(store: Store, value: Person) {
  await transactWrite(store, [...putNewPersonItems(store, value), auditPut(store, personPk(value.id), { at: CREATED_AT, action: 'person.created', actor: 'system' })]);
  return value;
}

export interface BenchWorld {
  members: string[];
  applicants: { id: string; name: string }[];
}

/** `applicants` at most 200: names and ID numbers stay distinct. */
export async function setUpDevelopmentWorld(store: Store, applicants: number): Promise<BenchWorld> {
  if (applicants > 200) throw new Error('at most 200 applicants (names and ID numbers stay distinct)');
  const approver = await putPerson(store, person('bench-committee', '赵审批', 490, { email: BENCH_APPROVER_EMAIL }));
  await putOrg(store, org({ id: 'bench-committee', kind: 'committee', name: '机关党委', committee: [{ personId: approver.id, name: approver.name, post: 'secretary' }] }));
  await putOrg(store, org({ id: 'bench-branch', kind: 'branch', parentId: 'bench-committee', name: '基准测试党支部' }));
  await putAccount(store, { username: benchBranchStaff.id, passwordHash: 'x', role: 'branch-staff', orgId: 'bench-branch', email: 'branch@bench.example.org', displayName: '李组织委员' });
  await putAccount(store, { username: benchCommitteeStaff.id, passwordHash: 'x', role: 'committee-staff', orgId: 'bench-committee', email: 'committee@bench.example.org', displayName: '王组织员' });
  const members: string[] = [];
  for (const [index, name] of ['钱一', '孙二', '周三'].entries()) members.push((await putPerson(store, person('bench-branch', name, 480 + index, {}))).id);
  const people: BenchWorld['applicants'] = [];
  for (let index = 0; index < applicants; index++) {
    const name = applicantName(index);
    const added = await putPerson(store, person('bench-branch', name, index, { status: 'applicant', statusHistory: [{ value: 'applicant', from: '2025-12-01' }] }));
    people.push({ id: added.id, name });
  }
  return { members, applicants: people };
}
