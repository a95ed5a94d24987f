import { parseArgs } from 'node:util';
import { checkGeneralMeetingVote, DevelopmentInputError, type GeneralMeetingVoteResult } from '../../../shared/domain/development';
import type { CliIo } from './calendar-command';
import { CliUsageError } from './usage-error';

export const VOTE_CHECK_USAGE = [
  '用法：dangjian vote-check --should-attend N --present N --yes N [--written-yes N --written-no N]',
  '  --should-attend  应到会有表决权的正式党员人数（已除去有正当理由不计入的）',
  '  --present        实到会有表决权的正式党员人数',
  '  --yes            会上赞成票数',
  '  --written-yes    未到会党员会前提交的书面赞成意见数（默认 0）',
  '  --written-no     未到会党员会前提交的书面反对意见数（默认 0）',
  '到会人数超过应到会人数的半数方可表决；赞成票（含书面意见）超过应到会人数的半数为通过。',
];

function count(option: string, text: string | undefined, required: boolean): number | undefined {
  if (text === undefined) {
    if (required) throw new CliUsageError(`缺少 --${option}`);
    return undefined;
  }
  if (!/^\d+$/.test(text)) throw new CliUsageError(`--${option} 的值必须是非负整数，得到“${text}”`);
  return Number(text);
}

/** The result as one JSON line, keys in the documented order, with a space after each colon and comma. */
export function formatVoteResult(result: GeneralMeetingVoteResult): string {
  return `{"quorumMet": ${result.quorumMet}, "passed": ${result.passed}, "required": {"present": ${result.required.present}, "yes": ${result.required.yes}}}`;
}

/** `dangjian vote-check …`: prints the general-meeting vote rule's result; returns 0, or 2 on bad arguments. */
export async function runVoteCheckCommand(argv: string[], io: CliIo): Promise<number> {
  try {
    const { values } = parseArgs({
      args: argv,
      options: {
        'should-attend': { type: 'string' },
        present: { type: 'string' },
        yes: { type: 'string' },
        'written-yes': { type: 'string' },
        'written-no': { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
      allowPositionals: false,
    });
    if (values.help) {
      io.out(VOTE_CHECK_USAGE.join('\n'));
      return 0;
    }
    const result = checkGeneralMeetingVote({
      shouldAttend: count('should-attend', values['should-attend'], true) as number,
      present: count('present', values.present, true) as number,
      yes: count('yes', values.yes, true) as number,
      writtenYes: count('written-yes', values['written-yes'], false),
      writtenNo: count('written-no', values['written-no'], false),
    });
    io.out(formatVoteResult(result));
    return 0;
  } catch (error) {
    const nodeArgError = (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
    if (!(error instanceof CliUsageError || error instanceof DevelopmentInputError || nodeArgError)) throw error;
    io.err(`参数错误：${(error as Error).message}`);
    io.err(VOTE_CHECK_USAGE.join('\n'));
    return 2;
  }
}
