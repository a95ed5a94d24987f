import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { runVoteCheckCommand } from '../../../../infra/local/cli/vote-check-command';

const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));

async function run(...argv: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runVoteCheckCommand(argv, { out: (line) => out.push(line), err: (line) => err.push(line) });
  return { code, out, err };
}

describe('runVoteCheckCommand', () => {
  test.each([
    [['--should-attend', '16', '--present', '9', '--yes', '9'], '{"quorumMet": true, "passed": true, "required": {"present": 9, "yes": 9}}'],
    [['--should-attend', '16', '--present', '8', '--yes', '8'], '{"quorumMet": false, "passed": false, "required": {"present": 9, "yes": 9}}'],
    [['--should-attend', '16', '--present', '9', '--yes', '8'], '{"quorumMet": true, "passed": false, "required": {"present": 9, "yes": 9}}'],
    [['--should-attend', '16', '--present', '9', '--yes', '8', '--written-yes', '1', '--written-no', '2'], '{"quorumMet": true, "passed": true, "required": {"present": 9, "yes": 9}}'],
    [['--should-attend=15', '--present=8', '--yes=8'], '{"quorumMet": true, "passed": true, "required": {"present": 8, "yes": 8}}'],
  ])('%j → %s', async (args, line) => {
    expect(await run(...args)).toEqual({ code: 0, out: [line], err: [] });
    expect(JSON.parse(line)).toHaveProperty('required');
  });

  test('--help prints the usage on out', async () => {
    const { code, out } = await run('--help');
    expect(code).toBe(0);
    expect(out.join('\n')).toContain('dangjian vote-check --should-attend N');
  });

  test.each([
    [[], '缺少 --should-attend'],
    [['--should-attend', '16', '--present', '9'], '缺少 --yes'],
    [['--should-attend', '16', '--present', 'nine', '--yes', '9'], '--present 的值必须是非负整数，得到“nine”'],
    [['--should-attend', '16', '--present', '-1', '--yes', '9'], '--present'],
    [['--should-attend', '16', '--present', '9', '--yes', '10'], '不能多于实到会人数'],
    [['--should-attend', '16', '--present', '9', '--yes', '9', '--written-yes', '8'], '只能来自未到会'],
    [['--should-attend', '0', '--present', '0', '--yes', '0'], '应到会人数至少为 1'],
    [['--should-attend', '16', '--present', '9', '--yes', '9', '--quorum', '3'], '参数错误'],
    [['extra', '--should-attend', '16', '--present', '9', '--yes', '9'], '参数错误'],
  ])('bad arguments %j → exit 2 with “%s”', async (args, message) => {
    const { code, out, err } = await run(...args);
    expect(code).toBe(2);
    expect(out).toEqual([]);
    expect(err[0]).toMatch(/^参数错误：/);
    expect(err.join('\n')).toContain(message);
    expect(err.join('\n')).toContain('用法：dangjian vote-check');
  });
});

describe('bin/dangjian.js vote-check', () => {
  test('prints exactly the documented line', async () => {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, ['bin/dangjian.js', 'vote-check', '--should-attend', '16', '--present', '9', '--yes', '9'], {
      cwd: repoRoot,
    });
    expect(stdout).toBe('{"quorumMet": true, "passed": true, "required": {"present": 9, "yes": 9}}\n');
    expect(stderr).toBe('');
  });
});
