import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import { mailerFromEnv } from '../../../../functions/adapters/mailer-from-env';
import { SesMailer } from '../../../../functions/adapters/ses-mailer';
import { startAwsEndpoint, type RunningAwsEndpoint } from '../../../../infra/local/aws-endpoints/aws-endpoint-server';
import { ManualClock } from '../../../../infra/local/clock';
import { Outbox } from '../../../../infra/local/outbox';
import { LocalStepFunctions } from '../../../../infra/local/step-functions/local-step-functions';
import { createTestStore } from '../../../support/store';

// The real @aws-sdk/client-sesv2 and the project's SES mailer, over HTTP, into the local outbox on DynamoDB Local.

let endpoint: RunningAwsEndpoint;
let outbox: Outbox;
let ses: SESv2Client;

beforeEach(async () => {
  const store = await createTestStore();
  const clock = new ManualClock('2026-09-23T01:00:00.000Z');
  outbox = new Outbox(store, clock);
  const stepFunctions = new LocalStepFunctions({ store, clock, machines: {}, lambdas: {} });
  endpoint = await startAwsEndpoint({ port: 0, stepFunctions, mailer: outbox });
  ses = new SESv2Client({ endpoint: endpoint.url, region: 'cn-north-1', credentials: { accessKeyId: 'AKIDLOCAL', secretAccessKey: 'not-checked' }, maxAttempts: 1 });
});
afterEach(async () => {
  ses.destroy();
  await endpoint.close();
});

const mail = { to: ['zhao@example.org', 'qian@example.org'], subject: '【审批】接收张三为中共预备党员', text: '请于10月23日前审批。', html: '<p>请于10月23日前审批。</p>' };

test('a mail sent by the SES mailer lands in the outbox: recipients, subject, text and HTML', async () => {
  await new SesMailer(ses, 'dangjian@example.org', 'dangjian-config').send(mail);
  expect(await outbox.list()).toEqual([expect.objectContaining({ ...mail, sentAt: '2026-09-23T01:00:00.000Z' })]);
});

test('the Lambdas\' own mailer (mailerFromEnv) reaches the endpoint through AWS_ENDPOINT_URL_SESV2', async () => {
  const env = { MAIL_FROM: 'dangjian@example.org', AWS_ENDPOINT_URL_SESV2: endpoint.url, AWS_REGION: 'cn-north-1', AWS_ACCESS_KEY_ID: 'AKIDLOCAL', AWS_SECRET_ACCESS_KEY: 'not-checked' };
  const saved = Object.fromEntries(Object.keys(env).map((name) => [name, process.env[name]]));
  Object.assign(process.env, env);
  try {
    await mailerFromEnv(env).send({ to: ['sun@example.org'], subject: '提醒', text: '正文' });
  } finally {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
  expect(await outbox.list()).toEqual([expect.objectContaining({ to: ['sun@example.org'], subject: '提醒', text: '正文' })]);
});

test('what the local endpoint does not serve is refused with BadRequestException and nothing is kept', async () => {
  const send = (input: Partial<ConstructorParameters<typeof SendEmailCommand>[0]>) =>
    ses.send(new SendEmailCommand({ FromEmailAddress: 'dangjian@example.org', Destination: { ToAddresses: ['zhao@example.org'] }, Content: { Simple: { Subject: { Data: '主题' }, Body: { Text: { Data: '正文' } } } }, ...input }))
      .then(() => 'sent', (error: { name: string; $metadata: { httpStatusCode?: number } }) => `${error.name} ${error.$metadata.httpStatusCode}`);
  expect(await send({ Content: { Raw: { Data: new TextEncoder().encode('From: a@example.org\r\n\r\nbody') } } })).toBe('BadRequestException 400');
  expect(await send({ Destination: { ToAddresses: [] } })).toBe('BadRequestException 400');
  expect(await send({ Destination: { ToAddresses: ['zhao@example.org'], BccAddresses: ['x@example.org'] } })).toBe('BadRequestException 400');
  expect(await send({ Content: { Simple: { Subject: { Data: '主题' }, Body: {} } } })).toBe('BadRequestException 400');
  expect(await outbox.list()).toEqual([]);
});
