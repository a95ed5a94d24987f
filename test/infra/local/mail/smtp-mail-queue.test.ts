import { SmtpMailQueue } from '../../../../infra/local/mail/smtp-mail-queue';
import { smtpTransport } from '../../../../functions/adapters/smtp-transport';
import type { Actor } from '../../../../shared/services/actor';
import { mailLog, recentUndeliveredCount } from '../../../../shared/services/mail/mail-log';
import { getMail, listMails } from '../../../../shared/store/mail-log-repo';
import type { Store } from '../../../../shared/store/store';
import { mailLogPage, undeliveredMailAlert } from '../../../../shared/ui/pages/mail-log';
import { startSmtpSink, type SmtpSink } from '../../../support/smtp-sink';
import { createTestStore } from '../../../support/store';

const realClock = { now: () => new Date() };
const admin: Actor = { id: 'admin', displayName: '管理员', role: 'admin', orgId: 'org-root', scopeOrgIds: ['org-root'] };
const committee: Actor = { ...admin, id: 'zuzhi', role: 'committee-staff' };

let sink: SmtpSink;
let store: Store;
let queue: SmtpMailQueue;

beforeEach(async () => {
  sink = await startSmtpSink();
  store = await createTestStore();
  let id = 0;
  const transport = smtpTransport({ host: '127.0.0.1', port: sink.port, security: 'none', user: sink.user, password: sink.password, from: 'dangjian@example.org' });
  queue = new SmtpMailQueue({ store, clock: realClock, transport, from: '党建流程 <dangjian@example.org>', retryDelaysMs: [20, 20], pollMs: 50, newId: () => `m${++id}` });
  queue.start();
});

afterEach(async () => {
  await queue.stop();
  await sink.close();
});

async function settled(id: string) {
  for (;;) {
    const mail = await getMail(store, id);
    if (mail && mail.status !== 'pending') return mail;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

test('a mail goes through the SMTP server with its Chinese subject, recipients and text, and is logged as sent', async () => {
  await queue.send({ to: ['wang@example.org', 'li@example.org'], subject: '【审批】关于张伟同志的预审', text: '请打开链接：https://dangjian.example.org/approvals/abc' });
  const received = await sink.waitFor((mail) => mail.subject === '【审批】关于张伟同志的预审');
  expect(received.to).toEqual(['wang@example.org', 'li@example.org']);
  expect(received.from).toBe('dangjian@example.org');
  expect(received.text).toContain('https://dangjian.example.org/approvals/abc');
  expect(await settled('m1')).toMatchObject({ status: 'sent', attempts: 1 });
  expect(await queue.counts()).toEqual({ pending: 0, failed: 0 });
});

test('temporary failures (451) are tried again until the mail goes through; each attempt is counted', async () => {
  sink.failNext(2, 451);
  await queue.send({ to: ['wang@example.org'], subject: '【待办】测试重试', text: '正文' });
  const mail = await settled('m1');
  expect(mail).toMatchObject({ status: 'sent', attempts: 3 });
  expect(mail.lastError).toMatch(/451/);
  expect(sink.received.map((m) => m.subject)).toEqual(['【待办】测试重试']);
});

test('temporary failures beyond the retries, or a permanent one (550) at once, end as failed: shown to administrators only', async () => {
  sink.failNext(3, 451);
  await queue.send({ to: ['a@example.org'], subject: '重试用尽', text: '正文' });
  expect(await settled('m1')).toMatchObject({ status: 'failed', attempts: 3 });
  sink.failNext(1, 550);
  await queue.send({ to: ['nobody@example.org'], subject: '被拒收', text: '正文' });
  expect(await settled('m2')).toMatchObject({ status: 'failed', attempts: 1 });
  expect(sink.received).toEqual([]);
  expect(await queue.counts()).toEqual({ pending: 0, failed: 2 });
  expect((await listMails(store, 'failed')).map((m) => m.subject)).toEqual(['被拒收', '重试用尽']);

  expect(await recentUndeliveredCount({ store, clock: realClock }, admin)).toBe(2);
  expect(await recentUndeliveredCount({ store, clock: realClock }, committee)).toBe(0);
  const later = { now: () => new Date(Date.now() + 15 * 86_400_000) };
  expect(await recentUndeliveredCount({ store, clock: later }, admin)).toBe(0);
  expect(undeliveredMailAlert(2, 14).value).toContain('最近 14 天有 2 封邮件发送失败');
  expect(undeliveredMailAlert(0, 14).value).toBe('');
  await expect(mailLog({ store }, committee)).rejects.toThrow();
  const page = mailLogPage(await mailLog({ store }, admin), { displayName: '管理员', role: 'admin', csrfToken: 'x' }).value;
  expect(page).toContain('发送失败（2）');
  expect(page).toContain('nobody@example.org');
});

test('a mail handed over while the queue is stopped is delivered once it starts again (nothing lost on restart)', async () => {
  await queue.stop();
  await queue.send({ to: ['wang@example.org'], subject: '重启后发送', text: '正文' });
  expect((await getMail(store, 'm1'))?.status).toBe('pending');
  queue.start();
  await sink.waitFor((mail) => mail.subject === '重启后发送');
  expect(await settled('m1')).toMatchObject({ status: 'sent' });
});
