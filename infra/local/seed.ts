import type { StaffIdentity } from '../../shared/services/actor';
import { hashPassword } from '../../shared/services/auth';
import type { ServiceDeps } from '../../shared/services/deps';
import { getAccount, putAccount } from '../../shared/store/accounts-repo';
import { auditPut } from '../../shared/store/audit';
import { withAncestryPaths } from '../../shared/domain/registry/org-tree';
import { organizationWrites, orgPk } from '../../shared/store/orgs-repo';
import { personPk, putNewPersonItems } from '../../shared/store/people-repo';
import type { Store } from '../../shared/store/store';
import { StoreConditionFailedError, transactWrite, type TransactItem } from '../../shared/store/transact';
import { DEMO_ORGANIZATIONS, DEMO_PEOPLE, DEMO_SIGN_INS, demoPerson, type DemoSignIn } from './seed-data';

export { DEMO_ORGANIZATIONS, DEMO_ORG_IDS, DEMO_PASSWORD, DEMO_PEOPLE, DEMO_SIGN_INS, demoIdNumber, demoPerson, type DemoSignIn } from './seed-data';

export interface SeedResult {
  organizations: number;
  accounts: number;
  people: number;
}

/** Who a demo account signs in as (resolve it with `resolveActor` for the scope). */
export function demoActor(username: string): StaffIdentity {
  const account = DEMO_SIGN_INS.find((signIn) => signIn.username === username);
  if (!account) throw new Error(`No demo account ${username}`);
  return { id: account.username, displayName: account.displayName, role: account.role, orgId: account.orgId };
}

async function seedAccount(deps: Pick<ServiceDeps, 'store'>, signIn: DemoSignIn): Promise<boolean> {
  if (await getAccount(deps.store, signIn.username)) return false;
  const { username, role, orgId, email, displayName } = signIn;
  return putAccount(deps.store, { username, passwordHash: await hashPassword(signIn.password), role, orgId, email, displayName }, { onlyIfNew: true });
}

/**
 * Writes a new record with its audit event in one transaction; false when the record exists, or for a person
 * when their ID number is registered already (nothing changes).
 */
async function putOnce(store: Store, items: TransactItem[]): Promise<boolean> {
  try {
    await transactWrite(store, items);
    return true;
  } catch (error) {
    if (error instanceof StoreConditionFailedError) return false;
    throw error;
  }
}

/**
 * Seeds the demo organizations, staff accounts and people. Idempotent: every write is conditional
 * (only if absent), so a second run changes nothing. Each organization and person is written with its
 * first audit event (全程纪实) in the same transaction, a person also with its ID-number index item.
 * Returns how many items this run created.
 */
export async function seedDemo(deps: Pick<ServiceDeps, 'store'> & { clock?: ServiceDeps['clock'] }): Promise<SeedResult> {
  const { store } = deps;
  const at = (deps.clock?.now() ?? new Date()).toISOString();
  const count = (results: boolean[]) => results.filter(Boolean).length;
  const organizations = count(
    await Promise.all(
      withAncestryPaths(DEMO_ORGANIZATIONS).map((org) =>
        putOnce(store, [...organizationWrites(store, { created: [org] }), auditPut(store, orgPk(org.id), { at, action: 'org.created', actor: 'system', details: { name: org.name, kind: org.kind, parentId: org.parentId, seeded: true } })]),
      ),
    ),
  );
  const accounts = count(await Promise.all(DEMO_SIGN_INS.map((signIn) => seedAccount(deps, signIn))));
  const people = count(
    await Promise.all(
      DEMO_PEOPLE.map((person) =>
        putOnce(store, [...putNewPersonItems(store, person), auditPut(store, personPk(person.id), { at, action: 'person.created', actor: 'system', details: { name: person.name, orgId: person.orgId, status: person.status, seeded: true } })]),
      ),
    ),
  );
  return { organizations, accounts, people };
}

/** Suggested demo notices for the caller to publish through publishNotice (fixed keys: publishing twice is a no-op). */
export const DEMO_NOTICE_PLANS: { actor: string; form: Record<string, string> }[] = [
  {
    actor: 'bangongshi',
    form: {
      idempotencyKey: 'demo-notice-office-dev-target', personId: demoPerson('office-01').id, kind: 'development-target', audience: 'public',
      previousStageLabel: '确定为入党积极分子时间', previousStageDate: '2024-09-27', proposedStep: '拟确定为发展对象',
      office: '数据管理局机关党委（办公楼 305 室）', contact: '电话 010-65550305', periodUnit: 'workingDays', periodCount: '5',
    },
  },
  {
    actor: 'yewuyichu',
    form: {
      // 吴敏, an activist since 2024-11-20 with no case open (孙婷's case is at the talk: no notice yet).
      idempotencyKey: 'demo-notice-business-dev-target', personId: demoPerson('business-01').id, kind: 'development-target', audience: 'public',
      previousStageLabel: '确定为入党积极分子时间', previousStageDate: '2024-11-20', proposedStep: '拟确定为发展对象',
      office: '数据管理局机关党委（办公楼 305 室）', contact: '电话 010-65550305', periodUnit: 'workingDays', periodCount: '5',
    },
  },
  {
    actor: 'zuzhiyuan',
    form: {
      idempotencyKey: 'demo-notice-business-admission', personId: demoPerson('business-02').id, kind: 'admission', audience: 'public',
      previousStageLabel: '确定为发展对象时间', previousStageDate: '2025-03-20', proposedStep: '拟接收为中共预备党员',
      office: '数据管理局机关党委（办公楼 305 室）', contact: '电话 010-65550305', periodUnit: 'workingDays', periodCount: '5',
    },
  },
];
