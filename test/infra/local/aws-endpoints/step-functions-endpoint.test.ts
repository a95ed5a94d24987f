import {
  DescribeExecutionCommand, SFNClient, SendTaskFailureCommand, SendTaskHeartbeatCommand, SendTaskSuccessCommand, StartExecutionCommand,
} from '@aws-sdk/client-sfn';
import { SfnWorkflowControl } from '../../../../functions/adapters/sfn-workflow-control';
import { startAwsEndpoint, type RunningAwsEndpoint } from '../../../../infra/local/aws-endpoints/aws-endpoint-server';
import { stateMachineArn } from '../../../../infra/local/step-functions/arns';
import type { ApprovalRequest } from '../../../../shared/domain/approval/approval';
import { approvalExecutionName, decideByLink, startApprovalProcess } from '../../../../shared/services/approval';
import type { ServiceDeps } from '../../../../shared/services/deps';
import {
  fileObjection, getStaffNotice, noticeExecutionName, objectionTaskId, recordObjectionOutcomes, startNoticeProcess,
} from '../../../../shared/services/notice';
import { WorkflowExecutionExistsError, WorkflowTaskClosedError } from '../../../../shared/services/ports';
import { getApproval } from '../../../../shared/store/approvals-repo';
import { startTestRuntime, type TestRuntime } from '../../../support/local-runtime';
import { branchSecretary, noticeDraft } from '../../../support/notice-fixtures';
import { putTestOrg, testOrg } from '../../../support/registry-fixtures';

// The real @aws-sdk/client-sfn and the project's adapter, over HTTP, against the local runner running the synthesized
// approval machine on DynamoDB Local. The signature is made with dummy credentials; the endpoint does not check it.

let runtime: TestRuntime;
let endpoint: RunningAwsEndpoint;
let sfn: SFNClient;
let adapter: SfnWorkflowControl;
/** The services, with Step Functions reached through the adapter and the endpoint instead of in-process. */
let awsDeps: ServiceDeps;
let sequence = 0;

beforeEach(async () => {
  runtime = await startTestRuntime('2026-09-23T01:00:00.000Z');
  await putTestOrg(runtime.store, testOrg({ id: 'committee-1', kind: 'committee', name: '机关党委' }));
  await putTestOrg(runtime.store, testOrg({ id: 'branch-1', kind: 'branch', parentId: 'committee-1', name: '办公室党支部' }));
  endpoint = await startAwsEndpoint({ port: 0, stepFunctions: runtime.stepFunctions, mailer: runtime.mailer });
  sfn = new SFNClient({ endpoint: endpoint.url, region: 'cn-north-1', credentials: { accessKeyId: 'AKIDLOCAL', secretAccessKey: 'not-checked' }, maxAttempts: 1 });
  // A real region and account in the ARN: the endpoint names executions by machine and name only.
  adapter = new SfnWorkflowControl(sfn, {
    approval: 'arn:aws-cn:states:cn-north-1:123456789012:stateMachine:approval',
    notice: 'arn:aws-cn:states:cn-north-1:123456789012:stateMachine:notice',
  });
  awsDeps = { ...runtime.deps, workflow: adapter };
});
afterEach(async () => {
  sfn.destroy();
  await endpoint.close();
  await runtime.shutdown();
});

function approvalRequest(overrides: Partial<ApprovalRequest> = {}): ApprovalRequest {
  return {
    approvalId: `ap-${sequence++}`,
    subject: { kind: 'admission', title: '接收张三为中共预备党员', summary: '支部大会表决通过。', orgId: 'branch-1' },
    approvers: [{ name: '赵书记', email: 'zhao@example.org' }],
    policy: 'any',
    dueDate: '2026-10-23T09:59:59.000Z',
    ...overrides,
  };
}

async function startApproval(approval = approvalRequest()) {
  const { executionArn } = await startApprovalProcess(awsDeps, approval);
  await runtime.stepFunctions.settled();
  const stored = await getApproval(runtime.store, approval.approvalId);
  return { approval, executionArn, taskToken: stored!.taskToken };
}

