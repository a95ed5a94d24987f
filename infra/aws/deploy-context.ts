import type { Construct } from 'constructs';
import { PLACEHOLDER_MAIL_FROM, type SmtpProps } from './constructs/mail';

/** Deploy-time settings, read from CDK context (`-c key=value` or cdk.json / cdk.context.json). */
export interface DeployContext {
  /** `mailFrom`: sender of every mail. Required for a deploy; a placeholder lets synth run offline. */
  mailFrom: string;
  /** `mailDomain`: optional domain to create an SES identity (with DKIM) for; must contain mailFrom. */
  mailDomain?: string;
  /** `publicBaseUrl`: optional https base URL of the site for links in mails; empty: the request's host. */
  publicBaseUrl: string;
  /** `mailTransport=smtp` with `smtpHost`, `smtpPort`, `smtpSecurity`, `smtpSecret`: mail through SMTP instead of SES. */
  smtp?: SmtpProps;
  /** `alarmEmail`: optional address the operations alarms are mailed to (an SNS e-mail subscription it must confirm). */
  alarmEmail?: string;
  /** `requireMfa=true`: every staff account must sign in with a TOTP authenticator app (default false: optional). */
  requireMfa: boolean;
}

export class DeployContextInvalidError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'DeployContextInvalidError';
  }
}

function text(scope: Construct, key: string): string | undefined {
  const value: unknown = scope.node.tryGetContext(key);
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'string') throw new DeployContextInvalidError(`Context ${key} must be a string`);
  return value.trim();
}

function baseUrl(value: string | undefined): string {
  if (!value) return '';
  let url: URL;
  try {
    url = new URL(value);
  } catch (cause) {
    throw new DeployContextInvalidError(`Context publicBaseUrl "${value}" is not a URL`, { cause });
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new DeployContextInvalidError(`Context publicBaseUrl "${value}" must be an http(s) URL`);
  }
  return value.replace(/\/+$/, '');
}

const SECURITIES = ['starttls', 'tls', 'none'] as const;

function smtpContext(scope: Construct): SmtpProps | undefined {
  const transport = text(scope, 'mailTransport') ?? 'ses';
  if (transport === 'ses') return undefined;
  if (transport !== 'smtp') throw new DeployContextInvalidError(`Context mailTransport must be ses or smtp, not "${transport}"`);
  const host = text(scope, 'smtpHost');
  if (!host) throw new DeployContextInvalidError('Context mailTransport=smtp needs smtpHost');
  const security = (text(scope, 'smtpSecurity') ?? 'starttls') as SmtpProps['security'];
  if (!SECURITIES.includes(security)) throw new DeployContextInvalidError(`Context smtpSecurity must be starttls, tls or none, not "${security}"`);
  const portText = text(scope, 'smtpPort') ?? (security === 'tls' ? '465' : '587');
  const port = Number(portText);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new DeployContextInvalidError(`Context smtpPort "${portText}" is not a port number`);
  return { host, port, security, secretName: text(scope, 'smtpSecret') };
}

function flag(scope: Construct, key: string): boolean {
  const value: unknown = scope.node.tryGetContext(key);
  if (value === undefined || value === null || value === '' || value === false || value === 'false') return false;
  if (value === true || value === 'true') return true;
  throw new DeployContextInvalidError(`Context ${key} must be true or false, not "${String(value)}"`);
}

function emailAddress(value: string | undefined, key: string): string | undefined {
  if (value !== undefined && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(value)) throw new DeployContextInvalidError(`Context ${key} "${value}" is not an e-mail address`);
  return value;
}

export function readDeployContext(scope: Construct): DeployContext {
  return {
    mailFrom: text(scope, 'mailFrom') ?? PLACEHOLDER_MAIL_FROM,
    mailDomain: text(scope, 'mailDomain'),
    publicBaseUrl: baseUrl(text(scope, 'publicBaseUrl')),
    smtp: smtpContext(scope),
    alarmEmail: emailAddress(text(scope, 'alarmEmail'), 'alarmEmail'),
    requireMfa: flag(scope, 'requireMfa'),
  };
}
