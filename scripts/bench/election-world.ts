import type { Person } from '../../shared/domain/registry/person';
import type { Actor } from '../../shared/services/actor';
import { putAccount } from '../../shared/store/accounts-repo';
import type { Store } from '../../shared/store/store';
import { benchOrg, benchPerson, putBenchOrg, putBenchPerson } from './bench-registry';

/**
 * The organizations, accounts and people of the election benchmark and simulation: 机关党委 (its secretary decides by
 * e-mail link, a staff account receives objections) and N branches of 15 full members each, every branch with its
 * own staff account and a committee whose term ends on 2026-09-30.
 */

export const ELECTION_APPROVER_EMAIL = 'approver@bench.example.org';
export const ELECTION_COMMITTEE_ID = 'bench-committee';

/** The members of every branch; the first three form the committee now in office. */
export const BRANCH_MEMBERS = ['张伟', '王芳', '李娜', '刘洋', '陈静', '杨帆', '赵磊', '黄敏', '周杰', '吴丽', '徐强', '孙燕', '马超', '朱琳', '胡斌'];

export interface ElectionBranch {
  orgId: string;
  orgName: string;
  /** The branch's 组织委员, who enters every step of its election. */
  staff: Actor;
}

export interface ElectionWorld {
  branches: ElectionBranch[];
  committeeStaff: Actor;
}

const pad = (index: number) => String(index + 1).padStart(3, '0');

/** `branches` at most 250: ID numbers stay distinct. */
export async function setUpElectionWorld(store: Store, branches: number): Promise<ElectionWorld> {
  if (branches > 250) throw new Error('at most 250 branches (ID numbers stay distinct)');
  const approver = await putBenchPerson(store, benchPerson(ELECTION_COMMITTEE_ID, '赵审批', 4000, { email: ELECTION_APPROVER_EMAIL }));
  await putBenchOrg(store, benchOrg({ id: ELECTION_COMMITTEE_ID, kind: 'committee', name: '机关党委', committee: [{ personId: approver.id, name: approver.name, post: 'secretary' }] }));
  await putAccount(store, { username: 'bench-committee-staff', passwordHash: 'x', role: 'committee-staff', orgId: ELECTION_COMMITTEE_ID, email: 'committee@bench.example.org', displayName: '王组织员' });
  const result: ElectionBranch[] = [];
  for (let b = 0; b < branches; b++) {
    const orgId = `bench-branch-${pad(b)}`;
    const orgName = branches === 1 ? '办公室党支部' : `机关第${pad(b)}党支部`;
    const people: Person[] = [];
    for (const [i, name] of BRANCH_MEMBERS.entries()) people.push(await putBenchPerson(store, benchPerson(orgId, name, b * BRANCH_MEMBERS.length + i, {})));
    const posts = ['secretary', 'deputy-secretary', 'member'] as const;
    await putBenchOrg(store, benchOrg({
      id: orgId, kind: 'branch', parentId: ELECTION_COMMITTEE_ID, name: orgName, termStart: '2023-10-01', termEnd: '2026-09-30',
      committee: posts.map((post, i) => ({ personId: people[i].id, name: people[i].name, post })),
    }));
    const staff: Actor = { id: `bench-staff-${pad(b)}`, displayName: '钱组织委员', role: 'branch-staff', orgId, scopeOrgIds: [orgId] };
    await putAccount(store, { username: staff.id, passwordHash: 'x', role: 'branch-staff', orgId, email: `staff-${pad(b)}@bench.example.org`, displayName: staff.displayName });
    result.push({ orgId, orgName, staff });
  }
  const committeeStaff: Actor = {
    id: 'bench-committee-staff', displayName: '王组织员', role: 'committee-staff', orgId: ELECTION_COMMITTEE_ID, scopeOrgIds: [ELECTION_COMMITTEE_ID, ...result.map((r) => r.orgId)],
  };
  return { branches: result, committeeStaff };
}
