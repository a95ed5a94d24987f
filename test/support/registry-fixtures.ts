import { orgPath } from '../../shared/domain/registry/org-path';
import { demoIdNumber } from '../../infra/local/seed-data';
import type { Organization } from '../../shared/domain/registry/organization';
import type { Person } from '../../shared/domain/registry/person';
import { auditPut } from '../../shared/store/audit';
import { getOrganization, organizationWrites, orgPk } from '../../shared/store/orgs-repo';
import { newPersonId, personPk, putNewPersonItems } from '../../shared/store/people-repo';
import type { Store } from '../../shared/store/store';
import { transactWrite } from '../../shared/store/transact';

/** Registry records for tests: full records with defaults, written with their first audit event (a person with its ID-number index item) as the services do. */

export function testOrg(org: Pick<Organization, 'id' | 'kind'> & Partial<Organization>): Organization {
  return {
    name: `${org.id} 组织`,
    committee: [],
    mayApprove: org.kind === 'working-committee' || org.kind === 'committee',
    status: 'active',
    version: 1,
    ...org,
  };
}

let sequence = 1;

/** A person with a valid ID number (unique per call unless `idNumber` is given) and a random id (unless `id` is given). */
export function testPerson(person: Pick<Person, 'orgId'> & Partial<Person>): Person {
  const gender = person.gender ?? '男';
  const birthDate = person.birthDate ?? '1990-05-17';
  const idNumber = person.idNumber ?? demoIdNumber('110105', birthDate, 100 + (sequence++ % 400), gender);
  const status = person.status ?? 'full';
  return {
    name: `测试${sequence}`,
    gender,
    ethnicity: '汉族',
    birthDate,
    education: '大学本科',
    unitPost: '综合科 科员',
    phone: '13900000000',
    statusHistory: [{ value: status, from: '2015-07-01' }],
    rightsState: 'normal',
    rightsHistory: [],
    exclusions: [],
    version: 1,
    id: newPersonId(),
    ...person,
    idNumber,
    status,
  };
}

export async function putTestOrg(store: Store, org: Organization): Promise<Organization> {
  const parentPath = org.parentId ? (await getOrganization(store, org.parentId))?.path : undefined;
  await transactWrite(store, [...organizationWrites(store, { created: [{ ...org, path: orgPath(parentPath, org.id) }] }), auditPut(store, orgPk(org.id), { at: '2026-01-01T00:00:00.000Z', action: 'org.created', actor: 'system' })]);
  return org;
}

export async function putTestPerson(store: Store, person: Person): Promise<Person> {
  await transactWrite(store, [...putNewPersonItems(store, person), auditPut(store, personPk(person.id), { at: '2026-01-01T00:00:00.000Z', action: 'person.created', actor: 'system' })]);
  return person;
}
