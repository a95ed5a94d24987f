import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { runEvaluationTallyCommand } from '../../../../infra/local/cli/evaluation-tally-command';

const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));

/** Ten members, nine sheets: 张伟, 王芳, 李娜 优秀 on all; 刘洋 不合格 on 5 of 9; everyone else 合格. */
const MEMBERS = ['张伟', '王芳', '李娜', '刘洋', '陈静', '杨帆', '黄敏', '周杰', '吴丽', '孙燕'];
const sheet = (i: number) => Object.fromEntries(MEMBERS.map((n) => [n, ['张伟', '王芳', '李娜'].includes(n) ? '优秀' : n === '刘洋' && i < 5 ? '不合格' : '合格']));
const RATINGS = { members: MEMBERS, sheets: Array.from({ length: 9 }, (_, i) => sheet(i)) };

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'evaluation-tally-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function run(argv: string[], stdinText = ''): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runEvaluationTallyCommand(argv, { out: (line) => out.push(line), err: (line) => err.push(line) }, Readable.from([Buffer.from(stdinText)]));
  return { code, out, err };
}

describe('runEvaluationTallyCommand', () => {
  test('prints per member the counts, shares and majority grade, in Chinese', async () => {
    const { code, out, err } = await run(['--file', '-'], JSON.stringify(RATINGS));
    expect({ code, err }).toEqual({ code: 0, err: [] });
    expect(out[0]).toBe('参评党员 10 名；收回党员评议表 9 份。');
    expect(out).toContain('张伟：优秀 9（100.0%）  合格 0（0.0%）  基本合格 0（0.0%）  不合格 0（0.0%）；多数等次：优秀');
    expect(out).toContain('刘洋：优秀 0（0.0%）  合格 4（44.4%）  基本合格 0（0.0%）  不合格 5（55.6%）；多数等次：不合格');
    expect(out).toHaveLength(11);
  });

  test('--json: one JSON line with the counts, shares and majority keys', async () => {
    const { code, out } = await run(['--file', '-', '--json'], JSON.stringify(RATINGS));
    expect(code).toBe(0);
    const result = JSON.parse(out[0]);
    expect(result).toMatchObject({ evaluated: 10, returned: { member: 9, mass: 0 } });
    expect(result.tally[3]).toMatchObject({ name: '刘洋', majority: ['unqualified'], member: { counts: { qualified: 4, unqualified: 5 }, returned: 9 } });
  });

  test('summary counts (paper) and 群众评议 beside, not counted by default; a tie names both grades', async () => {
    const input = { members: ['甲', '乙'], counts: { 甲: { 优秀: 4, 合格: 4 }, 乙: { qualified: 8 } }, returned: 8, massCounts: { 甲: { 优秀: 3 } }, massReturned: 3 };
    const { code, out } = await run(['--file', '-'], JSON.stringify(input));
    expect(code).toBe(0);
    expect(out).toEqual([
      '参评党员 2 名；收回党员评议表 8 份，群众评议表 3 份。',
      '甲：优秀 4（50.0%）  合格 4（50.0%）  基本合格 0（0.0%）  不合格 0（0.0%）；多数等次：优秀、合格（票数相同）',
      '  群众评议：优秀 3（100.0%）  合格 0（0.0%）  基本合格 0（0.0%）  不合格 0（0.0%）',
      '乙：优秀 0（0.0%）  合格 8（100.0%）  基本合格 0（0.0%）  不合格 0（0.0%）；多数等次：合格',
      '  群众评议：优秀 0（0.0%）  合格 0（0.0%）  基本合格 0（0.0%）  不合格 0（0.0%）',
    ]);
    // Weighted 1, the 群众评议 breaks the tie.
    const weighted = JSON.parse((await run(['--file', '-', '--json'], JSON.stringify({ ...input, massWeight: 1 }))).out[0]);
    expect(weighted.tally[0].majority).toEqual(['excellent']);
  });

  // The cap: 30% of those evaluated rounded down — 10 → 3 (boundary on each side), 9 → 2.
  test.each([
    [MEMBERS, ['张伟', '王芳', '李娜'], 0, '评定意见：优秀 3 名，上限 3 名（参评党员 10 名的 30%，向下取整）。'],
    [MEMBERS, ['张伟', '王芳', '李娜', '陈静'], 1, '评定为优秀的有 4 名，超过参评党员 10 名的 30%（最多 3 名）。'],
    [MEMBERS.slice(0, 9), ['张伟', '王芳', '李娜'], 1, '评定为优秀的有 3 名，超过参评党员 9 名的 30%（最多 2 名）。'],
  ])('a proposal is checked against the 优秀 cap (%#)', async (members, excellent, exitCode, line) => {
    const proposal = Object.fromEntries(members.map((n) => [n, excellent.includes(n) ? '优秀' : '合格']));
    const reasons = { 陈静: '全年表现突出', 刘洋: '经谈话认识到问题' };
    const { code, out } = await run(['--file', '-'], JSON.stringify({ members, sheets: RATINGS.sheets.map((s) => Object.fromEntries(members.map((n) => [n, s[n]]))), proposal, reasons }));
    expect(code).toBe(exitCode);
    expect(out.join('\n')).toContain(line);
  });

  test('a proposal departing from the majority, or 不合格, without a reason breaks the rule (exit 1)', async () => {
    const proposal = Object.fromEntries(MEMBERS.map((n) => [n, '合格']));
    const { code, out } = await run(['--file', '-'], JSON.stringify({ ...RATINGS, proposal: { ...proposal, 孙燕: '不合格' } }));
    expect(code).toBe(1);
    expect(out).toContain('  刘洋的评议结果以“不合格”为多，评定为“合格”须写明理由。');
    expect(out).toContain('  孙燕评定为不合格，须写明理由。');
  });

  test('help prints the usage on out', async () => {
    const { code, out } = await run(['--help']);
    expect(code).toBe(0);
    expect(out.join('\n')).toContain('dangjian evaluation-tally --file');
  });

  test.each([
    [[], '', '缺少 --file'],
    [['--verbose', '--file', '-'], '', 'bad arguments'],
    [['--file', '/nonexistent/ratings.json'], '', '无法读取'],
    [['--file', '-'], '{"members": [', '不是有效的 JSON'],
    [['--file', '-'], JSON.stringify({ members: [] }), '至少列出一名参评党员'],
    [['--file', '-'], JSON.stringify({ members: ['甲'], sheets: [{ 甲: '良好' }] }), 'sheets.0.甲: 等次须为优秀、合格、基本合格、不合格之一'],
    [['--file', '-'], JSON.stringify({ members: ['甲'], sheets: [{ 乙: '优秀' }] }), 'sheets.0: “乙”不在 members 名单中'],
    [['--file', '-'], JSON.stringify({ members: ['甲'], counts: { 甲: { 优秀: 5 } }, returned: 4 }), 'counts.甲: 合计 5 票，多于收回的评议表 4 份'],
    [['--file', '-'], JSON.stringify({ members: ['甲'], counts: { 甲: { 优秀: 5 } } }), 'returned: 给出汇总数时须写明收回的评议表份数'],
    [['--file', '-'], JSON.stringify({ members: ['甲', '甲'] }), 'members: “甲”重复'],
  ])('%j (stdin %j) → exit 2, %s on err', async (argv, stdinText, message) => {
    const { code, out, err } = await run(argv, stdinText);
    expect(code).toBe(2);
    expect(out).toEqual([]);
    expect(err.join('\n')).toContain(message);
  });

  test('the installed command: node bin/dangjian.js evaluation-tally --file <tmp>', async () => {
    const path = join(dir, 'ratings.json');
    await writeFile(path, JSON.stringify(RATINGS));
    const { stdout, stderr } = await promisify(execFile)('node', ['bin/dangjian.js', 'evaluation-tally', '--file', path], { cwd: repoRoot });
    expect(stderr).toBe('');
    expect(stdout.split('\n')).toContain('孙燕：优秀 0（0.0%）  合格 9（100.0%）  基本合格 0（0.0%）  不合格 0（0.0%）；多数等次：合格');
  });
});
