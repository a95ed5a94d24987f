import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { runTallyCommand } from '../../../../infra/local/cli/tally-command';

const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));

const ROUND = {
  seats: 2,
  candidates: ['张三', '李四', '王五'],
  shouldAttend: 10,
  present: 8,
  ballotsIssued: 8,
  ballots: [['张三', '李四'], ['张三', '李四'], ['张三'], ['张三', '王五'], ['张三', '李四'], ['李四', '赵六'], 'spoiled', ['张三', '李四', '王五']],
  rules: { quorum: 'atLeastFourFifths', majorityBase: 'present', minCandidateMargin: 0.2 },
};

const EXPECTED = {
  valid: true,
  problems: [],
  quorumMet: true,
  ballotsReturned: 8,
  ballotsValid: 6,
  ballotsInvalid: 1,
  votes: { 张三: 5, 李四: 4, 王五: 1, 赵六: 1 },
  threshold: 5,
  elected: ['张三'],
  tiedForLastSeat: [],
  seatsUnfilled: 1,
};

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tally-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function run(argv: string[], stdinText = ''): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runTallyCommand(argv, { out: (line) => out.push(line), err: (line) => err.push(line) }, Readable.from([Buffer.from(stdinText)]));
  return { code, out, err };
}

async function file(name: string, content: string): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, content);
  return path;
}

describe('runTallyCommand', () => {
  test('prints the result of a round as one JSON line', async () => {
    const { code, out, err } = await run(['--file', await file('round.json', JSON.stringify(ROUND))]);
    expect({ code, err }).toEqual({ code: 0, err: [] });
    expect(out).toHaveLength(1);
    expect(JSON.parse(out[0])).toEqual(EXPECTED);
  });

  test('reads standard input with --file -, a BOM allowed', async () => {
    const { code, out } = await run(['--file', '-'], `\uFEFF${JSON.stringify(ROUND)}`);
    expect(code).toBe(0);
    expect(JSON.parse(out[0])).toEqual(EXPECTED);
  });

  test('a round that is not valid still exits 0, with the problems as {code, message}', async () => {
    const { code, out } = await run(['--file', '-'], JSON.stringify({ ...ROUND, present: 7, ballotsIssued: 7 }));
    expect(code).toBe(0);
    const result = JSON.parse(out[0]);
    expect(result.valid).toBe(false);
    expect(result.problems).toEqual([
      { code: 'quorumNotMet', message: '实到 7 人，应到 10 人：实到人数须达到应到人数的五分之四，选举无效' },
      { code: 'moreBallotsReturnedThanIssued', message: '收回选票 8 张，多于发出的 7 张：本次选举无效，应重新进行选举' },
    ]);
  });

  describe('--rules 2020|1990: a named rule set beside the explicit rules of the JSON', () => {
    const bare = (over: Record<string, unknown>) => JSON.stringify({
      seats: 1, candidates: ['甲', '乙'], shouldAttend: 10, present: 9, ballotsIssued: 9,
      summary: { returned: 9, invalid: 0, spoiled: 0, votes: { 甲: 5, 乙: 4 } }, ...over,
    });
    const tally = async (argv: string[], json: string) => {
      const { code, out, err } = await run(['--file', '-', ...argv], json);
      expect({ code, err }).toEqual({ code: 0, err: [] });
      return JSON.parse(out[0]);
    };
    test('5 of 9 present, 10 should attend: the 2020 条例 elects no one (exactly half of should-attend), the 1990 暂行条例 elects 甲', async () => {
      expect(await tally(['--rules', '2020'], bare({}))).toMatchObject({ threshold: 6, elected: [] });
      expect(await tally(['--rules', '1990'], bare({}))).toMatchObject({ threshold: 5, elected: ['甲'] });
    });
    test('exactly 4/5 present (8 of 10): a quorum under 2020, none under 1990', async () => {
      const eight = bare({ present: 8, ballotsIssued: 8, summary: { returned: 8, invalid: 0, spoiled: 0, votes: { 甲: 7 } } });
      expect(await tally(['--rules', '2020'], eight)).toMatchObject({ quorumMet: true, valid: true });
      expect(await tally(['--rules', '1990'], eight)).toMatchObject({ quorumMet: false, valid: false });
    });
    test('a part given in the JSON wins over the named set', async () => {
      expect(await tally(['--rules', '1990'], bare({ rules: { majorityBase: 'shouldAttend' } }))).toMatchObject({ threshold: 6, elected: [] });
    });
    test('a re-vote among the tied (the tied names, the seats left): most votes elects', async () => {
      const reVote = JSON.stringify({
        seats: 1, candidates: ['王芳', '李娜'], shouldAttend: 10, present: 10, ballotsIssued: 10, reVote: true,
        summary: { returned: 10, invalid: 0, spoiled: 0, votes: { 王芳: 5, 李娜: 4 } },
      });
      expect(await tally([], reVote)).toMatchObject({ valid: true, elected: ['王芳'], byMostVotes: true });
      expect(await tally(['--rules', '1990'], reVote)).toMatchObject({ elected: ['王芳'] });
      const tiedAgain = await tally(['--rules', '2020'], reVote.replace('"李娜":4', '"李娜":5'));
      expect(tiedAgain).toMatchObject({ elected: [], tiedForLastSeat: ['王芳', '李娜'], seatsUnfilled: 1 });
    });
    test('an unknown rule set → exit 2', async () => {
      const { code, err } = await run(['--file', '-', '--rules', '1985'], bare({}));
      expect(code).toBe(2);
      expect(err.join('\n')).toContain('--rules 须为 2020 或 1990');
    });
  });

  test('help prints the usage on out', async () => {
    const { code, out } = await run(['--help']);
    expect(code).toBe(0);
    expect(out.join('\n')).toContain('dangjian tally --file');
  });

  test.each([
    [[], '', '缺少 --file'],
    [['--file'], '', 'bad arguments'],
    [['--verbose', '--file', '-'], '', 'bad arguments'],
    [['--file', '/nonexistent/round.json'], '', '无法读取'],
    [['--file', '-'], '{"seats": 2,', '不是有效的 JSON'],
    [['--file', '-'], JSON.stringify({ ...ROUND, present: 11 }), '实到人数不能多于应到人数 (present must not exceed shouldAttend)'],
    [['--file', '-'], JSON.stringify({ ...ROUND, seats: 'two' }), 'seats:'],
    [['--file', '-'], JSON.stringify({ ...ROUND, ballotsIssued: 9 }), '发出选票 9 张，多于实到的 8 人'],
  ])('%j (stdin %j) → exit 2, %s on err', async (argv, stdinText, message) => {
    const { code, out, err } = await run(argv, stdinText);
    expect(code).toBe(2);
    expect(out).toEqual([]);
    expect(err.join('\n')).toContain(message);
  });

  test('the installed command: node bin/dangjian.js tally --file <tmp>', async () => {
    const path = await file('spawned.json', JSON.stringify(ROUND));
    const { stdout, stderr } = await promisify(execFile)('node', ['bin/dangjian.js', 'tally', '--file', path], { cwd: repoRoot });
    expect(stderr).toBe('');
    expect(JSON.parse(stdout)).toEqual(EXPECTED);
  });
});
