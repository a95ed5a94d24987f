import { demoIdNumber } from '../../infra/local/seed-data';
import type { Actor } from '../../shared/services/actor';
import { putAccount } from '../../shared/store/accounts-repo';
import type { Store } from '../../shared/store/store';
import { benchOrg, benchPerson, putBenchOrg, putBenchPerson } from './bench-registry';
import { mapLimit } from './stats';

/**
 * The world of the evaluation benchmark: 机关党委 (its secretary approves by e-mail link) and N branches of 30 full
 * members each, every branch with its own staff account.
 */
export const EVALUATION_APPROVER_EMAIL = 'approver@bench.example.org';
export const EVALUATION_COMMITTEE_ID = 'bench-committee';
export const MEMBERS_PER_BRANCH = 30;

export interface EvaluationBranch {
  orgId: string;
  orgName: string;
  staff: Actor;
}

export interface EvaluationWorld {
  branches: EvaluationBranch[];
  committeeStaff: Actor;
}

const pad = (index: number) => String(index + 1).padStart(3, '0');
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹';

/** At most 300 branches (ID numbers stay distinct: two regions of 150 branches × 30). */
export async function setUpEvaluationWorld(store: Store, branches: number): Promise<EvaluationWorld> {
  if (branches > 300) throw new Error('at most 300 branches (ID numbers stay distinct)');
  const approverPerson = benchPerson(EVALUATION_COMMITTEE_ID, '赵审批', 0, { email: EVALUATION_APPROVER_EMAIL });
  const approver = await putBenchPerson(store, { ...approverPerson, idNumber: demoIdNumber('110107', approverPerson.birthDate, 0, '男') });
  await putBenchOrg(store, benchOrg({ id: EVALUATION_COMMITTEE_ID, kind: 'committee', name: '机关党委', committee: [{ personId: approver.id, name: approver.name, post: 'secretary' }] }));
  await putAccount(store, { username: 'bench-committee-staff', passwordHash: 'x', role: 'committee-staff', orgId: EVALUATION_COMMITTEE_ID, email: 'committee@bench.example.org', displayName: '王组织员' });
  const result = await mapLimit(Array.from({ length: branches }, (_, b) => b), 10, async (b) => {
    const orgId = `bench-branch-${pad(b)}`;
    const orgName = `机关第${pad(b)}党支部`;
    await putBenchOrg(store, benchOrg({ id: orgId, kind: 'branch', parentId: EVALUATION_COMMITTEE_ID, name: orgName }));
    for (let i = 0; i < MEMBERS_PER_BRANCH; i++) {
      const index = (b % 150) * MEMBERS_PER_BRANCH + i;
      const person = benchPerson(orgId, `${SURNAMES[i]}${b % 2 ? '明' : '华'}`, index, {});
      await putBenchPerson(store, { ...person, idNumber: demoIdNumber(b < 150 ? '110105' : '110106', person.birthDate, index, '男') });
    }
    const staff: Actor = { id: `bench-staff-${pad(b)}`, displayName: '钱组织委员', role: 'branch-staff', orgId, scopeOrgIds: [orgId] };
    await putAccount(store, { username: staff.id, passwordHash: 'x', role: 'branch-staff', orgId, email: `staff-${pad(b)}@bench.example.org`, displayName: staff.displayName });
    return { orgId, orgName, staff };
  });
  const committeeStaff: Actor = {
    id: 'bench-committee-staff', displayName: '王组织员', role: 'committee-staff', orgId: EVALUATION_COMMITTEE_ID, scopeOrgIds: [EVALUATION_COMMITTEE_ID, ...result.map((r) => r.orgId)],
  };
  return { branches: result, committeeStaff };
}
