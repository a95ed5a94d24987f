import type { Actor } from '../../shared/services/actor';
import { putAccount } from '../../shared/store/accounts-repo';
import type { Store } from '../../shared/store/store';
import { benchOrg as org, benchPerson as person, putBenchOrg as putOrg, putBenchPerson as putPerson } from './bench-registry';

/** The organizations, accounts and people of the development benchmark: a committee, one branch, 3 members, N applicants. */

export const benchBranchStaff: Actor = { id: 'bench-branch-staff', displayName: '李组织委员', role: 'branch-staff', orgId: 'bench-branch', scopeOrgIds: ['bench-branch'] };
export const benchCommitteeStaff: Actor = {
  id: 'bench-committee-staff', displayName: '王组织员', role: 'committee-staff', orgId: 'bench-committee', scopeOrgIds: ['bench-committee', 'bench-branch'],
};
export const BENCH_APPROVER_EMAIL = 'approver@bench.example.org';

const SURNAMES = [...'王李张刘陈杨赵黄周吴'];
const GIVEN = [...'明华强军平刚伟芳敏静丽勇杰涛超磊洋艳娟霞'];

/** Distinct three-character names (none is part of another), so a mail names exactly one applicant. */
export const applicantName = (index: number) => `${SURNAMES[index % 10]}${GIVEN[Math.floor(index / 10) % 20]}${GIVEN[(index + 7) % 20]}`;

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
