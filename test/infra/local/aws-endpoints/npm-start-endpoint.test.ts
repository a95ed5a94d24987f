import { DescribeExecutionCommand, SFNClient } from '@aws-sdk/client-sfn';
import { SESv2Client } from '@aws-sdk/client-sesv2';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SesMailer } from '../../../../functions/adapters/ses-mailer';
import { freePort } from '../../../../infra/local/dynamodb-local';
import { executionArn } from '../../../../infra/local/step-functions/arns';
import { HttpSession } from '../../../support/http-session';
import { killHard, startRuntimeProcess, type RuntimeProcess } from '../../../support/runtime-process';

// `npm start` with DANGJIAN_AWS_ENDPOINT_PORT: the endpoint is served beside the site, and a mail sent through it with
// the SES v2 client shows on the /dev/outbox page.
const endpoint = process.env.TEST_DYNAMODB_ENDPOINT!;
const tableName = `aws-endpoint-${randomUUID()}`;
let dataDir: string;
let runtime: RuntimeProcess | undefined;

beforeAll(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'dangjian-aws-endpoint-'));
});
afterAll(async () => {
  if (runtime) await killHard(runtime);
  rmSync(dataDir, { recursive: true, force: true });
});

test('npm start serves Step Functions and SES v2 on DANGJIAN_AWS_ENDPOINT_PORT', async () => {
  const [port, awsPort] = [await freePort(), await freePort()];
  runtime = await startRuntimeProcess({
    PORT: String(port), DANGJIAN_DATA_DIR: dataDir, DYNAMODB_ENDPOINT: endpoint, TABLE_NAME: tableName,
    DANGJIAN_DEMO_NOTICES: 'off', DANGJIAN_AWS_ENDPOINT_PORT: String(awsPort),
  });
  const url = `http://127.0.0.1:${awsPort}`;
  // The banner's lines may arrive in more than one chunk after the site answers: wait for the endpoint's line.
  for (let waited = 0; !runtime.output().includes(url) && waited < 10_000; waited += 100) await new Promise((resolve) => setTimeout(resolve, 100));
  expect(runtime.output()).toContain(url);
  const config = { endpoint: url, region: 'cn-north-1', credentials: { accessKeyId: 'AKIDLOCAL', secretAccessKey: 'not-checked' }, maxAttempts: 1 };

  const sfn = new SFNClient(config);
  const missing = await sfn.send(new DescribeExecutionCommand({ executionArn: executionArn('notice', 'never-started') })).catch((e: Error) => e);
  expect(missing).toMatchObject({ name: 'ExecutionDoesNotExist' });

  await new SesMailer(new SESv2Client(config), 'dangjian@example.org').send({ to: ['zhao@example.org'], subject: '经本地 SES 接口发送', text: '正文' });
  const staff = new HttpSession(`http://127.0.0.1:${port}`);
  await staff.signIn('admin', 'demo2026');
  expect((await staff.request('GET', '/dev/outbox')).body).toContain('经本地 SES 接口发送');
}, 120_000); // a whole runtime process starts (seeding included): slow on a loaded machine
