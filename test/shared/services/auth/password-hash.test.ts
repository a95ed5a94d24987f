import { hashPassword, verifyPassword } from '../../../../shared/services/auth';
import { DUMMY_PASSWORD_HASH } from '../../../../shared/services/auth/password-hash';

describe('password hashes', () => {
  test('a hash verifies its password only, and two hashes of one password differ (salt)', async () => {
    const a = await hashPassword('正确的密码 1');
    const b = await hashPassword('正确的密码 1');
    expect(a).not.toBe(b);
    expect(a).toMatch(/^scrypt\$16384\$8\$1\$/);
    await expect(verifyPassword('正确的密码 1', a)).resolves.toBe(true);
    await expect(verifyPassword('正确的密码 2', a)).resolves.toBe(false);
  });

  test('malformed and dummy hashes match nothing', async () => {
    await expect(verifyPassword('x', 'plain-text')).resolves.toBe(false);
    await expect(verifyPassword('', DUMMY_PASSWORD_HASH)).resolves.toBe(false);
  });
});
