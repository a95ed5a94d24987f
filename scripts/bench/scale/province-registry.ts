import { withAncestryPaths } from '../../../shared/domain/registry/org-tree';
import { demoIdNumber } from '../../../infra/local/seed-data';
import type { MembershipStatus, Person } from '../../../shared/domain/registry/person';
import type { Organization } from '../../../shared/domain/registry/organization';
import type { StaffRole } from '../../../shared/services/actor';
import { putNewAccount } from '../../../shared/store/accounts-repo';
import { auditPut } from '../../../shared/store/audit';
import { orgPk, organizationPutForBulkLoad } from '../../../shared/store/orgs-repo';
import { newPersonId, personPk, putNewPersonItems } from '../../../shared/store/people-repo';
import type { Store } from '../../../shared/store/store';
import type { BulkWriter } from './bulk-write';
import type { ProvinceSize } from './province-size';

/**
 * The registry of a generated province: the working committee, its agency committees, their general branches and
 * branches (every committee's branches under general branches of up to 8), people spread over the branches with
 * their status histories, each branch's committee and term, and staff accounts. Items as the registry services write
 * them (orgs-repo, people-repo, accounts-repo, each record with its creation audit event).
 */

export const WORKING_COMMITTEE_ID = 'wc';
export const committeeId = (k: number) => `c-${String(k + 1).padStart(3, '0')}`;
const branchId = (j: number) => `b-${String(j + 1).padStart(4, '0')}`;
const CREATED_AT = '2025-09-01T00:00:00.000Z';

const SURNAMES = [...'王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕'];
const GIVEN = [...'明华强军平刚伟芳敏静丽勇杰涛超磊洋艳娟霞秀英兰玉红建国志新春晓宇鹏飞'];
export const personName = (i: number) =>
  `${SURNAMES[i % SURNAMES.length]}${GIVEN[Math.floor(i / SURNAMES.length) % GIVEN.length]}${GIVEN[Math.floor(i / (SURNAMES.length * GIVEN.length)) % GIVEN.length]}`;

const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** Distinct, valid ID numbers for up to 15,000 × 500 people: the birth date from the index, the sequence beyond. */
function idNumberOf(i: number): { birthDate: string; idNumber: string } {
  const birthDate = addDays('1962-01-01', i % 15_000);
  return { birthDate, idNumber: demoIdNumber('110105', birthDate, Math.floor(i / 15_000), '男') };
}

const LADDER: MembershipStatus[] = ['applicant', 'activist', 'development-target', 'probationary', 'full'];

/** A status history up to `status`, the steps a year apart (the last one `lastFrom`). */
export function historyUpTo(status: MembershipStatus, lastFrom: string): Person['statusHistory'] {
  const steps = LADDER.slice(0, LADDER.indexOf(status) + 1);
  return steps.map((value, index) => ({ value, from: addDays(lastFrom, -365 * (steps.length - 1 - index)) }));
}

export interface ProvinceRegistry {
  committees: string[];
  /** Organizations that hold people (kind branch), in order. */
  branches: string[];
  /** Each branch's committee (the agency committee above it). */
  committeeOf: Map<string, string>;
  /** Every organization's name and ancestry path. */
  names: Map<string, string>;
  paths: Map<string, string>;
  people: Person[];
  /** Staff accounts by name: committee staff of the working committee and of the first agency committee. */
  staff: { working: string[]; agency: string[] };
}

export interface RegistryOptions {
  size: ProvinceSize;
  /** A hash of the staff accounts' password (hashed once). */
  passwordHash: string;
  /** Staff accounts of each of the two committees measured (one per concurrent client). */
  staffAccounts: number;
  /** People to be given a status other than full (their cases come later): index → status. */
  statusOf: (personIndex: number) => MembershipStatus;
}

