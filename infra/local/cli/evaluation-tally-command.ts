import { parseArgs } from 'node:util';
import { GRADE_LABELS, GRADES, RatingsFileError, tallyRatingsFile, type KindTally, type RatingsFileResult } from '../../../shared/domain/evaluation';
import type { CliIo } from './calendar-command';
import { readJsonInput } from './json-input';
import { CliUsageError } from './usage-error';

export const EVALUATION_TALLY_USAGE = [
  '用法：dangjian evaluation-tally --file <ratings.json | -> [--json]',
  '  --file   民主评议的评议结果 JSON 文件；“-”表示从标准输入读取',
  '  --json   输出一行 JSON（默认输出中文表格）',
  '输入：{"members": ["张伟", "王芳", ...],',
  '       "sheets": [{"张伟": "优秀", "王芳": "合格", ...}, ...]（逐张党员评议表）',
  '         或 "counts": {"张伟": {"优秀": 6, "合格": 3}, ...}, "returned": 9（汇总数与收回份数），',
  '       "massSheets" / "massCounts" + "massReturned"（选填：群众评议，同上），"massWeight": 0（选填：群众评议的权重，默认 0 即只列示不计入），',
  '       "proposal": {"张伟": "优秀", ...}, "reasons": {"王芳": "理由"}（选填：支部委员会的评定意见及理由），',
  '       "excellentCapPercent": 30（选填：优秀比例上限，默认 30%，向下取整）}',
  '等次写作 优秀 / 合格 / 基本合格 / 不合格（或 excellent / qualified / basic / unqualified）。',
  '输出：每名党员各等次的票数和比例、多数等次；给出评定意见时检查优秀比例上限和须写明理由的情形。',
  '退出码：0 统计完成（评定意见符合规则）；1 评定意见不符合规则；2 参数或输入错误。',
];

const percent = (share: number) => `${(share * 100).toFixed(1)}%`;
const kindLine = (kind: KindTally) => GRADES.map((g) => `${GRADE_LABELS[g]} ${kind.counts[g]}（${percent(kind.shares[g])}）`).join('  ');

/** The result as a table in Chinese, one member a line (the 群众评议 line beside it when there were any). */
export function formatRatingsResult(result: RatingsFileResult): string[] {
  const lines = [`参评党员 ${result.evaluated} 名；收回党员评议表 ${result.returned.member} 份${result.returned.mass > 0 ? `，群众评议表 ${result.returned.mass} 份` : ''}。`];
  for (const member of result.tally) {
    const majority = member.majority.length === 0 ? '无评议' : member.majority.map((g) => GRADE_LABELS[g]).join('、') + (member.majority.length > 1 ? '（票数相同）' : '');
    lines.push(`${member.name}：${kindLine(member.member)}；多数等次：${majority}`);
    if (member.mass.returned > 0) lines.push(`  群众评议：${kindLine(member.mass)}`);
  }
  const { proposal } = result;
  if (proposal) {
    lines.push(`评定意见：优秀 ${proposal.excellent} 名，上限 ${proposal.cap} 名（参评党员 ${result.evaluated} 名的 ${proposal.excellentCapPercent}%，向下取整）。`);
    if (proposal.problems.length === 0) lines.push('评定意见符合规则。');
    else lines.push('评定意见不符合规则：', ...proposal.problems.map((p) => `  ${p}`));
  }
  return lines;
}

/**
 * `dangjian evaluation-tally --file ratings.json [--json]`: the tally of an evaluation's ratings and the check of a
 * proposal (docs/domain/evaluation.md). Exit code: 0 tallied (and a proposal given holds), 1 the proposal breaks a
 * rule, 2 bad arguments or input.
 */
export async function runEvaluationTallyCommand(argv: string[], io: CliIo, stdin: AsyncIterable<Buffer | string> = process.stdin): Promise<number> {
  if (argv.length === 1 && ['help', '--help', '-h'].includes(argv[0])) {
    io.out(EVALUATION_TALLY_USAGE.join('\n'));
    return 0;
  }
  try {
    const { values } = parseArgs({ args: argv, options: { file: { type: 'string' }, json: { type: 'boolean', default: false } }, strict: true, allowPositionals: false });
    const result = tallyRatingsFile(await readJsonInput(values.file, stdin, '缺少 --file（评议结果的 JSON 文件，或“-”表示标准输入） (missing --file)'));
    if (values.json) io.out(JSON.stringify(result));
    else for (const line of formatRatingsResult(result)) io.out(line);
    return result.proposal && result.proposal.problems.length > 0 ? 1 : 0;
  } catch (error) {
    if (error instanceof RatingsFileError) {
      io.err('输入无效 (invalid input):');
      for (const issue of error.issues) io.err(`  ${issue}`);
      return 2;
    }
    const nodeArgError = (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
    if (!(error instanceof CliUsageError || nodeArgError)) throw error;
    io.err(`参数错误 (bad arguments): ${(error as Error).message}`);
    io.err(EVALUATION_TALLY_USAGE.join('\n'));
    return 2;
  }
}
