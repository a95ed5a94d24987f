import type { Actor } from '../../shared/services/actor';
import { hashPassword } from '../../shared/services/auth';
import type { ServiceDeps } from '../../shared/services/deps';
import { getAccount, putAccount } from '../../shared/store/accounts-repo';
import { putOrganization } from '../../shared/store/orgs-repo';
import { putPerson } from '../../shared/store/people-repo';
import { DEMO_ORGANIZATIONS, DEMO_PEOPLE, DEMO_SIGN_INS, type DemoSignIn } from './seed-data';

export { DEMO_ORGANIZATIONS, DEMO_ORG_IDS, DEMO_PASSWORD, DEMO_PEOPLE, DEMO_SIGN_INS, demoIdNumber, type DemoSignIn } from './seed-data';

export interface SeedResult {
  organizations: number;
  accounts: number;
  people: number;
}

/** The actor a demo account signs in as (for publishing the demo notices through the services). */
export function demoActor(username: string): Actor {
  const account = DEMO_SIGN_INS.find((signIn) => signIn.username === username);
  if (!account) throw new Error(`No demo account ${username}`);
  return { id: account.username, displayName: account.displayName, role: account.role, orgId: account.orgId, scopeOrgIds: account.scopeOrgIds };
}

async function seedAccount(deps: Pick<ServiceDeps, 'store'>, signIn: DemoSignIn): Promise<boolean> {
  if (await getAccount(deps.store, signIn.username)) return false;
  const { username, role, orgId, scopeOrgIds, email, displayName } = signIn;
  return putAccount(deps.store, { username, passwordHash: await hashPassword(signIn.password), role, orgId, scopeOrgIds, email, displayName }, { onlyIfNew: true });
}

/**
 * Seeds the demo organizations, staff accounts and people. Idempotent: every write is conditional
 * (only if absent), so a second run changes nothing. Returns how many items this run created.
 */
export async function seedDemo(deps: Pick<ServiceDeps, 'store'>): Promise<SeedResult> {
  const count = (results: boolean[]) => results.filter(Boolean).length;
  const organizations = count(await Promise.all(DEMO_ORGANIZATIONS.map((org) => putOrganization(deps.store, org))));
  const accounts = count(await Promise.all(DEMO_SIGN_INS.map((signIn) => seedAccount(deps, signIn))));
  const people = count(await Promise.all(DEMO_PEOPLE.map((person) => putPerson(deps.store, person))));
  return { organizations, accounts, people };
}

/** Suggested demo notices for the caller to publish through publishNotice (fixed keys: publishing twice is a no-op). */
export const DEMO_NOTICE_PLANS: { actor: string; form: Record<string, string> }[] = [
  {
    actor: 'bangongshi',
    form: {
      idempotencyKey: 'demo-notice-office-dev-target', personId: 'demo-office-01', kind: 'development-target', audience: 'public',
      previousStageLabel: '确定为入党积极分子时间', previousStageDate: '2024-09-27', proposedStep: '拟确定为发展对象',
      office: '数据管理局机关党委（办公楼 305 室）', contact: '电话 010-65550305', periodUnit: 'workingDays', periodCount: '5',
    },
  },
  {
    actor: 'yewuyichu',
    form: {
      idempotencyKey: 'demo-notice-business-activist', personId: 'demo-business-03', kind: 'activist', audience: 'public',
      proposedStep: '拟确定为入党积极分子', office: '业务一处党支部（办公楼 512 室）', contact: '电话 010-65550512',
      periodUnit: 'workingDays', periodCount: '5',
    },
  },
  {
    actor: 'zuzhiyuan',
    form: {
      idempotencyKey: 'demo-notice-business-admission', personId: 'demo-business-02', kind: 'admission', audience: 'public',
      previousStageLabel: '确定为发展对象时间', previousStageDate: '2025-03-20', proposedStep: '拟接收为中共预备党员',
      office: '数据管理局机关党委（办公楼 305 室）', contact: '电话 010-65550305', periodUnit: 'workingDays', periodCount: '5',
    },
  },
];
