/**
 * What makes a staff password acceptable. A pure rule: the reason a password is refused, in Chinese, or
 * undefined when it is acceptable. Used when an account is created and whenever a password is set.
 */

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 256;

/** Passwords that are guessed first (the demo's among them), compared without case. */
const COMMON_PASSWORDS = new Set([
  'demo2026', 'password', 'password1', 'password123', 'passw0rd', '12345678', '123456789', '1234567890', '0123456789',
  'qwertyuiop', 'qwerty123', 'abc123456', 'abcd1234', 'a123456789', 'admin123', 'admin12345', 'administrator',
  'iloveyou', '1q2w3e4r5t', '1qaz2wsx3edc', 'woaini1314', 'zxcvbnm123', '11111111', '00000000', '88888888', '66666666',
]);

export interface PasswordContext {
  /** The account's username: a password containing it is refused. */
  username?: string;
}

/** Why `password` may not be used, or undefined. */
export function passwordProblem(password: string, context: PasswordContext = {}): string | undefined {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) return `密码至少需要 ${PASSWORD_MIN_LENGTH} 个字符（现在是 ${length} 个）。`;
  if (length > PASSWORD_MAX_LENGTH) return `密码不能超过 ${PASSWORD_MAX_LENGTH} 个字符。`;
  if (password.trim() !== password) return '密码的开头和结尾不能是空格。';
  const lower = password.toLowerCase();
  if (COMMON_PASSWORDS.has(lower)) return '这是常见密码，很容易被猜中，请换一个。';
  if (new Set(lower).size < 4) return '密码中重复的字符太多，请使用更多不同的字符。';
  if (!/\p{L}/u.test(password) || !/\p{N}/u.test(password)) return '密码须同时包含字母和数字。';
  const username = context.username?.trim().toLowerCase();
  if (username && username.length >= 3 && lower.includes(username)) return '密码不能包含用户名。';
  return undefined;
}
