import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { ManualClock } from '../../../../infra/local/manual-clock';
import {
  changeOwnPassword, createAccount, createLocalAccountDirectory, listAccounts, PasswordLinkInvalidError, resetAccountPassword, setAccountDisabled,
  setPasswordByLink, unlockSignIn, viewPasswordLink, type AccountDeps,
} from '../../../../shared/services/accounts';
import type { Actor, StaffIdentity } from '../../../../shared/services/actor';
import { AuthSignInFailedError, AuthThrottledError, createLocalAuthenticator, resolveSession, signIn } from '../../../../shared/services/auth';
import { resolveActor } from '../../../../shared/services/authorization';
import { AuthForbiddenError, InputInvalidError } from '../../../../shared/errors';
import type { OutgoingMail } from '../../../../shared/services/ports';
import { accountPk } from '../../../../shared/store/accounts-repo';
import { listAudit } from '../../../../shared/store/audit';
import { putTestOrg, testOrg } from '../../../support/registry-fixtures';
import { createTestStore } from '../../../support/store';

//   c1 机关党委 ─┬─ b1 党支部
//               └─ b3 党支部
//   c2 机关党委 ── b2 党支部
const ADMIN: StaffIdentity = { id: 'admin', displayName: '管理员', role: 'admin', orgId: 'c1' };
const COMMITTEE: StaffIdentity = { id: 'zzy', displayName: '组织员', role: 'committee-staff', orgId: 'c1' };
const START = '2026-03-02T01:00:00.000Z';

interface World {
  deps: AccountDeps;
  clock: ManualClock;
  mails: OutgoingMail[];
  admin: Actor;
  committee: Actor;
}

async function world(): Promise<World> {
  const store = await createTestStore();
  for (const org of [testOrg({ id: 'c1', kind: 'committee' }), testOrg({ id: 'c2', kind: 'committee' }), testOrg({ id: 'b1', kind: 'branch', parentId: 'c1' }), testOrg({ id: 'b3', kind: 'branch', parentId: 'c1' }), testOrg({ id: 'b2', kind: 'branch', parentId: 'c2' })]) {
    await putTestOrg(store, org);
  }
  const clock = new ManualClock(START);
  const mails: OutgoingMail[] = [];
  const deps: AccountDeps = {
    store, clock, newId: () => 'x', publicBaseUrl: 'https://dj.example.org',
    mailer: { send: async (mail) => void mails.push(mail) },
    workflow: {} as AccountDeps['workflow'],
    accounts: createLocalAccountDirectory(store),
  };
  return { deps, clock, mails, admin: await resolveActor(store, ADMIN), committee: await resolveActor(store, COMMITTEE) };
}

const newBranchAccount = (username: string, orgId = 'b1') => ({ username, displayName: '王支书', role: 'branch-staff', orgId, email: `${username}@example.org`, temporaryPassword: 'Chushi2026x' });
const signInWith = (w: World, username: string, password: string, address = '10.0.0.1') =>
  signIn({ store: w.deps.store, clock: w.clock, authenticator: createLocalAuthenticator(w.deps.store) }, { username, password }, { address });
const linkOf = (mail: OutgoingMail) => /\/staff\/set-password\/([A-Za-z0-9_-]{43})/.exec(mail.text)![1];
const newPassword = (password: string) => ({ newPassword: password, confirmPassword: password });

