/**
 * Staff accounts: who may manage whom, and what a username and a password must be. Pure rules, shared by the local
 * accounts and the Cognito user pool.
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

/** Lower-case letters, digits, '.', '_' and '-', 3 to 32 characters, starting with a letter or digit. */
export const USERNAME_PATTERN = /^[a-z0-9][a-z0-9._-]{2,31}$/;

export const PASSWORD_MIN_LENGTH = 10;

/** Passwords everyone tries first (and the demo's). */
const COMMON_PASSWORDS = new Set(['demo2026', '1234567890', '12345678910', 'qwertyuiop', 'password123', 'admin12345', 'a123456789', 'abc1234567']);

/** Why `password` is too weak for `username`, in Chinese; undefined when it is acceptable. */
export function passwordProblem(password: string, username = ''): string | undefined {
  if (password.length < PASSWORD_MIN_LENGTH) return `密码至少 ${PASSWORD_MIN_LENGTH} 位`;
  if (password.length > 128) return '密码不能超过 128 位';
  if (!/[A-Za-z]/.test(password) || !/[0-9]/.test(password)) return '密码须同时包含字母和数字';
  if (new Set(password).size < 5) return '密码过于简单，请勿使用重复的字符';
  if (COMMON_PASSWORDS.has(password.toLowerCase())) return '该密码过于常见，请换一个';
  if (username && password.toLowerCase().includes(username.toLowerCase())) return '密码不能包含用户名';
  return undefined;
}

/** A plausible e-mail address (the mail server decides the rest). */
export const isEmailAddress = (text: string): boolean => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(text) && text.length <= 254;
