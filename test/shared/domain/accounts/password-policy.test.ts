import { passwordProblem, PASSWORD_MIN_LENGTH, usernameProblem } from '../../../../shared/domain/accounts';

describe('passwordProblem', () => {
  test.each([
    ['Abcdefgh1', /至少需要 10 个字符（现在是 9 个）/], // one below the minimum
    ['Abcdefgh12', undefined], // the minimum
    ['demo2026', /至少需要/],
    ['Demo2026Demo', undefined],
    ['password123', /常见密码/],
    ['PASSWORD123', /常见密码/],
    ['aaaaaaaaaa1', /重复的字符太多/],
    ['abcdefghijk', /同时包含字母和数字/],
    ['1234567890123', /同时包含字母和数字/],
    [' Abcdefgh12', /开头和结尾不能是空格/],
    ['wangfang2026x', /不能包含用户名/],
    ['红旗渠精神2026年', undefined], // Chinese letters count as letters
    ['x1'.repeat(129), /不能超过 256 个字符/],
  ])('%s → %s', (password, expected) => {
    const problem = passwordProblem(password, { username: 'wangfang' });
    if (expected === undefined) expect(problem).toBeUndefined();
    else expect(problem).toMatch(expected);
  });

  test('the minimum is counted in characters, not bytes', () => {
    expect(passwordProblem('红旗渠精神永放光2')).toMatch(new RegExp(`至少需要 ${PASSWORD_MIN_LENGTH}`));
    expect(passwordProblem('红旗渠精神永放光芒2')).toBeUndefined();
  });
});

describe('usernameProblem', () => {
  test.each([
    ['', /请填写用户名/],
    ['ab', /3 至 32 位/],
    ['abc', undefined],
    ['a'.repeat(32), undefined],
    ['a'.repeat(33), /3 至 32 位/],
    ['Wang', /3 至 32 位/],
    ['-wang', /3 至 32 位/],
    ['wang.fang_01', undefined],
    ['王芳', /3 至 32 位/],
  ])('%s → %s', (username, expected) => {
    const problem = usernameProblem(username);
    if (expected === undefined) expect(problem).toBeUndefined();
    else expect(problem).toMatch(expected);
  });
});