function linkMailedTo(email: string): string {
  const mail = runtime.mailer.sent.filter((m) => m.to.includes(email)).at(-1);
  const match = /\/approvals\/([A-Za-z0-9_-]{43})/.exec(mail?.text ?? '');
  if (!match) throw new Error(`no link mailed to ${email}`);
  return match[1];
}

async function describe(executionArn: string) {
  return sfn.send(new DescribeExecutionCommand({ executionArn }));
}

async function awsErrorOf(promise: Promise<unknown>): Promise<{ name: string; status?: number }> {
  const error = (await promise.then(() => undefined, (e: unknown) => e)) as { name: string; $metadata?: { httpStatusCode?: number } } | undefined;
  if (!error) throw new Error('expected the call to fail');
  return { name: error.name, status: error.$metadata?.httpStatusCode };
}

test('an approval runs through the adapter: StartExecution, the task token, SendTaskSuccess from the decision, DescribeExecution', async () => {
  const { approval, executionArn } = await startApproval();
  expect(executionArn).toBe(`${stateMachineArn('approval').replace(':stateMachine:', ':execution:')}:${approvalExecutionName(approval.approvalId)}`);
  expect(executionArn).toBe(adapter.executionArnOf({ stateMachine: 'approval', name: approvalExecutionName(approval.approvalId) }).replace('arn:aws-cn:states:cn-north-1:123456789012', 'arn:aws:states:local:000000000000'));
  const running = await describe(executionArn);
  expect(running).toMatchObject({ status: 'RUNNING', name: approvalExecutionName(approval.approvalId), stateMachineArn: stateMachineArn('approval') });
  expect(JSON.parse(running.input!)).toEqual({ approval: expect.objectContaining({ approvalId: approval.approvalId }) });
  expect(running.startDate).toEqual(new Date('2026-09-23T01:00:00.000Z'));

  await decideByLink(awsDeps, linkMailedTo('zhao@example.org'), { outcome: 'approved', comment: '同意', meetingDate: '2026-09-25' }, { ip: '203.0.113.7', userAgent: 'test' });
  await runtime.stepFunctions.settled();
  const finished = await describe(executionArn);
  expect(finished.status).toBe('SUCCEEDED');
  expect(JSON.parse(finished.output!)).toMatchObject({ outcome: 'approved' });
  expect(finished.stopDate).toBeInstanceOf(Date);
});

test('a notice with an objection runs through the adapter: the outcome goes back as SendTaskSuccess over HTTP', async () => {
  const draft = noticeDraft();
  await startNoticeProcess(awsDeps, draft);
  await runtime.stepFunctions.settled();
  await fileObjection(awsDeps, draft.id, { content: '异议：该同志工作作风需核实', name: '王五', contact: '13800000000' });
  await runtime.advanceTo('2026-09-30T15:59:59.000Z');
  const { objections } = await getStaffNotice(awsDeps, branchSecretary, draft.id);
  const form = Object.fromEntries(objections.flatMap((o) => [[`decision.${o.id}`, 'unfounded'], [`note.${o.id}`, '已核实'], [`reviewDate.${o.id}`, '']]));
  await recordObjectionOutcomes(awsDeps, branchSecretary, objectionTaskId(draft.id), form);
  await runtime.stepFunctions.settled();
  const executionArn = adapter.executionArnOf({ stateMachine: 'notice', name: noticeExecutionName(draft.id) });
  const finished = await describe(executionArn);
  expect(finished.status).toBe('SUCCEEDED');
  expect(JSON.parse(finished.output!)).toEqual({ noticeId: draft.id, result: 'proceed' });
});

test('a second start: same input while running answers the first execution (as AWS); other input or a finished one is ExecutionAlreadyExists, which the adapter maps', async () => {
  const { approval, executionArn } = await startApproval();
  await expect(startApprovalProcess(awsDeps, approval)).resolves.toEqual({ executionArn });
  await expect(startApprovalProcess(awsDeps, { ...approval, dueDate: '2026-10-24T09:59:59.000Z' })).rejects.toBeInstanceOf(WorkflowExecutionExistsError);
  const raw = sfn.send(new StartExecutionCommand({ stateMachineArn: stateMachineArn('approval'), name: approvalExecutionName(approval.approvalId), input: '{}' }));
  expect(await awsErrorOf(raw)).toEqual({ name: 'ExecutionAlreadyExists', status: 400 });

  await adapter.stopExecution({ executionArn, cause: '测试' });
  await expect(startApprovalProcess(awsDeps, approval)).rejects.toBeInstanceOf(WorkflowExecutionExistsError);
});

