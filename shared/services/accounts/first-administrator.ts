import type { Organization } from '../../domain/registry/organization';
import { listOrganizations, orgPk, putNewOrganization } from '../../store/orgs-repo';
import { auditPut } from '../../store/audit';
import { StoreConditionFailedError, transactWrite } from '../../store/transact';
import type { ServiceDeps } from '../deps';
import { InputInvalidError } from '../errors';
import { AccountExistsError, AccountsAlreadySetUpError } from './errors';
import { newAccountItems, type NewAccountInput } from './new-account';

export interface FirstAdministratorInput extends Omit<NewAccountInput, 'role' | 'orgId'> {
  /** The root organization, e.g. 中共××市直属机关工作委员会. */
  orgName: string;
}

/**
 * A fresh store's first administrator and its root organization (机关党工委), in one transaction with their audit
 * events. Refused once any organization exists: later accounts are created by an administrator who signed in.
 */
export async function createFirstAdministrator(
  deps: Pick<ServiceDeps, 'store' | 'clock' | 'newId'>,
  input: FirstAdministratorInput,
): Promise<{ orgId: string; username: string }> {
  const orgName = input.orgName.trim();
  if (orgName === '') throw new InputInvalidError({ orgName: '请填写根组织的名称，例如“中共××市直属机关工作委员会”。' });
  if ([...orgName].length > 60) throw new InputInvalidError({ orgName: '组织名称不能超过 60 个字。' });
  if ((await listOrganizations(deps.store)).length > 0) throw new AccountsAlreadySetUpError();
  const org: Organization = { id: `org-${deps.newId()}`, name: orgName, kind: 'working-committee', committee: [], mayApprove: true, status: 'active', version: 1 };
  const at = deps.clock.now().toISOString();
  const { account, items } = await newAccountItems(deps.store, { ...input, role: 'admin', orgId: org.id }, { at, actor: 'system' });
  const orgCreated = auditPut(deps.store, orgPk(org.id), { at, action: 'org.created', actor: 'system', details: { name: org.name, kind: org.kind, firstAdministrator: account.username } });
  try {
    await transactWrite(deps.store, [putNewOrganization(deps.store, org), orgCreated, ...items]);
  } catch (error) {
    if (error instanceof StoreConditionFailedError) throw new AccountExistsError({ cause: error });
    throw error;
  }
  return { orgId: org.id, username: account.username };
}
