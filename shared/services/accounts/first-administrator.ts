import { orgPath } from '../../domain/registry/org-path';
import type { Organization } from '../../domain/registry/organization';
import { auditPut } from '../../store/audit';
import { getOrganization, getRootSetup, listOrganizations, orgPk, organizationWrites, putRootSetup } from '../../store/orgs-repo';
import { StoreConditionFailedError, transactWrite, type TransactItem } from '../../store/transact';
import type { ServiceDeps } from '../deps';
import { InputInvalidError } from '../../errors';
import type { AccountDirectory } from './account-directory';
import { AccountExistsError, AccountsAlreadySetUpError } from './errors';
import { newAccountItems, newAccountProblems, type NewAccountInput } from './new-account';

export interface FirstAdministratorInput extends Omit<NewAccountInput, 'role' | 'orgId'> {
  /** The root organization, e.g. 中共××市直属机关工作委员会. */
  orgName: string;
}

type Deps = Pick<ServiceDeps, 'store' | 'clock' | 'newId'>;

function rootOrganization(deps: Deps, input: FirstAdministratorInput): Organization {
  const orgName = input.orgName.trim();
  if (orgName === '') throw new InputInvalidError({ orgName: '请填写根组织的名称，例如“中共××市直属机关工作委员会”。' });
  if ([...orgName].length > 60) throw new InputInvalidError({ orgName: '组织名称不能超过 60 个字。' });
  return { id: `org-${deps.newId()}`, name: orgName, kind: 'working-committee', committee: [], mayApprove: true, status: 'active', version: 1 };
}

/**
 * The root organization with its setup marker and audit event, plus `more`, in one transaction. The marker is the
 * first item: of two runs at the same moment (both read an empty store) only one writes, the other is refused.
 */
async function writeRoot(deps: Deps, org: Organization, firstAdministrator: string, at: string, more: TransactItem[]): Promise<void> {
  const orgCreated = auditPut(deps.store, orgPk(org.id), { at, action: 'org.created', actor: 'system', details: { name: org.name, kind: org.kind, firstAdministrator } });
  try {
    await transactWrite(deps.store, [putRootSetup(deps.store, { orgId: org.id, firstAdministrator, at }), ...organizationWrites(deps.store, { created: [{ ...org, path: orgPath(undefined, org.id) }] }), orgCreated, ...more]);
  } catch (error) {
    if (error instanceof StoreConditionFailedError && error.failedAt(0)) throw new AccountsAlreadySetUpError({ cause: error });
    if (error instanceof StoreConditionFailedError) throw new AccountExistsError({ cause: error });
    throw error;
  }
}

/**
 * A fresh store's first administrator and its root organization (机关党工委), in one transaction with their audit
 * events. Refused once any organization exists (or another run set the store up at the same moment): later
 * accounts are created by an administrator who signed in.
 */
export async function createFirstAdministrator(deps: Deps, input: FirstAdministratorInput): Promise<{ orgId: string; username: string }> {
  const org = rootOrganization(deps, input);
  if ((await listOrganizations(deps.store)).length > 0) throw new AccountsAlreadySetUpError();
  const at = deps.clock.now().toISOString();
  const { account, items } = await newAccountItems(deps.store, { ...input, role: 'admin', orgId: org.id }, { at, actor: 'system' });
  await writeRoot(deps, org, account.username, at, items);
  return { orgId: org.id, username: account.username };
}

/**
 * The same on AWS, where the account lives in the Cognito user pool (the account port): first the root organization
 * and the setup marker in the table (one transaction, race-safe as above), then the administrator in the pool, with
 * `input.password` as the temporary password (changed at the first sign-in). Cognito and DynamoDB share no
 * transaction: when the pool refuses (e.g. its password policy), a rerun with the same username finishes the setup
 * on the organization already written; any other rerun is refused.
 */
export async function createFirstDirectoryAdministrator(deps: Deps, directory: AccountDirectory, input: FirstAdministratorInput): Promise<{ orgId: string; username: string; resumed: boolean }> {
  const username = input.username.trim().toLowerCase();
  const normalized = { ...input, username, displayName: input.displayName.trim(), email: input.email.trim() };
  const problems = newAccountProblems({ ...normalized, role: 'admin', orgId: '' });
  if (normalized.email === '') problems.email = '在 AWS 上创建管理员须填写电子邮箱（用它登录和接收重置密码的验证码）。';
  if (Object.keys(problems).length > 0) throw new InputInvalidError(problems);
  const at = deps.clock.now().toISOString();

  const setup = await getRootSetup(deps.store);
  let org: Organization | undefined;
  let resumed = false;
  if (setup) {
    // Only the run that wrote the marker may finish, and only while its administrator is not yet in the pool.
    if (setup.firstAdministrator !== username || (await directory.get(username)) || (await directory.get(normalized.email))) throw new AccountsAlreadySetUpError();
    org = await getOrganization(deps.store, setup.orgId);
    if (!org) throw new AccountsAlreadySetUpError();
    resumed = true;
  } else {
    if ((await listOrganizations(deps.store)).length > 0) throw new AccountsAlreadySetUpError();
    org = rootOrganization(deps, input);
    await writeRoot(deps, org, username, at, []);
  }
  await directory.create(
    { username, displayName: normalized.displayName, role: 'admin', orgId: org.id, email: normalized.email, temporaryPassword: input.password },
    { at, action: 'account.created', actor: 'system', details: { displayName: normalized.displayName, role: 'admin', orgId: org.id, orgName: org.name } },
  );
  return { orgId: org.id, username, resumed };
}

