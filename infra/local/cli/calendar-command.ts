import { parseArgs } from 'node:util';
import {
  CalendarPeriodInvalidError,
  chinaDayStartText,
  computePeriodEnd,
  isIsoDate,
  shippedCalendar,
  type Period,
  type PeriodEnd,
} from '../../../shared/domain/calendar';
import { CliUsageError } from './usage-error';

/** Where a command writes: standard output for results, standard error for messages. */
export interface CliIo {
  out: (line: string) => void;
  err: (line: string) => void;
}

export const CALENDAR_USAGE = [
  '用法：dangjian calendar end --from <日期或时刻> (--working-days N | --days N) [--json]',
  '  --from          公示发布时间：日期 2026-09-23（按北京时间当日 00:00）或时刻 2026-09-23T15:30:00Z',
  '  --working-days  公示期为 N 个工作日',
  '  --days          公示期为 N 个自然日',
  '  --json          只输出完整的计算结果（JSON，一行）',
  '只使用随程序发布的节假日数据（2025、2026 年），不读数据库。',
];

/** A date-time with an optional offset; without one it is read as China time. */
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})?$/;

function parsePublishedAt(text: string | undefined): Date {
  if (text === undefined) throw new CliUsageError('缺少 --from（公示发布日期或时刻）');
  const value = isIsoDate(text) ? chinaDayStartText(text) : text;
  if (!isIsoDate(value.slice(0, 10)) || !INSTANT.test(value)) {
    throw new CliUsageError(`--from 的值“${text}”无法识别：请写日期 2026-09-23，或 ISO 时刻 2026-09-23T15:30:00Z`);
  }
  const withOffset = /(Z|[+-]\d{2}:\d{2})$/.test(value) ? value : `${value}+08:00`;
  const instant = new Date(withOffset);
  if (Number.isNaN(instant.getTime())) throw new CliUsageError(`--from 的值“${text}”不是有效时刻`);
  return instant;
}

function parsePeriod(workingDays: string | undefined, days: string | undefined): Period {
  if ((workingDays === undefined) === (days === undefined)) {
    throw new CliUsageError('请给出 --working-days N 或 --days N（二者选一）');
  }
  const [option, text, unit] =
    workingDays !== undefined ? (['--working-days', workingDays, 'workingDays'] as const) : (['--days', days as string, 'calendarDays'] as const);
  if (!/^\d+$/.test(text) || Number(text) < 1) throw new CliUsageError(`${option} 的值必须是正整数，得到“${text}”`);
  return { unit, count: Number(text) };
}

function summary(result: PeriodEnd, period: Period): string {
  const counted = period.unit === 'workingDays' ? `计 ${period.count} 个工作日，跳过 ${result.skippedDays.length} 天` : `计 ${period.count} 个自然日`;
  return `（${counted}）`;
}

async function end(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      from: { type: 'string' },
      'working-days': { type: 'string' },
      days: { type: 'string' },
      json: { type: 'boolean', default: false },
    },
    strict: true,
    allowPositionals: false,
  });
  const publishedAt = parsePublishedAt(values.from);
  const period = parsePeriod(values['working-days'], values.days);
  const result = computePeriodEnd(shippedCalendar(), publishedAt, period);
  if (values.json) {
    io.out(JSON.stringify(result));
    return 0;
  }
  io.out(result.endsAt);
  io.out(summary(result, period));
  if (result.provisional) {
    io.err(`注意：${result.missingYears.join('、')} 年的节假日安排尚未录入，仅按周末计算，截止时间为暂定。`);
  }
  return 0;
}

/** `dangjian calendar …`: returns the exit code (0 done, 2 bad arguments). */
export async function runCalendarCommand(argv: string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub === undefined || sub === 'help' || sub === '--help' || sub === '-h') {
    (sub === undefined ? io.err : io.out)(CALENDAR_USAGE.join('\n'));
    return sub === undefined ? 2 : 0;
  }
  if (sub !== 'end') {
    io.err(`未知的子命令“${sub}”`);
    io.err(CALENDAR_USAGE.join('\n'));
    return 2;
  }
  try {
    return await end(rest, io);
  } catch (error) {
    const nodeArgError = (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
    if (!(error instanceof CliUsageError || error instanceof CalendarPeriodInvalidError || nodeArgError)) throw error;
    io.err(`参数错误：${(error as Error).message}`);
    io.err(CALENDAR_USAGE.join('\n'));
    return 2;
  }
}
