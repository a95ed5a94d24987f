import { SESv2Client } from '@aws-sdk/client-sesv2';
import type { Mailer } from '../../shared/services/ports';
import { SesMailer } from './ses-mailer';
import { SmtpMailer } from './smtp-mailer';
import { smtpTransport, type SmtpSecurity } from './smtp-transport';

const SECURITIES: readonly SmtpSecurity[] = ['starttls', 'tls', 'none'];

/**
 * The Lambdas' mailer, as the stack configured it (infra/aws/constructs/mail.ts): SES by default; with
 * MAIL_TRANSPORT=smtp, nodemailer to SMTP_HOST:SMTP_PORT (SMTP_SECURITY starttls | tls | none, SMTP_USER and
 * SMTP_PASSWORD when the server wants a login). MAIL_FROM is the sender either way.
 */
export function mailerFromEnv(env: NodeJS.ProcessEnv = process.env): Mailer {
  const from = env.MAIL_FROM ?? '';
  if ((env.MAIL_TRANSPORT ?? 'ses') === 'ses') return new SesMailer(new SESv2Client({}), from, env.MAIL_CONFIGURATION_SET);
  if (env.MAIL_TRANSPORT !== 'smtp') throw new Error(`MAIL_TRANSPORT must be ses or smtp, not "${env.MAIL_TRANSPORT}"`);
  const security = (env.SMTP_SECURITY || 'starttls') as SmtpSecurity;
  const port = Number(env.SMTP_PORT || (security === 'tls' ? 465 : 587));
  if (!env.SMTP_HOST || !SECURITIES.includes(security) || !Number.isInteger(port) || !from) {
    throw new Error('MAIL_TRANSPORT=smtp needs SMTP_HOST, MAIL_FROM, an integer SMTP_PORT and SMTP_SECURITY starttls | tls | none');
  }
  return new SmtpMailer(smtpTransport({ host: env.SMTP_HOST, port, security, user: env.SMTP_USER || undefined, password: env.SMTP_PASSWORD, from }), from);
}
