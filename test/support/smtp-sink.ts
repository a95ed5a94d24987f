import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { freePort } from '../../infra/local/dynamodb-local';

export interface ReceivedMail {
  from: string;
  to: string[];
  subject: string;
  text: string;
}

export interface SmtpSink {
  port: number;
  user: string;
  password: string;
  received: ReceivedMail[];
  /** The answer to the next `count` messages: an SMTP error code (e.g. 451 temporary, 550 permanent). */
  failNext(count: number, code: number): void;
  /** Resolves with the first received mail that matches (polling; rejects after `timeoutMs`). */
  waitFor(match: (mail: ReceivedMail) => boolean, timeoutMs?: number): Promise<ReceivedMail>;
  close(): Promise<void>;
}

/** A real SMTP server (the `smtp-server` package) on 127.0.0.1 with a user and password, keeping what it receives. */
export async function startSmtpSink(): Promise<SmtpSink> {
  const port = await freePort();
  const user = 'dangjian';
  const password = 'smtp-secret-pw';
  const received: ReceivedMail[] = [];
  let failures: { count: number; code: number } = { count: 0, code: 0 };
  const server = new SMTPServer({
    secure: false,
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    authMethods: ['PLAIN', 'LOGIN'],
    onAuth(auth, _session, callback) {
      if (auth.username === user && auth.password === password) callback(null, { user });
      else callback(new Error('Invalid username or password'));
    },
    onData(stream, session, callback) {
      const to = session.envelope.rcptTo.map((rcpt) => rcpt.address);
      const from = session.envelope.mailFrom ? session.envelope.mailFrom.address : '';
      simpleParser(stream).then((parsed) => {
        if (failures.count > 0) {
          failures = { ...failures, count: failures.count - 1 };
          callback(Object.assign(new Error(failures.code >= 500 ? 'Mailbox unavailable' : 'Try again later'), { responseCode: failures.code }));
          return;
        }
        received.push({ from, to, subject: parsed.subject ?? '', text: parsed.text ?? '' });
        callback();
      }, callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    port, user, password, received,
    failNext(count, code) {
      failures = { count, code };
    },
    async waitFor(match, timeoutMs = 30_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const mail = received.find(match);
        if (mail) return mail;
        if (Date.now() > deadline) throw new Error(`No such mail; received: ${received.map((m) => m.subject).join(' | ')}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
