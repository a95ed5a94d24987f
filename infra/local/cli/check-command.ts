import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { NOTICE_KIND_LABELS, type NoticeKind } from '../../../shared/domain/notice/notice';
import { findViolations, repairGuards, type OneAtATimeRule, type Violation } from '../../../shared/services/integrity/one-at-a-time';
import { createStore, type Store } from '../../../shared/store/store';
import { formatDateTime } from '../../../shared/ui/format';
import { startDynamoDbLocal, type DynamoDbLocal } from '../dynamodb-local';
import type { CliIo } from './calendar-command';

export const CHECK_USAGE = [
  '用法：dangjian check [--data <数据目录> | --endpoint <地址>] [--table <表名>] [--repair]',
  '  检查“同一时间只能有一个”的规则：一个组织只有一次正在进行的换届选举，一名同志只有一个正在办理的发展党员案件，',
  '  一名同志同一事项只有一个正在进行的公示。列出违反规则的记录和处理办法。',
  '  --data      本机系统的数据目录（默认 .data；请先停止 npm start）',
  '  --endpoint  正在运行的 DynamoDB（本机或 AWS）地址，代替 --data',
  '  --table     表名（默认 dangjian）',
  '  --repair    同时为规则生效前已有的记录补建唯一性标记（不改动任何业务记录）',
  '退出码：0 未发现问题；1 发现违反规则的记录；2 用法错误',
];

const RULES: Record<OneAtATimeRule, { title: string; what: string; fix: string }> = {
  election: {
    title: '一个组织同一时间只能有一次正在进行的换届选举',
    what: '次正在进行的换届选举',
    fix: '处理办法：请党委工作人员在“换届选举”中打开多余的那一次选举，办理“终止”（填写原因，报上级党委批准）；该组织保留一次选举继续进行。',
  },
  case: {
    title: '一名同志同一时间只能有一个正在办理的发展党员案件',
    what: '个正在办理的发展党员案件',
    fix: '处理办法：请支部工作人员在“发展党员”中打开多余的案件，办理“终止发展”（填写原因）；保留一个案件继续办理。',
  },
  notice: {
    title: '一名同志同一事项同一时间只能有一个正在进行的公示',
    what: '个正在进行的同一事项公示',
    fix: '处理办法：请工作人员在“公示管理”中打开多余的公示，填写原因后“撤回公示”；保留一个公示继续进行。',
  },
};

const NUMBERED = ['第一', '第二', '第三', '第四', '第五', '第六', '第七', '第八', '第九', '第十'];

function stepLabel(step: string | undefined): string {
  if (!step) return '';
  if (step.startsWith('other:')) return `（${step.slice('other:'.length)}）`;
  return `（${NOTICE_KIND_LABELS[step as NoticeKind] ?? step}公示）`;
}

/** The Chinese report of the violations, for an administrator. */
export function describeViolations(violations: Violation[]): string[] {
  if (violations.length === 0) return ['检查完毕：未发现违反“同一时间只能有一个”规则的记录。'];
  const lines = [`检查完毕：发现 ${violations.length} 处违反规则的记录。`];
  for (const violation of violations) {
    const rule = RULES[violation.rule];
    lines.push('', `【${rule.title}】`, `${violation.subject}${stepLabel(violation.step)}有 ${violation.holders.length} ${rule.what}：`);
    violation.holders.forEach((holder, index) => {
      const place = holder.orgName ? `，${holder.orgName}` : '';
      lines.push(`  ${NUMBERED[index] ?? `第 ${index + 1} `}个：编号 ${holder.id}，建立于 ${formatDateTime(holder.createdAt)}${place}`);
    });
    lines.push(rule.fix);
  }
  return lines;
}

class CheckUsageError extends Error {}

async function openStore(values: { data?: string; endpoint?: string; table?: string }): Promise<{ store: Store; db?: DynamoDbLocal }> {
  const tableName = values.table ?? process.env.TABLE_NAME ?? 'dangjian';
  if (values.data !== undefined && values.endpoint !== undefined) throw new CheckUsageError('--data 与 --endpoint 只能选择其一。');
  const endpoint = values.endpoint ?? (values.data === undefined ? process.env.DYNAMODB_ENDPOINT : undefined);
  if (endpoint) return { store: createStore({ tableName, endpoint }) };
  const dataDir = resolve(values.data ?? process.env.DANGJIAN_DATA_DIR ?? '.data');
  const db = await startDynamoDbLocal({ dataDir: join(dataDir, 'dynamodb') });
  return { store: createStore({ tableName, endpoint: db.endpoint }), db };
}

/** `dangjian check`: lists the violations of the one-at-a-time rules; with --repair, also brings the guards in line. */
export async function runCheckCommand(argv: string[], io: CliIo): Promise<number> {
  let opened: { store: Store; db?: DynamoDbLocal } | undefined;
  try {
    const { values } = parseArgs({
      args: argv,
      options: { data: { type: 'string' }, endpoint: { type: 'string' }, table: { type: 'string' }, repair: { type: 'boolean' }, help: { type: 'boolean' } },
      strict: true,
    });
    if (values.help) {
      io.out(CHECK_USAGE.join('\n'));
      return 0;
    }
    opened = await openStore(values);
    if (values.repair) {
      const repair = await repairGuards(opened.store);
      io.out(`唯一性标记：补建 ${repair.added} 个，释放 ${repair.released} 个已结束记录的标记。`);
    }
    const violations = await findViolations(opened.store);
    for (const line of describeViolations(violations)) io.out(line);
    return violations.length > 0 ? 1 : 0;
  } catch (error) {
    if (error instanceof CheckUsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.err(`${error instanceof CheckUsageError ? error.message : '参数有误。'}\n${CHECK_USAGE.join('\n')}`);
      return 2;
    }
    if ((error as { name?: string }).name === 'ResourceNotFoundException') {
      io.err('数据中没有找到该表：请确认数据目录或 --table 表名。');
      return 2;
    }
    throw error;
  } finally {
    await opened?.db?.stop();
  }
}
