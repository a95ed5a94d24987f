import { parseArgs } from 'node:util';
import { ELECTION_RULE_SETS, TallyInputError, tallyRound, tallyRulesOf } from '../../../shared/domain/election';
import type { CliIo } from './calendar-command';
import { readJsonInput } from './json-input';
import { CliUsageError } from './usage-error';

export const TALLY_USAGE = [
  '用法：dangjian tally --file <round.json | -> [--rules 2020|1990]',
  '  --file   一轮投票的 JSON 文件；“-”表示从标准输入读取',
  '  --rules  按规则集计票：2020（《中国共产党基层组织选举工作条例》，默认）或 1990（暂行条例）；JSON 中的 rules 各项优先',
  '输入：{"seats": 5, "candidates": [...], "shouldAttend": 50, "present": 45, "ballotsIssued": 45,',
  '       "ballots": [["姓名", ...], "spoiled", ...] 或 "summary": {"returned": n, "invalid": n, "spoiled": n, "votes": {"姓名": n}},',
  '       "rules": {"quorum": "atLeastFourFifths" | "moreThanFourFifths", "majorityBase": "shouldAttend" | "present", "minCandidateMargin": 0.2,',
  '                 "tieReVote": "mostVotes" | "majority"},',
  '       "reVote": true（票数相等后的再次投票：candidates 为得票相等的人，seats 为剩余名额），',
  '       "eligible": ["有被选举权的姓名", ...]（选填：其他姓名的得票不计入任何人）}',
  '输出：一行 JSON（valid, problems[{code, message}], quorumMet, ballotsReturned, ballotsValid, ballotsInvalid, votes, threshold, elected, tiedForLastSeat, seatsUnfilled）',
];

/** The named set's rules under the explicit `rules` of the JSON (each part given there wins). */
function withNamedRules(round: Parameters<typeof tallyRound>[0], named: ReturnType<typeof tallyRulesOf>): Parameters<typeof tallyRound>[0] {
  if (typeof round !== 'object' || round === null || Array.isArray(round)) return round;
  const explicit = typeof round.rules === 'object' && round.rules !== null ? round.rules : {};
  return { ...round, rules: { ...named, ...explicit } };
}

/**
 * `dangjian tally --file round.json [--rules 2020|1990]`: prints the result of one round as one JSON line.
 * Returns the exit code: 0 tallied (even when the round is not valid: see `valid` and `problems`), 2 bad arguments or input.
 */
export async function runTallyCommand(argv: string[], io: CliIo, stdin: AsyncIterable<Buffer | string> = process.stdin): Promise<number> {
  if (argv.length === 1 && ['help', '--help', '-h'].includes(argv[0])) {
    io.out(TALLY_USAGE.join('\n'));
    return 0;
  }
  try {
    const { values } = parseArgs({ args: argv, options: { file: { type: 'string' }, rules: { type: 'string' } }, strict: true, allowPositionals: false });
    const named = values.rules === undefined ? undefined : ELECTION_RULE_SETS[values.rules];
    if (values.rules !== undefined && !named) throw new CliUsageError(`--rules 须为 ${Object.keys(ELECTION_RULE_SETS).sort().reverse().join(' 或 ')} (unknown rule set “${values.rules}”)`);
    const round = (await readJsonInput(values.file, stdin, '缺少 --file（一轮投票的 JSON 文件，或“-”表示标准输入） (missing --file)')) as Parameters<typeof tallyRound>[0];
    const result = tallyRound(named ? withNamedRules(round, tallyRulesOf(named)) : round);
    io.out(JSON.stringify(result));
    return 0;
  } catch (error) {
    const nodeArgError = (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
    if (error instanceof TallyInputError) {
      io.err('输入无效 (invalid input):');
      for (const issue of error.issues) io.err(`  ${issue}`);
      return 2;
    }
    if (!(error instanceof CliUsageError || nodeArgError)) throw error;
    io.err(`参数错误 (bad arguments): ${(error as Error).message}`);
    io.err(TALLY_USAGE.join('\n'));
    return 2;
  }
}
