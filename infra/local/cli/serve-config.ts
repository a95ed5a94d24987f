import { accessSync, constants, mkdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { SmtpSecurity, SmtpSettings } from '../../../functions/adapters/smtp-transport';

/** How `dangjian serve` is configured: environment variables, `--data` and `--port` (README: Pilot on one machine). */
export interface ServeConfig {
  dataDir: string;
  port: number;
  host: string;
  /** Origin people reach the site at (links in mail, Secure cookies and HSTS with https, the only origin for writes). */
  publicUrl: string;
  tableName: string;
  dynamoDbEndpoint?: string;
  smtp: SmtpSettings;
  /** Where the daily backups go and how many are kept. */
  backups: { dir: string; keep: number };
}

/** A setting that is missing or wrong: what to do, in Chinese and in English. */
export interface ConfigProblem {
  setting: string;
  zh: string;
  en: string;
}

export type Env = Record<string, string | undefined>;

const DEFAULT_SMTP_PORT: Record<SmtpSecurity, number> = { starttls: 587, tls: 465, none: 25 };

function parsePort(text: string | undefined, fallback: number): number | undefined {
  if (text === undefined || text === '') return fallback;
  const port = Number(text);
  return Number.isInteger(port) && port > 0 && port < 65536 ? port : undefined;
}

/** The public URL as an origin (no path, no trailing slash), or a problem. */
function parsePublicUrl(text: string | undefined): string | ConfigProblem {
  const setting = 'DANGJIAN_PUBLIC_URL';
  if (!text) return { setting, zh: '缺少 DANGJIAN_PUBLIC_URL：请填写工作人员和审批人访问本系统的网址，例如 https://dangjian.example.gov.cn（邮件中的链接都以它开头）。', en: 'DANGJIAN_PUBLIC_URL is missing: the address people reach the site at, e.g. https://dangjian.example.gov.cn (every link in mail starts with it).' };
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { setting, zh: `DANGJIAN_PUBLIC_URL 不是有效的网址：${text}`, en: `DANGJIAN_PUBLIC_URL is not a valid URL: ${text}` };
  }
  if (!['http:', 'https:'].includes(url.protocol) || (url.pathname !== '/' && url.pathname !== '') || url.search || url.hash) {
    return { setting, zh: 'DANGJIAN_PUBLIC_URL 只填写协议和域名（可带端口），例如 https://dangjian.example.gov.cn，不带路径。', en: 'DANGJIAN_PUBLIC_URL takes a scheme and host (and port) only, e.g. https://dangjian.example.gov.cn, no path.' };
  }
  return url.origin;
}

