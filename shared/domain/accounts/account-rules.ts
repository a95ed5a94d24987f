/**
 * Staff accounts: who may manage whom, and what a username and a password must be. Pure rules, shared by the local
 * accounts and the Cognito user pool. The username and password rules: username-rule.ts, password-policy.ts.
 */
export type AccountRole = 'admin' | 'committee-staff' | 'branch-staff';

export const ACCOUNT_ROLES: readonly AccountRole[] = ['admin', 'committee-staff', 'branch-staff'];

export const ROLE_LABELS: Record<AccountRole, string> = {
  admin: '系统管理员',
  'committee-staff': '党委工作人员',
  'branch-staff': '支部工作人员',
};

/**
 * The roles of the accounts a role may manage: administrators every account; committee staff the branch staff
 * accounts (of their subtree, checked with the scope); branch staff none.
 */
export function manageableRoles(actorRole: AccountRole): readonly AccountRole[] {
  if (actorRole === 'admin') return ACCOUNT_ROLES;
  if (actorRole === 'committee-staff') return ['branch-staff'];
  return [];
}

/** A plausible e-mail address (the mail server decides the rest). */
export const isEmailAddress = (text: string): boolean => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(text) && text.length <= 254;