export async function writeProvinceRegistry(store: Store, writer: BulkWriter, options: RegistryOptions): Promise<ProvinceRegistry> {
  const { size } = options;
  const orgs: Organization[] = [{ id: WORKING_COMMITTEE_ID, kind: 'working-committee', name: '省直机关工作委员会', committee: [], mayApprove: true, status: 'active', version: 1 }];
  const committees = Array.from({ length: size.committees }, (_, k) => committeeId(k));
  for (const [k, id] of committees.entries()) {
    orgs.push({ id, kind: 'committee', parentId: WORKING_COMMITTEE_ID, name: `省第${k + 1}厅机关党委`, committee: [], mayApprove: true, status: 'active', version: 1 });
  }
  const branches: string[] = [];
  const committeeOf = new Map<string, string>();
  const branchOrgs: Organization[] = [];
  for (let j = 0; j < size.branches; j++) {
    const k = Math.floor((j * size.committees) / size.branches);
    const first = Math.ceil((k * size.branches) / size.committees);
    const slots = Math.ceil(((k + 1) * size.branches) / size.committees) - first;
    const local = j - first;
    const general = slots >= 3 && local % 8 === 0;
    const parentId = local % 8 === 0 || slots < 3 ? committees[k] : branchId(first + local - (local % 8));
    const month = j % 36;
    const termEnd = `${2026 + Math.floor((8 + month) / 12)}-${String(((8 + month) % 12) + 1).padStart(2, '0')}-28`;
    const org: Organization = {
      id: branchId(j), parentId, kind: general ? 'general-branch' : 'branch', name: general ? `第${k + 1}厅第${local / 8 + 1}党总支` : `第${k + 1}厅第${local + 1}党支部`,
      committee: [], mayApprove: false, status: 'active', version: 1, termStart: `${Number(termEnd.slice(0, 4)) - 3}${termEnd.slice(4, 8)}01`, termEnd,
    };
    orgs.push(org);
    if (!general) {
      branches.push(org.id);
      branchOrgs.push(org);
      committeeOf.set(org.id, committees[k]);
    }
  }

  const people: Person[] = [];
  const posts = ['secretary', 'deputy-secretary', 'member'] as const;
  for (let i = 0; i < size.people; i++) {
    const branch = branchOrgs[i % branchOrgs.length];
    const status = options.statusOf(i);
    const { birthDate, idNumber } = idNumberOf(i);
    const lastFrom = addDays('2026-06-01', -(i % 900));
    const person: Person = {
      id: newPersonId(), orgId: branch.id, name: personName(i), gender: '男', ethnicity: '汉族', birthDate, idNumber, education: '大学本科', unitPost: '综合处 科员', phone: '13900000000',
      status, statusHistory: historyUpTo(status, lastFrom), rightsState: 'normal', rightsHistory: [], exclusions: [], version: 1,
      ...(status === 'applicant' ? { applicationDate: lastFrom } : {}),
    };
    people.push(person);
    const post = Math.floor(i / branchOrgs.length);
    if (post < posts.length && status === 'full') branch.committee.push({ personId: person.id, name: person.name, post: posts[post] });
    await writer.put(...putNewPersonItems(store, person), auditPut(store, personPk(person.id), { at: CREATED_AT, action: 'person.created', actor: 'system' }));
  }
  const withPaths = withAncestryPaths(orgs);
  for (const org of withPaths) await writer.put(organizationPutForBulkLoad(store, org), auditPut(store, orgPk(org.id), { at: CREATED_AT, action: 'org.created', actor: 'system' }));

  const account = (username: string, role: StaffRole, orgId: string, displayName: string) =>
    writer.put(putNewAccount(store, { username, passwordHash: options.passwordHash, role, orgId, email: `${username}@bench.example.org`, displayName, createdAt: CREATED_AT }));
  const staff = { working: [] as string[], agency: [] as string[] };
  for (let s = 0; s < options.staffAccounts; s++) {
    staff.working.push(`working-staff-${s}`);
    staff.agency.push(`agency-staff-${s}`);
    await account(`working-staff-${s}`, 'committee-staff', WORKING_COMMITTEE_ID, '王组织员');
    await account(`agency-staff-${s}`, 'committee-staff', committees[0], '李组织员');
  }
  for (const id of branches) await account(`staff-${id}`, 'branch-staff', id, '赵组织委员');
  return { committees, branches, committeeOf, names: new Map(orgs.map((o) => [o.id, o.name])), paths: new Map(withPaths.map((o) => [o.id, o.path as string])), people, staff };
}