function smtpSettings(env: Env, problems: ConfigProblem[]): SmtpSettings {
  const host = env.DANGJIAN_SMTP_HOST ?? '';
  if (host === '') problems.push({ setting: 'DANGJIAN_SMTP_HOST', zh: '缺少 DANGJIAN_SMTP_HOST：请填写发送邮件的 SMTP 服务器地址（审批链接和待办提醒都通过邮件发送）。', en: 'DANGJIAN_SMTP_HOST is missing: the SMTP server that sends the mail (approval links and reminders go by mail).' });
  const from = env.DANGJIAN_MAIL_FROM ?? '';
  if (from === '') problems.push({ setting: 'DANGJIAN_MAIL_FROM', zh: '缺少 DANGJIAN_MAIL_FROM：请填写发件人地址，例如 dangjian@example.gov.cn。', en: 'DANGJIAN_MAIL_FROM is missing: the sender address, e.g. dangjian@example.gov.cn.' });
  const securityText = (env.DANGJIAN_SMTP_SECURITY ?? 'starttls').toLowerCase();
  const security = (['starttls', 'tls', 'none'] as const).find((value) => value === securityText);
  if (!security) problems.push({ setting: 'DANGJIAN_SMTP_SECURITY', zh: 'DANGJIAN_SMTP_SECURITY 只能是 starttls、tls 或 none。', en: 'DANGJIAN_SMTP_SECURITY must be starttls, tls or none.' });
  const port = parsePort(env.DANGJIAN_SMTP_PORT, DEFAULT_SMTP_PORT[security ?? 'starttls']);
  if (port === undefined) problems.push({ setting: 'DANGJIAN_SMTP_PORT', zh: 'DANGJIAN_SMTP_PORT 须为 1 至 65535 之间的端口号。', en: 'DANGJIAN_SMTP_PORT must be a port number from 1 to 65535.' });
  let password = env.DANGJIAN_SMTP_PASSWORD;
  if (env.DANGJIAN_SMTP_PASSWORD_FILE) {
    try {
      password = readFileSync(env.DANGJIAN_SMTP_PASSWORD_FILE, 'utf8').replace(/\r?\n$/, '');
    } catch {
      problems.push({ setting: 'DANGJIAN_SMTP_PASSWORD_FILE', zh: `无法读取 DANGJIAN_SMTP_PASSWORD_FILE 指定的文件：${env.DANGJIAN_SMTP_PASSWORD_FILE}`, en: `Cannot read DANGJIAN_SMTP_PASSWORD_FILE: ${env.DANGJIAN_SMTP_PASSWORD_FILE}` });
    }
  }
  const user = env.DANGJIAN_SMTP_USER || undefined;
  if (user && !password) problems.push({ setting: 'DANGJIAN_SMTP_PASSWORD', zh: '已填写 DANGJIAN_SMTP_USER，但缺少邮箱密码（DANGJIAN_SMTP_PASSWORD 或 DANGJIAN_SMTP_PASSWORD_FILE）。', en: 'DANGJIAN_SMTP_USER is set but the password is missing (DANGJIAN_SMTP_PASSWORD or DANGJIAN_SMTP_PASSWORD_FILE).' });
  return { host, port: port ?? 0, security: security ?? 'starttls', user, password: user ? password : undefined, from };
}

/** Creates the data folder when missing and checks that it can be written; a problem when not. */
function checkDataDir(dataDir: string): ConfigProblem | undefined {
  try {
    mkdirSync(dataDir, { recursive: true });
    accessSync(dataDir, constants.W_OK);
    return undefined;
  } catch {
    return { setting: 'DANGJIAN_DATA_DIR', zh: `数据目录无法写入：${dataDir}。请检查目录权限，或用 --data 指定运行本服务的用户可以写入的目录。`, en: `The data folder is not writable: ${dataDir}. Check its permissions or pass --data with a folder the service user can write.` };
  }
}

/** The configuration from the environment and the command's options, or every problem found (none skipped). */
export function readServeConfig(env: Env, options: { data?: string; port?: string }): { config: ServeConfig } | { problems: ConfigProblem[] } {
  const problems: ConfigProblem[] = [];
  const publicUrl = parsePublicUrl(env.DANGJIAN_PUBLIC_URL);
  if (typeof publicUrl !== 'string') problems.push(publicUrl);
  const port = parsePort(options.port ?? env.PORT, 3000);
  if (port === undefined) problems.push({ setting: 'PORT', zh: '端口（--port 或 PORT）须为 1 至 65535 之间的数字。', en: 'The port (--port or PORT) must be a number from 1 to 65535.' });
  const smtp = smtpSettings(env, problems);
  const dataDir = resolve(options.data ?? env.DANGJIAN_DATA_DIR ?? 'dangjian-data');
  const dataProblem = checkDataDir(dataDir);
  if (dataProblem) problems.push(dataProblem);
  const keep = Number(env.DANGJIAN_BACKUP_KEEP ?? '14');
  if (!Number.isInteger(keep) || keep < 1) problems.push({ setting: 'DANGJIAN_BACKUP_KEEP', zh: 'DANGJIAN_BACKUP_KEEP 须为正整数（保留的自动备份份数）。', en: 'DANGJIAN_BACKUP_KEEP must be a positive whole number (automatic backups kept).' });
  if (problems.length > 0) return { problems };
  return {
    config: {
      dataDir, port: port!, host: env.DANGJIAN_HOST || '127.0.0.1', publicUrl: publicUrl as string, tableName: env.TABLE_NAME || 'dangjian',
      dynamoDbEndpoint: env.DYNAMODB_ENDPOINT || undefined, smtp,
      backups: { dir: resolve(env.DANGJIAN_BACKUP_DIR || resolve(dataDir, 'backups')), keep },
    },
  };
}