describe('accounts', () => {
  let w: World;
  beforeEach(async () => {
    w = await world();
  });

  test('a new account signs in only to change its first password; then it may go everywhere; every change audited', async () => {
    await createAccount(w.deps, w.admin, newBranchAccount('wangzs'));
    const first = await signInWith(w, 'wangzs', 'Chushi2026x');
    expect(first.mustChangePassword).toBe(true);
    await expect(resolveSession(w.deps.store, w.clock, first.sessionId)).resolves.toMatchObject({ mustChangePassword: true });

    const actor = await resolveActor(w.deps.store, { id: 'wangzs', displayName: '王支书', role: 'branch-staff', orgId: 'b1' });
    await expect(changeOwnPassword(w.deps, actor, first.sessionId, { currentPassword: 'wrong', ...newPassword('Wode2026mima') })).rejects.toMatchObject({ fieldErrors: { currentPassword: '当前密码不正确' } });
    await expect(changeOwnPassword(w.deps, actor, first.sessionId, { currentPassword: 'Chushi2026x', ...newPassword('demo2026') })).rejects.toBeInstanceOf(InputInvalidError);
    await changeOwnPassword(w.deps, actor, first.sessionId, { currentPassword: 'Chushi2026x', ...newPassword('Wode2026mima') });
    const after = await resolveSession(w.deps.store, w.clock, first.sessionId);
    expect(after?.mustChangePassword).toBeUndefined();
    await expect(signInWith(w, 'wangzs', 'Chushi2026x')).rejects.toBeInstanceOf(AuthSignInFailedError);
    expect((await signInWith(w, 'wangzs', 'Wode2026mima')).mustChangePassword).toBeUndefined();

    const audit = await listAudit(w.deps.store, accountPk('wangzs'));
    expect(audit.map((e) => [e.action, e.actor])).toEqual([['account.created', 'admin'], ['account.password-changed', 'wangzs']]);
    const view = await listAccounts(w.deps, w.admin);
    expect(view.accounts).toEqual([expect.objectContaining({ username: 'wangzs', orgName: 'b1 组织', mustChangePassword: false, lastSignInAt: START })]);
  });

  test('bad input: per-field Chinese messages and nothing written; a taken username is refused', async () => {
    await expect(createAccount(w.deps, w.admin, { username: 'A', displayName: '', role: 'boss', orgId: 'nowhere', email: 'x', temporaryPassword: '123' })).rejects.toMatchObject({
      fieldErrors: { username: expect.any(String), displayName: expect.any(String), role: expect.any(String), orgId: expect.any(String), email: expect.any(String), temporaryPassword: expect.stringContaining('至少需要 10 个字符') },
    });
    expect((await listAccounts(w.deps, w.admin)).accounts).toEqual([]);
    await createAccount(w.deps, w.admin, newBranchAccount('wangzs'));
    await expect(createAccount(w.deps, w.admin, newBranchAccount('wangzs', 'b3'))).rejects.toMatchObject({ httpStatus: 409, userMessage: '该用户名已被使用，请换一个用户名。' });
  });

  test('one account per username: ten creations of one username at once make one account, nine get 409', async () => {
    const attempts = await Promise.allSettled(Array.from({ length: 10 }, (_, i) => createAccount(w.deps, w.admin, { ...newBranchAccount('wangzs', i % 2 === 0 ? 'b1' : 'b3'), displayName: `王支书${i}` })));
    expect(attempts.filter((a) => a.status === 'fulfilled')).toHaveLength(1);
    const refused = attempts.filter((a): a is PromiseRejectedResult => a.status === 'rejected').map((a) => a.reason as { httpStatus: number; userMessage: string });
    expect(refused.map((e) => [e.httpStatus, e.userMessage])).toEqual(Array(9).fill([409, '该用户名已被使用，请换一个用户名。']));
    const { Items } = await w.deps.store.doc.send(new ScanCommand({ TableName: w.deps.store.tableName, ConsistentRead: true }));
    expect((Items ?? []).filter((item) => item.pk === accountPk('wangzs') && item.sk === 'ACCOUNT')).toHaveLength(1);
    expect((await listAudit(w.deps.store, accountPk('wangzs'))).filter((e) => e.action === 'account.created')).toHaveLength(1);
  });

  test('committee staff manage branch staff accounts of their subtree only', async () => {
    await createAccount(w.deps, w.committee, newBranchAccount('b1staff'));
    await expect(createAccount(w.deps, w.committee, newBranchAccount('b2staff', 'b2'))).rejects.toBeInstanceOf(AuthForbiddenError);
    await expect(createAccount(w.deps, w.committee, { ...newBranchAccount('c1staff', 'c1'), role: 'committee-staff' })).rejects.toMatchObject({ fieldErrors: { role: expect.any(String) } });
    await createAccount(w.deps, w.admin, newBranchAccount('b2staff', 'b2'));
    await createAccount(w.deps, w.admin, { ...newBranchAccount('c1other', 'c1'), role: 'committee-staff' });
    await expect(setAccountDisabled(w.deps, w.committee, 'b2staff', true)).rejects.toBeInstanceOf(AuthForbiddenError);
    await expect(setAccountDisabled(w.deps, w.committee, 'c1other', true)).rejects.toBeInstanceOf(AuthForbiddenError);
    expect((await listAccounts(w.deps, w.committee)).accounts.map((a) => a.username)).toEqual(['b1staff']);
  });

  test('a disabled account mid-session is signed out at once and cannot sign in; enabled again, it can', async () => {
    await createAccount(w.deps, w.admin, newBranchAccount('wangzs'));
    const one = await signInWith(w, 'wangzs', 'Chushi2026x');
    const two = await signInWith(w, 'wangzs', 'Chushi2026x', '10.0.0.2');
    await setAccountDisabled(w.deps, w.admin, 'wangzs', true);
    await expect(resolveSession(w.deps.store, w.clock, one.sessionId)).resolves.toBeUndefined();
    await expect(resolveSession(w.deps.store, w.clock, two.sessionId)).resolves.toBeUndefined();
    await expect(signInWith(w, 'wangzs', 'Chushi2026x')).rejects.toBeInstanceOf(AuthSignInFailedError);
    await expect(setAccountDisabled(w.deps, w.admin, 'admin', true)).rejects.toBeDefined();
    await setAccountDisabled(w.deps, w.admin, 'wangzs', false);
    await expect(signInWith(w, 'wangzs', 'Chushi2026x')).resolves.toBeDefined();
    expect((await listAudit(w.deps.store, accountPk('wangzs'))).map((e) => e.action)).toEqual(['account.created', 'account.disabled', 'account.enabled']);
  });

  describe('set-password link', () => {
    beforeEach(async () => {
      await createAccount(w.deps, w.admin, newBranchAccount('wangzs'));
    });

    test('mailed to the account; GET shows and changes nothing; POST sets once; the old sessions end', async () => {
      const session = await signInWith(w, 'wangzs', 'Chushi2026x');
      await resetAccountPassword(w.deps, w.admin, 'wangzs');
      expect(w.mails).toHaveLength(1);
      expect(w.mails[0].to).toEqual(['wangzs@example.org']);
      expect(w.mails[0].subject).toBe('【党建工作流程系统】设置新密码'); // the whole system, not only its public notices
      const link = linkOf(w.mails[0]);
      await expect(viewPasswordLink(w.deps, link)).resolves.toEqual({ displayName: '王支书' });
      await expect(viewPasswordLink(w.deps, link)).resolves.toEqual({ displayName: '王支书' }); // a scanner's GET decides nothing
      await expect(signInWith(w, 'wangzs', 'Chushi2026x')).resolves.toBeDefined();
      await setPasswordByLink(w.deps, link, newPassword('Xinmima2026a'));
      await expect(resolveSession(w.deps.store, w.clock, session.sessionId)).resolves.toBeUndefined();
      const signedIn = await signInWith(w, 'wangzs', 'Xinmima2026a');
      expect(signedIn.mustChangePassword).toBeUndefined();
      expect((await listAudit(w.deps.store, accountPk('wangzs'))).map((e) => e.action)).toEqual(['account.created', 'account.password-reset', 'account.password-set-by-link']);
    });

    test('a reused link: refused with a clear message, the password stays', async () => {
      await resetAccountPassword(w.deps, w.admin, 'wangzs');
      const link = linkOf(w.mails[0]);
      await setPasswordByLink(w.deps, link, newPassword('Xinmima2026a'));
      for (const attempt of [viewPasswordLink(w.deps, link), setPasswordByLink(w.deps, link, newPassword('Another2026b'))]) {
        await expect(attempt).rejects.toMatchObject({ constructor: PasswordLinkInvalidError, state: 'used', httpStatus: 410, userMessage: expect.stringContaining('已使用过') });
      }
      await expect(signInWith(w, 'wangzs', 'Xinmima2026a')).resolves.toBeDefined();
    });

    test.each([
      ['23:59:59 later: still opens', 24 * 3_600_000 - 1000, undefined],
      ['24 hours later: expired', 24 * 3_600_000, 'expired'],
    ])('an expiring link, %s', async (_name, later, state) => {
      await resetAccountPassword(w.deps, w.admin, 'wangzs');
      w.clock.advance(later);
      const attempt = setPasswordByLink(w.deps, linkOf(w.mails[0]), newPassword('Xinmima2026a'));
      if (state) await expect(attempt).rejects.toMatchObject({ state, httpStatus: 410, userMessage: expect.stringContaining('已过期') });
      else await expect(attempt).resolves.toBeUndefined();
    });

    test('an altered link, and a link replaced by a newer reset, do not open', async () => {
      await resetAccountPassword(w.deps, w.admin, 'wangzs');
      const first = linkOf(w.mails[0]);
      const altered = (first[0] === 'A' ? 'B' : 'A') + first.slice(1);
      for (const bad of [altered, first.slice(0, 42), `${first}x`, '../../etc']) {
        await expect(setPasswordByLink(w.deps, bad, newPassword('Xinmima2026a'))).rejects.toMatchObject({ state: 'invalid', httpStatus: 404 });
      }
      await resetAccountPassword(w.deps, w.admin, 'wangzs');
      await expect(setPasswordByLink(w.deps, first, newPassword('Xinmima2026a'))).rejects.toMatchObject({ state: 'invalid' });
      await setPasswordByLink(w.deps, linkOf(w.mails[1]), newPassword('Xinmima2026a'));
    });

    test('a weak password on the link page: field messages, the link still usable', async () => {
      await resetAccountPassword(w.deps, w.admin, 'wangzs');
      const link = linkOf(w.mails[0]);
      await expect(setPasswordByLink(w.deps, link, { newPassword: 'Xinmima2026a', confirmPassword: 'Xinmima2026b' })).rejects.toMatchObject({ fieldErrors: { confirmPassword: '两次输入的新密码不一致' } });
      await setPasswordByLink(w.deps, link, newPassword('Xinmima2026a'));
    });
  });

  describe('sign-in throttling (virtual clock)', () => {
    beforeEach(async () => {
      await createAccount(w.deps, w.admin, newBranchAccount('wangzs'));
    });

    const failTimes = async (username: string, n: number, address = '10.0.0.1') => {
      for (let i = 0; i < n; i++) await expect(signInWith(w, username, 'wrong-password', address)).rejects.toBeInstanceOf(AuthSignInFailedError);
    };
    const messageOf = (attempt: Promise<unknown>) => attempt.then(() => 'signed in', (error: Error & { userMessage?: string }) => `${error.constructor.name}: ${error.userMessage}`);

    test('an unknown username is answered exactly like a known one, failure by failure', async () => {
      const known: string[] = [];
      const unknown: string[] = [];
      for (let i = 0; i < 7; i++) {
        known.push(await messageOf(signInWith(w, 'wangzs', 'wrong-password', '10.0.0.1')));
        unknown.push(await messageOf(signInWith(w, 'nobody', 'wrong-password', '10.0.0.2')));
      }
      expect(unknown).toEqual(known);
      expect(known.slice(0, 5)).toEqual(Array(5).fill('AuthSignInFailedError: 用户名或密码错误。'));
      expect(known[5]).toMatch(/^AuthThrottledError: /);
    });

    test('5 failures: the right password waits 30 s, then signs in and the username counter starts again', async () => {
      await failTimes('wangzs', 5);
      await expect(signInWith(w, 'wangzs', 'Chushi2026x')).rejects.toMatchObject({ constructor: AuthThrottledError, reason: 'delay', httpStatus: 429, userMessage: '登录失败次数较多，为保护账号安全，请于 09:00 后再试。' });
      w.clock.advance(29_999);
      await expect(signInWith(w, 'wangzs', 'Chushi2026x')).rejects.toBeInstanceOf(AuthThrottledError);
      w.clock.advance(1);
      await expect(signInWith(w, 'wangzs', 'Chushi2026x', '10.0.0.9')).resolves.toBeDefined();
      await failTimes('wangzs', 4, '10.0.0.9');
      await expect(signInWith(w, 'wangzs', 'Chushi2026x', '10.0.0.9')).resolves.toBeDefined();
    });

    test('20 failures lock the username 15 minutes; an administrator unlocks it at once (audited)', async () => {
      for (let i = 0; i < 20; i++) {
        await signInWith(w, 'wangzs', 'wrong-password', `10.0.1.${i}`).catch((error: unknown) => {
          if (!(error instanceof AuthSignInFailedError)) throw error;
        });
        w.clock.advance(10 * 60_000); // waits out each delay
      }
      await expect(signInWith(w, 'wangzs', 'Chushi2026x', '10.0.2.1')).rejects.toMatchObject({ reason: 'locked', userMessage: expect.stringContaining('系统管理员解除锁定') });
      expect((await listAccounts(w.deps, w.admin)).accounts[0].signInLocked).toBe(true);
      await expect(unlockSignIn(w.deps, w.committee, { kind: 'user', value: 'wangzs' })).rejects.toBeInstanceOf(AuthForbiddenError);
      await unlockSignIn(w.deps, w.admin, { kind: 'user', value: 'wangzs' });
      await expect(signInWith(w, 'wangzs', 'Chushi2026x', '10.0.2.1')).resolves.toBeDefined();
      expect((await listAudit(w.deps.store, accountPk('wangzs'))).map((e) => e.action)).toContain('account.sign-in-unlocked');
    });

    test('per client address: one address trying many usernames is slowed, another address is not', async () => {
      for (let i = 0; i < 5; i++) await expect(signInWith(w, `guess${i}`, 'wrong-password', '10.9.9.9')).rejects.toBeInstanceOf(AuthSignInFailedError);
      await expect(signInWith(w, 'wangzs', 'Chushi2026x', '10.9.9.9')).rejects.toBeInstanceOf(AuthThrottledError);
      await expect(signInWith(w, 'wangzs', 'Chushi2026x', '10.0.0.1')).resolves.toBeDefined();
      expect((await listAccounts(w.deps, w.admin)).lockedAddresses).toEqual(['10.9.9.9']);
    });
  });
});
