import type { Mailer, OutgoingMail } from '../../shared/services/ports';
import type { MailTransport } from './smtp-transport';

/**
 * Mailer over an SMTP server, for AWS where SES is not offered (the China regions) or the agency has its own mail
 * server. Each mail is handed over while the function runs; a refusal or a network failure throws, so the task or
 * request fails and is retried the way a failed SES call is (the workflow's Retry, the scheduler's next tick).
 */
export class SmtpMailer implements Mailer {
  constructor(private readonly transport: MailTransport, private readonly from: string) {}

  async send(mail: OutgoingMail): Promise<void> {
    if (mail.to.length === 0) return;
    await this.transport.sendMail({ from: this.from, to: [...mail.to], subject: mail.subject, text: mail.text, ...(mail.html ? { html: mail.html } : {}) });
  }
}
