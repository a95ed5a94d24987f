import { mailerFromEnv } from '../../../functions/adapters/mailer-from-env';
import { SesMailer } from '../../../functions/adapters/ses-mailer';
import { SmtpMailer } from '../../../functions/adapters/smtp-mailer';
import { startSmtpSink, type SmtpSink } from '../../support/smtp-sink';

// The Lambdas' mailer on AWS with MAIL_TRANSPORT=smtp, as the stack sets it: mail to a real SMTP server (smtp-server on
// 127.0.0.1) with a login; SES stays the default.

let sink: SmtpSink;
beforeAll(async () => {
  sink = await startSmtpSink();
});
afterAll(async () => {
  await sink?.close();
});

const smtpEnv = (extra: Record<string, string> = {}) => ({
  MAIL_TRANSPORT: 'smtp', MAIL_FROM: 'dangjian@example.gov.cn', SMTP_HOST: '127.0.0.1', SMTP_PORT: String(sink.port), SMTP_SECURITY: 'none', SMTP_USER: sink.user, SMTP_PASSWORD: sink.password, ...extra,
});

test('MAIL_TRANSPORT=smtp delivers through the server: sender, recipients, subject and the approval link arrive as sent', async () => {
  const mailer = mailerFromEnv(smtpEnv());
  expect(mailer).toBeInstanceOf(SmtpMailer);
  const link = 'https://dangjian.example.gov.cn/approvals/AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_abcde';
  await mailer.send({ to: ['zhangli@example.gov.cn', 'zhaoshuji@example.gov.cn'], subject: '【审批】杨帆 上级党委预审', text: `请审批：\n${link}\n` });
  const mail = await sink.waitFor((m) => m.subject === '【审批】杨帆 上级党委预审', 30_000);
  expect(mail.from).toBe('dangjian@example.gov.cn');
  expect(mail.to.sort()).toEqual(['zhangli@example.gov.cn', 'zhaoshuji@example.gov.cn']);
  expect(mail.text).toContain(link);
});

test('a refusal by the server (wrong password, a temporary 451) throws, so the Lambda task fails and is retried; nothing to nobody is a no-op', async () => {
  await expect(mailerFromEnv(smtpEnv({ SMTP_PASSWORD: 'wrong' })).send({ to: ['a@example.gov.cn'], subject: '测试', text: '测试' })).rejects.toThrow();
  sink.failNext(1, 451);
  const mailer = mailerFromEnv(smtpEnv());
  await expect(mailer.send({ to: ['a@example.gov.cn'], subject: '暂时失败', text: '测试' })).rejects.toThrow(/451/);
  await mailer.send({ to: ['a@example.gov.cn'], subject: '再试成功', text: '测试' });
  await sink.waitFor((m) => m.subject === '再试成功', 30_000);
  const before = sink.received.length;
  await mailer.send({ to: [], subject: '无收件人', text: '' });
  expect(sink.received).toHaveLength(before);
});

test.each([
  [{}, SesMailer],
  [{ MAIL_TRANSPORT: 'ses', MAIL_FROM: 'a@example.gov.cn' }, SesMailer],
])('SES is the default: %j', (env, type) => {
  expect(mailerFromEnv(env)).toBeInstanceOf(type);
});

test.each([
  [{ MAIL_TRANSPORT: 'smpt' }, /ses or smtp/],
  [{ MAIL_TRANSPORT: 'smtp', MAIL_FROM: 'a@example.gov.cn' }, /SMTP_HOST/],
  [{ MAIL_TRANSPORT: 'smtp', MAIL_FROM: 'a@example.gov.cn', SMTP_HOST: 'mail.example.gov.cn', SMTP_SECURITY: 'ssl' }, /starttls \| tls \| none/],
  [{ MAIL_TRANSPORT: 'smtp', MAIL_FROM: 'a@example.gov.cn', SMTP_HOST: 'mail.example.gov.cn', SMTP_PORT: 'abc' }, /SMTP_PORT/],
])('a misconfigured function fails at once, naming the setting: %j', (env, message) => {
  expect(() => mailerFromEnv(env)).toThrow(message);
});
