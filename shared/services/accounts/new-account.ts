import { passwordProblem, usernameProblem } from '../../domain/accounts';
import { accountPk, putNewAccount, type Account } from '../../store/accounts-repo';
import { auditPut } from '../../store/audit';
import type { Store } from '../../store/store';
import type { TransactItem } from '../../store/transact';
import type { StaffRole } from '../actor';
import { hashPassword } from '../auth';
import { InputInvalidError } from '../../errors';

/** What a new local account is made of; the password in clear, hashed here. */
export interface NewAccountInput {
  username: string;
  displayName: string;
  role: StaffRole;
  orgId: string;
  /** For notifications; may be empty. */
  email: string;
  password: string;
}

const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Per-field problems of a new account (Chinese); empty when it may be created. */
export function newAccountProblems(input: NewAccountInput): Record<string, string> {
  const problems: Record<string, string> = {};
  const username = usernameProblem(input.username);
  if (username) problems.username = username;
  const displayName = input.displayName.trim();
  if (displayName === '') problems.displayName = '请填写姓名。';
  else if ([...displayName].length > 40) problems.displayName = '姓名不能超过 40 个字。';
  if (input.email !== '' && !EMAIL_PATTERN.test(input.email)) problems.email = '电子邮箱格式不正确，例如 zhangsan@example.gov.cn。';
  const password = passwordProblem(input.password, { username: input.username });
  if (password) problems.password = password;
  return problems;
}

/**
 * The account core every way of creating a local account goes through (the first administrator, the accounts
 * pages): checks the input (InputInvalidError with per-field Chinese messages), hashes the password, and answers
 * the transaction items: the account, only if the username is free, and its `account.created` audit event.
 */
export async function newAccountItems(store: Store, input: NewAccountInput, audit: { at: string; actor: string }): Promise<{ account: Account; items: TransactItem[] }> {
  const normalized = { ...input, username: input.username.trim().toLowerCase(), displayName: input.displayName.trim(), email: input.email.trim() };
  const problems = newAccountProblems(normalized);
  if (Object.keys(problems).length > 0) throw new InputInvalidError(problems);
  const { username, displayName, role, orgId, email } = normalized;
  const account: Account = { username, displayName, role, orgId, email, passwordHash: await hashPassword(input.password) };
  const details = { displayName, role, orgId, ...(email ? { email } : {}) };
  return { account, items: [putNewAccount(store, account), auditPut(store, accountPk(username), { ...audit, action: 'account.created', details })] };
}
