import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { ManualClock } from '../../../../infra/local/manual-clock';
import {
  AuthSignInFailedError, SESSION_TTL_MS, createLocalAuthenticator, endSession, hashPassword, hashSessionId, resolveSession, signIn, startSession,
} from '../../../../shared/services/auth';
import { InputInvalidError } from '../../../../shared/errors';
import { listStaffEmails, putAccount } from '../../../../shared/store/accounts-repo';
import type { Store } from '../../../../shared/store/store';
import { putTestOrg, testOrg } from '../../../support/registry-fixtures';
import { createTestStore } from '../../../support/store';

let store: Store;
const clock = new ManualClock('2026-03-02T01:00:00.000Z');

beforeAll(async () => {
  store = await createTestStore();
  await putTestOrg(store, testOrg({ id: 'org-a', kind: 'branch' }));
  const base = { role: 'branch-staff' as const, displayName: '李书记' };
  await putAccount(store, { ...base, username: 'li', passwordHash: await hashPassword('secret-li'), orgId: 'org-a', email: 'li@example.org' });
  await putAccount(store, { ...base, username: 'wang', passwordHash: await hashPassword('secret-wang'), orgId: 'org-a', email: 'wang@example.org', disabled: true });
  await putAccount(store, { ...base, username: 'zhao', passwordHash: await hashPassword('secret-zhao'), orgId: 'org-b', email: 'zhao@example.org' });
});

describe('local authenticator and sign-in', () => {
  test('the right password gives who signed in (no stored scope)', async () => {
    const actor = await createLocalAuthenticator(store).verify('li', 'secret-li');
    expect(actor).toEqual({ id: 'li', displayName: '李书记', role: 'branch-staff', orgId: 'org-a' });
  });

  test('wrong password, unknown user and disabled account fail alike', async () => {
    const deps = { store, clock, authenticator: createLocalAuthenticator(store) };
    const failures = await Promise.all(
      [['li', 'wrong'], ['nobody', 'secret-li'], ['wang', 'secret-wang']].map(([username, password]) =>
        signIn(deps, { username, password }).then(() => undefined, (error: unknown) => error),
      ),
    );
    for (const error of failures) {
      expect(error).toBeInstanceOf(AuthSignInFailedError);
      expect((error as AuthSignInFailedError).userMessage).toBe('用户名或密码错误。');
      expect((error as AuthSignInFailedError).httpStatus).toBe(401);
    }
  });

  test('empty fields are asked for, per field', async () => {
    const deps = { store, clock, authenticator: createLocalAuthenticator(store) };
    await expect(signIn(deps, { username: ' ', password: '' })).rejects.toMatchObject({
      constructor: InputInvalidError, fieldErrors: { username: '请输入用户名', password: '请输入密码' },
    });
  });

  test('listStaffEmails gives the active staff of one organization', async () => {
    await expect(listStaffEmails(store, 'org-a')).resolves.toEqual(['li@example.org']);
  });
});

describe('sessions', () => {
  test('only the hash of the id is stored; the session lives 8 hours; ending it removes it', async () => {
    const identity = { id: 'li', displayName: '李书记', role: 'branch-staff' as const, orgId: 'org-a' };
    const actor = { ...identity, scopeOrgIds: ['org-a'] };
    const session = await startSession(store, clock, identity);
    expect(session.sessionId).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const raw = await store.doc.send(new GetCommand({ TableName: store.tableName, Key: { pk: `SESSION#${session.sessionId}`, sk: 'SESSION' } }));
    expect(raw.Item).toBeUndefined();
    const stored = await store.doc.send(new GetCommand({ TableName: store.tableName, Key: { pk: `SESSION#${hashSessionId(session.sessionId)}`, sk: 'SESSION' } }));
    expect(stored.Item?.expiresAt).toBe(Math.ceil((clock.now().getTime() + SESSION_TTL_MS) / 1000));
    expect(JSON.stringify(stored.Item)).not.toContain(session.sessionId);

    await expect(resolveSession(store, clock, session.sessionId)).resolves.toMatchObject({ actor, csrfToken: session.csrfToken });
    const later = new ManualClock(new Date(clock.now().getTime() + SESSION_TTL_MS));
    await expect(resolveSession(store, later, session.sessionId)).resolves.toBeUndefined();

    await endSession(store, session.sessionId);
    await expect(resolveSession(store, clock, session.sessionId)).resolves.toBeUndefined();
  });

  test('the scope is computed on every request from the current tree, never stored', async () => {
    const session = await startSession(store, clock, { id: 'li', displayName: '李书记', role: 'branch-staff', orgId: 'org-a' });
    const stored = await store.doc.send(new GetCommand({ TableName: store.tableName, Key: { pk: `SESSION#${hashSessionId(session.sessionId)}`, sk: 'SESSION' } }));
    expect(stored.Item?.actor).toEqual({ id: 'li', displayName: '李书记', role: 'branch-staff', orgId: 'org-a' });
    await putTestOrg(store, testOrg({ id: 'org-a-group', kind: 'party-group', parentId: 'org-a' }));
    const resolved = await resolveSession(store, clock, session.sessionId);
    expect(resolved?.actor.scopeOrgIds.sort()).toEqual(['org-a', 'org-a-group']);
  });

  test('malformed cookie values are not looked up', async () => {
    await expect(resolveSession(store, clock, 'x')).resolves.toBeUndefined();
    await expect(resolveSession(store, clock, undefined)).resolves.toBeUndefined();
  });
});
