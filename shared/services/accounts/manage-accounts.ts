import { isEmailAddress, manageableRoles, passwordProblem, ROLE_LABELS, USERNAME_PATTERN, type AccountRole } from '../../domain/accounts';
import { chinaDate } from '../../domain/calendar';
import { auditPut, type AuditEvent } from '../../store/audit';
import { accountPk, getLastSignIn } from '../../store/accounts-repo';
import { getOrganization } from '../../store/orgs-repo';
import { deleteSessionsOf } from '../../store/sessions-repo';
import { deleteThrottleItem, listThrottles } from '../../store/throttle-repo';
import { transactWrite } from '../../store/transact';
import { authorizeAdmin, type Actor } from '../actor';
import { isThrottled } from '../auth/sign-in-throttle';
import { authorize, loadOrgTree } from '../authorization';
import type { ServiceDeps } from '../deps';
import { AuthForbiddenError, InputInvalidError, RecordNotFoundError } from '../../errors';
import type { AccountDirectory, DirectoryAccount } from './account-directory';

/** What the account services need besides the usual deps: the account port. */
export type AccountDeps = ServiceDeps & { accounts: AccountDirectory };

export interface AccountListEntry extends DirectoryAccount {
  orgName: string;
  lastSignInAt?: string;
  /** Sign-in paused for this username (too many failures). */
  signInLocked: boolean;
}

export interface AccountsView {
  accounts: AccountListEntry[];
  /** Organizations the actor may create accounts in, as [id, name]. */
  orgs: [string, string][];
  roles: AccountRole[];
  /** Client addresses whose sign-in is paused (administrators only). */
  lockedAddresses: string[];
}

/** An account's key in a URL: a local username, or a Cognito user name (an e-mail pool names users by a UUID). */
const ACCOUNT_KEY_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._@+-]{2,127}$/;

/** Finds an account the actor may manage: its organization in scope (`account.manage`) and its role manageable. */
async function manageable(deps: AccountDeps, actor: Actor, username: string): Promise<DirectoryAccount> {
  const account = ACCOUNT_KEY_PATTERN.test(username) ? await deps.accounts.get(username) : undefined;
  if (!account) throw new RecordNotFoundError('该账号');
  authorize(actor, 'account.manage', account.orgId, await loadOrgTree(deps.store));
  if (!manageableRoles(actor.role).includes(account.role)) throw new AuthForbiddenError({ detail: `${actor.role} may not manage a ${account.role} account` });
  return account;
}

const audit = (deps: ServiceDeps, actor: Actor, action: string, details: Record<string, unknown>): AuditEvent => ({ at: deps.clock.now().toISOString(), action, actor: actor.id, details });

/** 账号管理: the accounts the actor may manage (administrators all; committee staff their subtree's branch staff). */
export async function listAccounts(deps: AccountDeps, actor: Actor): Promise<AccountsView> {
  const tree = await loadOrgTree(deps.store);
  const roles = [...manageableRoles(actor.role)];
  const orgs = actor.scopeOrgIds.map((id) => tree.get(id)).filter((o) => o !== undefined && o.status !== 'closed');
  if (roles.length === 0 || orgs.length === 0) throw new AuthForbiddenError({ detail: `${actor.id} manages no accounts` });
  authorize(actor, 'account.manage', actor.role === 'admin' ? undefined : actor.orgId, tree);
  const nowMs = deps.clock.now().getTime();
  const throttles = await listThrottles(deps.store);
  const lockedUsers = new Set(throttles.filter((t) => t.kind === 'user' && isThrottled(t, nowMs)).map((t) => t.value));
  const listed = (await deps.accounts.list(orgs.map((o) => o!.id))).filter((a) => roles.includes(a.role));
  const accounts = await Promise.all(
    listed.map(async (a) => ({ ...a, orgName: tree.get(a.orgId)?.name ?? '', lastSignInAt: await getLastSignIn(deps.store, a.username), signInLocked: lockedUsers.has(a.username) })),
  );
  accounts.sort((a, b) => a.orgName.localeCompare(b.orgName, 'zh-CN') || a.displayName.localeCompare(b.displayName, 'zh-CN'));
  const lockedAddresses = actor.role === 'admin' ? throttles.filter((t) => t.kind === 'address' && isThrottled(t, nowMs)).map((t) => t.value) : [];
  return { accounts, orgs: orgs.map((o) => [o!.id, o!.name]), roles, lockedAddresses };
}

export const ACCOUNT_FIELD_LABELS: Record<string, string> = {
  username: '用户名', displayName: '姓名', role: '角色', orgId: '所在党组织', email: '电子邮箱', temporaryPassword: '初始密码',
};

