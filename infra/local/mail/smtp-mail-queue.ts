import { randomUUID } from 'node:crypto';
import { nextDelivery, smtpFailureKind, DEFAULT_RETRY_DELAYS_MS } from '../../../shared/domain/mail/delivery-retry';
import type { Clock, Mailer, OutgoingMail } from '../../../shared/services/ports';
import { countMails, listDueMails, putQueuedMail, recordAttempt, type LoggedMail } from '../../../shared/store/mail-log-repo';
import type { Store } from '../../../shared/store/store';
import type { MailTransport } from '../../../functions/adapters/smtp-transport';

export type { MailTransport } from '../../../functions/adapters/smtp-transport';

export interface SmtpMailQueueOptions {
  store: Store;
  clock: Clock;
  transport: MailTransport;
  /** The sender of every mail. */
  from: string;
  retryDelaysMs?: readonly number[];
  /** How often the queue looks for due mails besides being woken by a new one (real ms; default 30 s). */
  pollMs?: number;
  newId?: () => string;
  log?: (line: string) => void;
}

/**
 * Mail through an SMTP server with nothing lost: `send` writes the mail into the sent-mail log (pending) and returns;
 * a worker delivers pending mails, retries temporary failures with growing delays and records each outcome. After a
 * restart the pending mails are delivered.
 */
export class SmtpMailQueue implements Mailer {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private again = false;
  private stopped = true;

  constructor(private readonly options: SmtpMailQueueOptions) {}

  async send(mail: OutgoingMail): Promise<void> {
    if (mail.to.length === 0) return;
    const id = (this.options.newId ?? randomUUID)();
    await putQueuedMail(this.options.store, { id, to: [...mail.to], subject: mail.subject, text: mail.text, html: mail.html, queuedAt: this.options.clock.now().toISOString() });
    this.wake();
  }

  start(): void {
    this.stopped = false;
    this.wake();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  /** For the health check: mails waiting (first attempt or a retry) and given up. */
  async counts(): Promise<{ pending: number; failed: number }> {
    const [pending, failed] = await Promise.all([countMails(this.options.store, 'pending'), countMails(this.options.store, 'failed')]);
    return { pending, failed };
  }

  /** Delivers what is due now (one pass at a time; a wake during a pass runs another). */
  wake(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = this.drain().finally(() => {
      this.running = undefined;
      if (this.again) {
        this.again = false;
        void this.wake();
      } else {
        this.arm();
      }
    });
    return this.running;
  }

  private arm(): void {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.wake(), this.options.pollMs ?? 30_000);
    this.timer.unref();
  }

  private async drain(): Promise<void> {
    try {
      for (;;) {
        const due = await listDueMails(this.options.store, this.options.clock.now().toISOString());
        if (due.length === 0 || this.stopped) return;
        for (const mail of due) await this.deliver(mail);
      }
    } catch (error) {
      this.options.log?.(`mail queue: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  private async deliver(mail: LoggedMail): Promise<void> {
    const { store, clock, transport, from } = this.options;
    try {
      await transport.sendMail({ from, to: mail.to, subject: mail.subject, text: mail.text, html: mail.html });
      await recordAttempt(store, mail, { status: 'sent', at: clock.now().toISOString() });
    } catch (error) {
      const { responseCode, code, message } = error as { responseCode?: number; code?: string; message?: string };
      const next = nextDelivery(mail.attempts + 1, smtpFailureKind(responseCode, code), this.options.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS);
      const now = clock.now().getTime();
      const at = new Date(next.status === 'pending' ? now + next.delayMs : now).toISOString();
      await recordAttempt(store, mail, { status: next.status, at, error: message ?? String(error) });
      this.options.log?.(`mail ${mail.id}: attempt ${mail.attempts + 1} failed (${code ?? responseCode ?? 'error'}), ${next.status === 'pending' ? `next at ${at}` : 'given up'}`);
      if (next.status === 'pending') setTimeout(() => void this.wake(), next.delayMs + 10).unref();
    }
  }
}