test('task tokens: an unknown one is InvalidToken, a completed one TaskTimedOut; the adapter reads both as a closed task', async () => {
  const { taskToken, executionArn } = await startApproval();
  await expect(sfn.send(new SendTaskHeartbeatCommand({ taskToken }))).resolves.toBeDefined();
  expect(await awsErrorOf(sfn.send(new SendTaskSuccessCommand({ taskToken: 'no-such-token', output: '{}' })))).toEqual({ name: 'InvalidToken', status: 400 });
  expect(await awsErrorOf(sfn.send(new SendTaskHeartbeatCommand({ taskToken: 'no-such-token' })))).toEqual({ name: 'InvalidToken', status: 400 });
  await expect(adapter.sendTaskSuccess({ taskToken: 'no-such-token', output: {} })).rejects.toBeInstanceOf(WorkflowTaskClosedError);

  await sfn.send(new SendTaskFailureCommand({ taskToken, error: 'Test.Failure', cause: '测试' }));
  await runtime.stepFunctions.settled();
  expect(await describe(executionArn)).toMatchObject({ status: 'FAILED', error: 'Test.Failure', cause: '测试' });
  expect(await awsErrorOf(sfn.send(new SendTaskSuccessCommand({ taskToken, output: '{}' })))).toEqual({ name: 'TaskTimedOut', status: 400 });
  expect(await awsErrorOf(sfn.send(new SendTaskHeartbeatCommand({ taskToken })))).toEqual({ name: 'TaskTimedOut', status: 400 });
  await expect(adapter.sendTaskFailure({ taskToken, error: 'Again', cause: '' })).rejects.toBeInstanceOf(WorkflowTaskClosedError);
});

test('StopExecution aborts the execution and closes its task; the errors of unknown machines, executions and bad input', async () => {
  const { taskToken, executionArn } = await startApproval();
  await adapter.stopExecution({ executionArn, cause: '撤回' });
  expect(await describe(executionArn)).toMatchObject({ status: 'ABORTED', cause: '撤回', stopDate: expect.any(Date) });
  await expect(adapter.sendTaskSuccess({ taskToken, output: {} })).rejects.toBeInstanceOf(WorkflowTaskClosedError);

  const start = (input: Partial<{ stateMachineArn: string; name: string; input: string }>) =>
    awsErrorOf(sfn.send(new StartExecutionCommand({ stateMachineArn: stateMachineArn('approval'), name: 'x', input: '{}', ...input })));
  expect(await start({ stateMachineArn: stateMachineArn('no-such-machine') })).toEqual({ name: 'StateMachineDoesNotExist', status: 400 });
  expect(await start({ name: 'has space' })).toEqual({ name: 'InvalidName', status: 400 });
  expect(await start({ input: '{not json' })).toEqual({ name: 'InvalidExecutionInput', status: 400 });
  expect(await awsErrorOf(describe(executionArn.replace(/:[^:]+$/, ':never-started')))).toEqual({ name: 'ExecutionDoesNotExist', status: 400 });
  expect(await awsErrorOf(describe('not-an-arn'))).toEqual({ name: 'InvalidArn', status: 400 });
});

test('on the wire: an error is HTTP 400 with {"__type", "message"}, as Step Functions answers it', async () => {
  const response = await fetch(endpoint.url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': 'AWSStepFunctions.SendTaskSuccess' },
    body: JSON.stringify({ taskToken: 'no-such-token', output: '{}' }),
  });
  expect(response.status).toBe(400);
  expect(response.headers.get('content-type')).toBe('application/x-amz-json-1.0');
  expect(await response.json()).toEqual({ __type: 'InvalidToken', message: expect.any(String) });
});
