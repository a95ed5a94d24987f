import nodemailer from 'nodemailer';

/** What the mailers need of nodemailer's transport. */
export interface MailTransport {
  sendMail(message: { from: string; to: string[]; subject: string; text: string; html?: string }): Promise<unknown>;
}

export type SmtpSecurity = 'starttls' | 'tls' | 'none';

export interface SmtpSettings {
  host: string;
  port: number;
  /** starttls: plain connection upgraded, TLS required; tls: TLS from the start (port 465); none: no TLS (a relay on this machine). */
  security: SmtpSecurity;
  user?: string;
  password?: string;
  /** The sender of every mail, e.g. 党建流程 <dangjian@example.gov.cn>. */
  from: string;
}

/** nodemailer's SMTP transport for the settings: STARTTLS required, TLS from the start, or none (a local relay). The pilot's mail queue and the Lambdas' SMTP mailer share it. */
export function smtpTransport(settings: SmtpSettings): MailTransport & { verify(): Promise<true>; close(): void } {
  return nodemailer.createTransport({
    host: settings.host,
    port: settings.port,
    secure: settings.security === 'tls',
    requireTLS: settings.security === 'starttls',
    ignoreTLS: settings.security === 'none',
    auth: settings.user ? { user: settings.user, pass: settings.password } : undefined,
    connectionTimeout: 30_000,
    greetingTimeout: 30_000,
    socketTimeout: 60_000,
  });
}
