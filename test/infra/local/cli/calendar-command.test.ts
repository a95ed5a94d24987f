import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { runCalendarCommand } from '../../../../infra/local/cli/calendar-command';

const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));

async function run(...argv: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCalendarCommand(argv, { out: (line) => out.push(line), err: (line) => err.push(line) });
  return { code, out, err };
}

describe('runCalendarCommand: calendar end', () => {
  test('5 working days from 2026-09-23 end on 2026-09-30, with a Chinese summary', async () => {
    expect(await run('end', '--from', '2026-09-23', '--working-days', '5')).toEqual({
      code: 0,
      out: ['2026-09-30T23:59:59+08:00', '（计 5 个工作日，跳过 3 天）'],
      err: [],
    });
  });

  test.each([
    [['--from', '2026-09-18', '--working-days', '5'], '2026-09-23T23:59:59+08:00'],
    [['--from=2026-09-29', '--working-days=5'], '2026-10-10T23:59:59+08:00'],
    [['--days', '7', '--from', '2026-09-29'], '2026-10-05T23:59:59+08:00'],
    [['--from', '2026-03-12T16:30:00Z', '--working-days', '5'], '2026-03-19T23:59:59+08:00'],
    [['--from', '2026-03-13T23:30', '--working-days', '5'], '2026-03-19T23:59:59+08:00'],
    [['--from', '2026-03-13T23:30Z', '--working-days', '5'], '2026-03-20T23:59:59+08:00'],
    [['--from', '2026-03-13T16:00:00.000+00:00', '--days', '1'], '2026-03-14T23:59:59+08:00'],
  ])('end %j → %s', async (args, endsAt) => {
    const { code, out, err } = await run('end', ...args);
    expect(code).toBe(0);
    expect(out[0]).toBe(endsAt);
    expect(err).toEqual([]);
  });

  test('calendar days are summarized without skipped days', async () => {
    expect((await run('end', '--from', '2026-09-29', '--days', '7')).out[1]).toBe('（计 7 个自然日）');
  });

  test('--json prints only the whole result, on one line', async () => {
    const { code, out, err } = await run('end', '--from', '2026-09-23', '--working-days', '5', '--json');
    expect(code).toBe(0);
    expect(err).toEqual([]);
    expect(out).toHaveLength(1);
    expect(JSON.parse(out[0])).toEqual({
      endsAt: '2026-09-30T23:59:59+08:00',
      endsAtInstant: '2026-09-30T15:59:59.000Z',
      lastDay: '2026-09-30',
      countedDays: ['2026-09-23', '2026-09-24', '2026-09-28', '2026-09-29', '2026-09-30'],
      skippedDays: [
        { date: '2026-09-25', reason: 'holiday' },
        { date: '2026-09-26', reason: 'holiday' },
        { date: '2026-09-27', reason: 'holiday' },
      ],
      provisional: false,
      missingYears: [],
    });
  });

  test('a provisional end is printed, with a warning about the missing year on err', async () => {
    const { code, out, err } = await run('end', '--from', '2026-12-30', '--working-days', '5');
    expect(code).toBe(0);
    expect(out[0]).toBe('2027-01-05T23:59:59+08:00');
    expect(err).toEqual(['注意：2027 年的节假日安排尚未录入，仅按周末计算，截止时间为暂定。']);
  });

  test('help prints the usage on out', async () => {
    const { code, out } = await run('--help');
    expect(code).toBe(0);
    expect(out.join('\n')).toContain('dangjian calendar end --from');
  });

  test.each([
    [[], '用法：dangjian calendar end'],
    [['begin'], '未知的子命令“begin”'],
    [['end', '--working-days', '5'], '缺少 --from'],
    [['end', '--from', '2026-02-30', '--working-days', '5'], '--from 的值“2026-02-30”无法识别'],
    [['end', '--from', 'tomorrow', '--working-days', '5'], '--from 的值“tomorrow”无法识别'],
    [['end', '--from', '2026-09-23T25:00', '--working-days', '5'], '--from 的值“2026-09-23T25:00”不是有效时刻'],
    [['end', '--from', '2026-09-23'], '请给出 --working-days N 或 --days N'],
    [['end', '--from', '2026-09-23', '--working-days', '5', '--days', '7'], '请给出 --working-days N 或 --days N'],
    [['end', '--from', '2026-09-23', '--working-days', '0'], '--working-days 的值必须是正整数，得到“0”'],
    [['end', '--from', '2026-09-23', '--days', '1.5'], '--days 的值必须是正整数，得到“1.5”'],
    [['end', '--from', '2026-09-23', '--working-days', '99999'], 'from 1 to 3660'],
    [['end', '--from', '2026-09-23', '--working-days', '5', '--weeks', '1'], "Unknown option '--weeks'"],
    [['end', '--from', '2026-09-23', '--working-days', '5', 'extra'], 'extra'],
    [['end', '--from'], '--from'],
  ])('bad arguments %j → exit 2 with a message', async (argv, message) => {
    const { code, out, err } = await run(...argv);
    expect(code).toBe(2);
    expect(out).toEqual([]);
    expect(err.join('\n')).toContain(message);
  });
});

describe('the dangjian executable', () => {
  const exec = promisify(execFile);
  const env = { ...process.env, NODE_OPTIONS: '' };

  test('node bin/dangjian.js calendar end --from 2026-09-23 --working-days 5', async () => {
    const { stdout } = await exec('node', ['bin/dangjian.js', 'calendar', 'end', '--from', '2026-09-23', '--working-days', '5'], { cwd: repoRoot, env });
    expect(stdout.split('\n')[0]).toBe('2026-09-30T23:59:59+08:00');
  });

  test('an unknown command exits 2 and lists the commands', async () => {
    const failure = await exec('node', ['bin/dangjian.js', 'nonsense'], { cwd: repoRoot, env }).then(
      () => undefined,
      (error: { code: number; stderr: string }) => error,
    );
    expect(failure?.code).toBe(2);
    expect(failure?.stderr).toContain('未知的命令“nonsense”');
    expect(failure?.stderr).toMatch(/命令：\n\s+calendar/);
  });
});
