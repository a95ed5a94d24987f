import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createFirstAdministrator, newAccountProblems } from '../../../shared/services/accounts';
import { InputInvalidError, ServiceError } from '../../../shared/services/errors';
import { openDataStore, runningEndpoint } from '../data-store';
import { javaAvailable, JAVA_MISSING_MESSAGE } from '../java-check';
import type { CliIo } from './calendar-command';
import { passwordFromFile, promptPassword } from './password-input';
import type { Env } from './serve-config';

export const ADMIN_USAGE = [
  '用法：dangjian admin create --data 数据目录 --username 用户名 --name 姓名 --org-name "中共××市直属机关工作委员会" [--email 邮箱] [--password-file 文件]',
  '  在空的数据目录中创建首位管理员和根组织（机关党工委）。不给 --password-file 时在终端输入密码（不显示）。',
  '  Creates the first administrator and the root organization in an empty data folder; the password is asked on the terminal unless --password-file is given.',
];

const FIELD_LABELS: Record<string, string> = { username: '--username', displayName: '--name', email: '--email', password: '密码 / password', orgName: '--org-name' };

interface AdminOptions {
  data?: string;
  username?: string;
  name?: string;
  'org-name'?: string;
  email?: string;
  'password-file'?: string;
}

async function readPassword(options: AdminOptions, io: CliIo): Promise<string | undefined> {
  if (options['password-file']) return passwordFromFile(options['password-file']);
  if (!process.stdin.isTTY) {
    io.err('没有终端可以输入密码：请用 --password-file 给出密码文件 / no terminal to type the password on: pass --password-file');
    return undefined;
  }
  const first = await promptPassword('管理员密码 / password: ');
  const second = await promptPassword('再输入一次 / again: ');
  if (first !== second) {
    io.err('两次输入的密码不一致 / the two passwords differ');
    return undefined;
  }
  return first;
}

/** `dangjian admin create`: 0 created, 2 bad input, 1 refused (accounts exist) or the store failed. */
export async function runAdminCommand(argv: string[], io: CliIo, env: Env = process.env): Promise<number> {
  const [sub, ...rest] = argv;
  let values: AdminOptions;
  try {
    if (sub !== 'create') throw new Error(sub === undefined ? '缺少子命令 create' : `未知的子命令“${sub}”`);
    ({ values } = parseArgs({ args: rest, strict: true, options: { data: { type: 'string' }, username: { type: 'string' }, name: { type: 'string' }, 'org-name': { type: 'string' }, email: { type: 'string' }, 'password-file': { type: 'string' } } }));
  } catch (error) {
    io.err(`参数错误 / bad arguments: ${(error as Error).message}`);
    io.err(ADMIN_USAGE.join('\n'));
    return 2;
  }
  const missing = (['data', 'username', 'name', 'org-name'] as const).filter((name) => !values[name] && !(name === 'data' && env.DANGJIAN_DATA_DIR));
  if (missing.length > 0) {
    io.err(`缺少参数 / missing: ${missing.map((name) => `--${name}`).join(' ')}`);
    io.err(ADMIN_USAGE.join('\n'));
    return 2;
  }
  const password = await readPassword(values, io);
  if (password === undefined) return 2;
  const input = { username: values.username!.trim().toLowerCase(), displayName: values.name!, email: values.email ?? '', password, orgName: values['org-name']! };
  const problems = newAccountProblems({ ...input, role: 'admin', orgId: '' });
  if (Object.keys(problems).length > 0) return reportInvalid(problems, io);

  const dataDir = resolve(values.data ?? env.DANGJIAN_DATA_DIR!);
  mkdirSync(dataDir, { recursive: true });
  const endpoint = env.DYNAMODB_ENDPOINT || runningEndpoint(dataDir);
  if (!endpoint && !javaAvailable()) {
    io.err(JAVA_MISSING_MESSAGE.join('\n'));
    return 2;
  }
  env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const data = await openDataStore({ dataDir, tableName: env.TABLE_NAME || 'dangjian', endpoint });
  try {
    const created = await createFirstAdministrator({ store: data.store, clock: { now: () => new Date() }, newId: () => randomBytes(16).toString('base64url') }, input);
    io.out(`已创建管理员 ${created.username}（${input.displayName.trim()}）和根组织“${input.orgName.trim()}”。`);
    io.out(`Created administrator ${created.username} and the root organization. Sign in at /staff/sign-in.`);
    return 0;
  } catch (error) {
    if (error instanceof InputInvalidError) return reportInvalid(error.fieldErrors, io);
    if (error instanceof ServiceError) {
      io.err(error.userMessage);
      return 1;
    }
    throw error;
  } finally {
    await data.stop();
  }
}

function reportInvalid(problems: Record<string, string>, io: CliIo): number {
  io.err('无法创建 / not created:');
  for (const [field, message] of Object.entries(problems)) io.err(`  ${FIELD_LABELS[field] ?? field}：${message}`);
  return 2;
}
