import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { createCognitoAccountDirectory } from '../../../functions/adapters/cognito-account-directory';
import { createFirstAdministrator, createFirstDirectoryAdministrator, newAccountProblems, type FirstAdministratorInput } from '../../../shared/services/accounts';
import { createStore } from '../../../shared/store/store';
import { InputInvalidError, ServiceError } from '../../../shared/errors';
import { openDataStore, runningEndpoint } from '../data-store';
import { javaAvailable, JAVA_MISSING_MESSAGE } from '../java-check';
import { readAwsSettings } from './aws-settings';
import type { CliIo } from './calendar-command';
import { passwordFromFile, promptPassword } from './password-input';
import type { Env } from './serve-config';

export const ADMIN_USAGE = [
  '用法：dangjian admin create --data 数据目录 --username 用户名 --name 姓名 --org-name "中共××市直属机关工作委员会" [--email 邮箱] [--password-file 文件]',
  '      dangjian admin create --aws [--outputs cdk-outputs.json] --username 用户名 --name 姓名 --org-name "…" --email 邮箱 [--password-file 文件]',
  '  在空的数据目录（或 --aws：已部署的表和 Cognito 用户池）中创建首位管理员和根组织（机关党工委）。不给 --password-file 时在终端输入密码（不显示）。',
  '  --aws 的设置来自 cdk deploy --outputs-file 写出的文件，或环境变量 USER_POOL_ID、USER_POOL_CLIENT_ID、TABLE_NAME、AWS_REGION。',
  '  Creates the first administrator and the root organization in an empty data folder (with --aws: the deployed table and Cognito user pool); the password is asked on the terminal unless --password-file is given.',
];

const FIELD_LABELS: Record<string, string> = { username: '--username', displayName: '--name', email: '--email', password: '密码 / password', temporaryPassword: '密码 / password', orgName: '--org-name' };

interface AdminOptions {
  data?: string;
  username?: string;
  name?: string;
  'org-name'?: string;
  email?: string;
  'password-file'?: string;
  aws?: boolean;
  outputs?: string;
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
    ({ values } = parseArgs({ args: rest, strict: true, options: { data: { type: 'string' }, username: { type: 'string' }, name: { type: 'string' }, 'org-name': { type: 'string' }, email: { type: 'string' }, 'password-file': { type: 'string' }, aws: { type: 'boolean' }, outputs: { type: 'string' } } }));
  } catch (error) {
    io.err(`参数错误 / bad arguments: ${(error as Error).message}`);
    io.err(ADMIN_USAGE.join('\n'));
    return 2;
  }
  const needed = values.aws ? (['username', 'name', 'org-name', 'email'] as const) : (['data', 'username', 'name', 'org-name'] as const);
  const missing = needed.filter((name) => !values[name] && !(name === 'data' && env.DANGJIAN_DATA_DIR));
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
  if (values.aws) return createOnAws(values, input, io, env);

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
    const refused = reportRefusal(error, io);
    if (refused === undefined) throw error;
    return refused;
  } finally {
    await data.stop();
  }
}

/** `--aws`: the root organization in the deployed table, the administrator in the Cognito user pool. */
async function createOnAws(values: AdminOptions, input: FirstAdministratorInput, io: CliIo, env: Env): Promise<number> {
  const settings = readAwsSettings(values.outputs, env);
  if ('missing' in settings) {
    io.err(`缺少 AWS 设置 / missing AWS settings: ${settings.missing.join(', ')}`);
    io.err('请给出 --outputs（cdk deploy --outputs-file 写出的文件）或设置上述环境变量 / pass --outputs or set these variables');
    return 2;
  }
  const local = settings.cognitoEndpoint ? { region: 'local', endpoint: settings.cognitoEndpoint, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } } : { region: settings.region };
  const client = new CognitoIdentityProviderClient(local);
  const store = createStore({ tableName: settings.tableName, region: settings.region, endpoint: settings.dynamodbEndpoint });
  const directory = createCognitoAccountDirectory({ client, userPoolId: settings.userPoolId, clientId: settings.clientId, store, signInWithEmail: true });
  try {
    const created = await createFirstDirectoryAdministrator({ store, clock: { now: () => new Date() }, newId: () => randomBytes(16).toString('base64url') }, directory, input);
    io.out(`已在 Cognito 用户池 ${settings.userPoolId} 中创建管理员（用电子邮箱 ${input.email} 登录），并在表 ${settings.tableName} 中创建根组织“${input.orgName.trim()}”${created.resumed ? '（接续上次未完成的创建）' : ''}。`);
    io.out('首次登录时系统会要求修改密码。/ Created the administrator in the user pool (signs in with the e-mail address; must change the password at the first sign-in) and the root organization in the table.');
    return 0;
  } catch (error) {
    const refused = reportRefusal(error, io);
    if (refused !== undefined) return refused;
    io.err(`失败 / failed: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`);
    io.err('根组织若已写入，修正问题后用同样的 --username 和 --email 再运行一次即可接续 / if the organization was written, rerun with the same --username and --email to finish');
    return 1;
  } finally {
    client.destroy();
  }
}

/** A refusal the person can act on (bad input: 2, any other service refusal: 1), printed; undefined for any other failure. */
function reportRefusal(error: unknown, io: CliIo): number | undefined {
  if (error instanceof InputInvalidError) return reportInvalid(error.fieldErrors, io);
  if (!(error instanceof ServiceError)) return undefined;
  io.err(error.userMessage);
  return 1;
}

function reportInvalid(problems: Record<string, string>, io: CliIo): number {
  io.err('无法创建 / not created:');
  for (const [field, message] of Object.entries(problems)) io.err(`  ${FIELD_LABELS[field] ?? field}：${message}`);
  return 2;
}
