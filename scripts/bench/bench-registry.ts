import { demoIdNumber } from '../../infra/local/seed-data';
import type { Organization } from '../../shared/domain/registry/organization';
import type { Person } from '../../shared/domain/registry/person';
import { auditPut } from '../../shared/store/audit';
import { orgPk, organizationWrites } from '../../shared/store/orgs-repo';
import { newPersonId, personPk, putNewPersonItems } from '../../shared/store/people-repo';
import type { Store } from '../../shared/store/store';
import { transactWrite } from '../../shared/store/transact';

/** Registry records of the benchmarks' worlds, written with their first audit event as the services do. */

const CREATED_AT = '2026-01-01T00:00:00.000Z';

/**
 * A full member (unless overridden) with a valid ID number. `index` picks the birth date and the ID number's
 * sequence: distinct indexes below 4,500 give distinct ID numbers.
 */
export function benchPerson(orgId: string, name: string, index: number, overrides: Partial<Person>): Person {
  const birthDate = `199${index % 10}-0${1 + (index % 9)}-1${index % 10}`;
  return {
    id: newPersonId(), orgId, name, gender: '男', ethnicity: '汉族', birthDate, education: '大学本科', unitPost: '综合科 科员', phone: '13900000000',
    idNumber: demoIdNumber('110105', birthDate, index, '男'),
    status: 'full', statusHistory: [{ value: 'full', from: '2015-07-01' }], rightsState: 'normal', rightsHistory: [], exclusions: [], version: 1,
    ...overrides,
  };
}

export const benchOrg = (fields: Pick<Organization, 'id' | 'kind' | 'name'> & Partial<Organization>): Organization =>
  ({ committee: [], mayApprove: fields.kind === 'committee', status: 'active', version: 1, ...fields });

export async function putBenchOrg(store: Store, value: Organization): Promise<Organization> {
  await transactWrite(store, [...organizationWrites(store, { created: [value] }), auditPut(store, orgPk(value.id), { at: CREATED_AT, action: 'org.created', actor: 'system' })]);
  return value;
}

export async function putBenchPerson(store: Store, value: Person): Promise<Person> {
  await transactWrite(store, [...putNewPersonItems(store, value), auditPut(store, personPk(value.id), { at: CREATED_AT, action: 'person.created', actor: 'system' })]);
  return value;
}