/** Creates an account with a first password its owner must change at the first sign-in. */
export async function createAccount(deps: AccountDeps, actor: Actor, form: Record<string, string | undefined>): Promise<DirectoryAccount> {
  const username = (form.username ?? '').trim().toLowerCase();
  const displayName = (form.displayName ?? '').trim();
  const role = (form.role ?? '') as AccountRole;
  const orgId = (form.orgId ?? '').trim();
  const email = (form.email ?? '').trim();
  const temporaryPassword = form.temporaryPassword ?? '';
  const errors: Record<string, string> = {};
  if (!USERNAME_PATTERN.test(username)) errors.username = '用户名为 3 至 32 位小写字母、数字或“._-”，以字母或数字开头';
  if (displayName.length < 2 || displayName.length > 20) errors.displayName = '请填写 2 至 20 个字的姓名';
  if (!manageableRoles(actor.role).includes(role)) errors.role = `请选择角色（您可以创建：${manageableRoles(actor.role).map((r) => ROLE_LABELS[r]).join('、')}）`;
  if (!isEmailAddress(email)) errors.email = '请填写正确的电子邮箱，重置密码的邮件将发到这里';
  const weak = passwordProblem(temporaryPassword, { username });
  if (weak) errors.temporaryPassword = weak;
  const tree = await loadOrgTree(deps.store);
  const org = orgId ? tree.get(orgId) : undefined;
  if (!org || org.status === 'closed') errors.orgId = '请选择所在党组织';
  else authorize(actor, 'account.manage', org.id, tree);
  if (Object.keys(errors).length > 0) throw new InputInvalidError(errors);
  const account = { username, displayName, role, orgId, email, temporaryPassword };
  await deps.accounts.create(account, audit(deps, actor, 'account.created', { displayName, role, orgId, orgName: org!.name }));
  return { username, displayName, role, orgId, email, disabled: false, mustChangePassword: true };
}

/** Disables an account (its sessions end at once) or enables it again. Nobody disables their own account. */
export async function setAccountDisabled(deps: AccountDeps, actor: Actor, username: string, disabled: boolean): Promise<DirectoryAccount> {
  const account = await manageable(deps, actor, username);
  if (account.username === actor.id) throw new InputInvalidError({ username: '不能停用自己的账号' });
  if (account.disabled !== disabled) {
    await deps.accounts.setDisabled(username, disabled, audit(deps, actor, disabled ? 'account.disabled' : 'account.enabled', {}));
  }
  if (disabled) await deleteSessionsOf(deps.store, username);
  return { ...account, disabled };
}

/** Sends the owner a way to set a new password: locally a single-use set-password link by mail, on AWS Cognito's own mail. */
export async function resetAccountPassword(deps: AccountDeps, actor: Actor, username: string): Promise<{ mailedTo: string }> {
  const account = await manageable(deps, actor, username);
  if (account.disabled) throw new InputInvalidError({ username: '该账号已停用，请先启用再重置密码' });
  const now = deps.clock.now();
  const start = await deps.accounts.startPasswordReset(username, audit(deps, actor, 'account.password-reset', { email: account.email }), now);
  if (start.kind === 'link') {
    const org = await getOrganization(deps.store, account.orgId);
    await deps.mailer.send({
      to: [account.email],
      subject: '【党建工作流程系统】设置新密码',
      text:
        `${account.displayName}同志：\n\n${actor.displayName}为您（${org?.name ?? ''}）办理了重置密码。请打开以下链接设置新密码：\n` +
        `${passwordLinkUrl(deps.publicBaseUrl, start.rawLinkId)}\n\n` +
        `链接只能使用一次，${chinaDate(new Date(start.validUntil))}前有效（24 小时）。打开链接不会改动任何内容，须在页面上填写新密码并提交。\n` +
        '如非本人申请，请忽略本邮件，并告知系统管理员。',
    });
  }
  return { mailedTo: account.email };
}

export const passwordLinkUrl = (publicBaseUrl: string, rawLinkId: string) => `${publicBaseUrl}/staff/set-password/${rawLinkId}`;

/** Lets a username or a client address sign in again at once (administrators only). */
export async function unlockSignIn(deps: AccountDeps, actor: Actor, target: { kind: 'user' | 'address'; value: string }): Promise<void> {
  authorizeAdmin(actor);
  if (target.kind === 'user') await manageable(deps, actor, target.value);
  const pk = target.kind === 'user' ? accountPk(target.value) : 'SIGNINLOCKS';
  await transactWrite(deps.store, [
    deleteThrottleItem(deps.store, target.kind, target.value),
    auditPut(deps.store, pk, audit(deps, actor, 'account.sign-in-unlocked', { kind: target.kind, value: target.value })),
  ]);
}
