/** What a staff account's username may be: what people type to sign in, so short and plain. */

export const USERNAME_PATTERN = /^[a-z0-9][a-z0-9._-]{2,31}$/;

/** Why `username` may not be used, or undefined. Usernames are compared in lower case. */
export function usernameProblem(username: string): string | undefined {
  if (username === '') return '请填写用户名。';
  if (!USERNAME_PATTERN.test(username)) return '用户名为 3 至 32 位小写英文字母、数字或 . _ -，并以字母或数字开头。';
  return undefined;
}
