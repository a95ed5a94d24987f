import { AsyncLocalStorage } from 'node:async_hooks';
import { dirname } from 'node:path';
import { LOCAL_ARNS } from '../../../../infra/aws/asl';
import { resolveIntrinsics } from '../../../../infra/aws/intrinsics';
import { startAwsEndpoint, type RunningAwsEndpoint } from '../../../../infra/local/aws-endpoints/aws-endpoint-server';
import { ManualClock } from '../../../../infra/local/manual-clock';
import { LocalStepFunctions } from '../../../../infra/local/step-functions/local-step-functions';
import { parseExecutionArn } from '../../../../infra/local/step-functions/arns';
import type { AslDefinition, LocalLambda } from '../../../../infra/local/step-functions/types';
import type { HttpEvent, HttpHandlerFn, HttpResult } from '../../../../functions/http/edge/types';
import type { Store } from '../../../../shared/store/store';
import { startCognitoLocal, type CognitoLocal } from '../../../support/cognito-local';
import { RecordingMailer } from '../../../support/notice-fixtures';
import { createTestStore } from '../../../support/store';
import { bundledFunctions, readTemplate, stateMachines, type BundledFunction, type StackTemplate, type TemplateStateMachine } from './assembly-template';
import { BundledLambda, type LogLine } from './bundled-lambda';
import { cloudAssembly } from './cloud-assembly';
import { RecordingProxy, type ObservedCall } from './recording-proxy';
import { resolveEnvironment, type LocalTwins } from './template-values';

const machineOf = (executionArn: string) => parseExecutionArn(executionArn)?.machine ?? executionArn;

/** A call a state machine made on its own role: a task Lambda invoked, a nested execution started. */
export interface MachineCall {
  machine: string;
  action: 'lambda:InvokeFunction' | 'states:StartExecution';
  /** Handler id of the function, or workflow name of the nested machine. */
  target: string;
}

/**
 * The stack as synthesized, run on this machine: every bundled Lambda of the cloud assembly in its own worker with the
 * template's environment, the template's state machines on the local runner (their Lambda tasks go into the bundles),
 * the runtime's AWS-compatible endpoint (Step Functions, SES v2), DynamoDB Local and cognito-local — each function's
 * calls passing through a recording proxy.
 */
export class BundleWorld {
  readonly calls: ObservedCall[];
  readonly machineCalls: MachineCall[] = [];
  readonly mailer = new RecordingMailer();
  /** Everything the bundles wrote to stdout and stderr (their log groups in AWS). */
  readonly logs: LogLine[] = [];
  private readonly running = new Map<string, Promise<BundledLambda>>();
  private readonly clockOffset = new SharedArrayBuffer(8);
  private readonly executionContext = new AsyncLocalStorage<string>();
  stepFunctions!: LocalStepFunctions;
  private endpoint!: RunningAwsEndpoint;

  private constructor(
    readonly template: StackTemplate,
    readonly functions: BundledFunction[],
    readonly machines: TemplateStateMachine[],
    readonly store: Store,
    readonly cognito: CognitoLocal,
    readonly clock: ManualClock,
    private readonly proxy: RecordingProxy,
    private readonly twins: LocalTwins,
  ) {
    this.calls = proxy.calls;
  }

  static async start(start: string): Promise<BundleWorld> {
    const assemblyDir = await cloudAssembly();
    const template = readTemplate(assemblyDir);
    const store = await createTestStore();
    const cognito = await startCognitoLocal();
    const twins: LocalTwins = { tableName: store.tableName, userPoolId: cognito.userPoolId, userPoolClientId: cognito.clientId, apiId: 'localapi' };
    const dynamodb = process.env.TEST_DYNAMODB_ENDPOINT!;
    const proxy = new RecordingProxy({ dynamodb, awsEndpoint: 'http://127.0.0.1:1', cognito: cognito.endpoint });
    const world = new BundleWorld(template, bundledFunctions(template, assemblyDir), stateMachines(template), store, cognito, new ManualClock(start), proxy, twins);
    await world.startRunner();
    return world;
  }

  /** The ASL of each machine as the template has it, its ARNs made local. */
  private definitions(): Record<string, AslDefinition> {
    const handlers = new Map(this.functions.map((fn) => [fn.logicalId, fn.handlerId]));
    const machines = new Map(this.machines.map((m) => [m.logicalId, m.workflow]));
    return Object.fromEntries(this.machines.map((m) => {
      const resolved = resolveIntrinsics(m.definition, { handlers, machines, arns: LOCAL_ARNS });
      return [m.workflow, JSON.parse(String(resolved)) as AslDefinition];
    }));
  }

  private async startRunner(): Promise<void> {
    this.syncClock();
    const lambdas: Record<string, LocalLambda> = Object.fromEntries(this.functions.map((fn) => [fn.handlerId, async (event: unknown) => {
      const execution = this.executionContext.getStore();
      if (execution) this.machineCalls.push({ machine: machineOf(execution), action: 'lambda:InvokeFunction', target: fn.handlerId });
      return (await this.lambda(fn.handlerId)).invoke(event);
    }]));
    this.stepFunctions = new LocalStepFunctions({ store: this.store, clock: this.clock, machines: this.definitions(), lambdas });
    // Test instrumentation of the runner: which execution a task call comes from, and which nested executions it starts.
    const runner = this.stepFunctions as unknown as {
      drive(arn: string): void;
      startChild(request: { machine: string; parentExecutionArn: string }): Promise<unknown>;
    };
    const drive = runner.drive.bind(runner);
    runner.drive = (arn) => this.executionContext.run(arn, () => drive(arn));
    const startChild = runner.startChild.bind(runner);
    runner.startChild = (request) => {
      this.machineCalls.push({ machine: machineOf(request.parentExecutionArn), action: 'states:StartExecution', target: request.machine });
      return startChild(request);
    };
    await this.stepFunctions.start();
    this.endpoint = await startAwsEndpoint({ port: 0, stepFunctions: this.stepFunctions, mailer: this.mailer });
    (this.proxy as unknown as { targets: { awsEndpoint: string } }).targets.awsEndpoint = this.endpoint.url;
  }

  functionOf(handlerId: string): BundledFunction {
    const fn = this.functions.find((f) => f.handlerId === handlerId);
    if (!fn) throw new Error(`The template has no function for ${handlerId}`);
    return fn;
  }

  /** What Lambda sets in every function's environment, and the template's variables (nothing else). */
  async environmentOf(fn: BundledFunction): Promise<Record<string, string>> {
    return {
      AWS_REGION: 'us-east-1',
      AWS_DEFAULT_REGION: 'us-east-1',
      AWS_LAMBDA_FUNCTION_NAME: fn.logicalId,
      AWS_LAMBDA_FUNCTION_VERSION: '$LATEST',
      AWS_LAMBDA_FUNCTION_MEMORY_SIZE: '512',
      AWS_LAMBDA_LOG_GROUP_NAME: `/aws/lambda/${fn.logicalId}`,
      AWS_EXECUTION_ENV: 'AWS_Lambda_nodejs22.x',
      AWS_ACCESS_KEY_ID: 'ASIALOCAL', AWS_SECRET_ACCESS_KEY: 'local', AWS_SESSION_TOKEN: 'local',
      LAMBDA_TASK_ROOT: dirname(fn.modulePath),
      _HANDLER: `index.${fn.exportName}`,
      TZ: ':UTC',
      LANG: 'en_US.UTF-8',
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      // The one difference from AWS: every SDK client of the function talks to its recording proxy.
      AWS_ENDPOINT_URL: await this.proxy.listenFor(fn.handlerId),
      ...resolveEnvironment(this.template, fn.environment, this.twins),
    };
  }

  /** Whether a flow has started the function's worker. */
  started(handlerId: string): boolean {
    return this.running.has(handlerId);
  }

  /** The function's worker, started on first use. */
  lambda(handlerId: string): Promise<BundledLambda> {
    let started = this.running.get(handlerId);
    if (!started) {
      const fn = this.functionOf(handlerId);
      started = this.environmentOf(fn).then((env) => BundledLambda.start(fn, env, this.clockOffset, this.logs));
      this.running.set(handlerId, started);
    }
    return started;
  }

  /** A site Lambda as API Gateway calls it; resolves once every execution it set going has settled. */
  site(handlerId: 'http-public' | 'http-staff' | 'http-approval'): HttpHandlerFn {
    return async (event: HttpEvent) => {
      const result = (await (await this.lambda(handlerId)).invoke(event)) as HttpResult;
      await this.stepFunctions.settled();
      return result;
    };
  }

  async advanceTo(instant: string | Date): Promise<void> {
    this.clock.set(new Date(instant));
    this.syncClock();
    await this.stepFunctions.settled();
  }

  private syncClock(): void {
    new Float64Array(this.clockOffset)[0] = this.clock.now().getTime() - Date.now();
  }

  async stop(): Promise<void> {
    await this.stepFunctions?.shutdown();
    await Promise.all([...this.running.values()].map(async (started) => (await started.catch(() => undefined))?.stop()));
    await this.endpoint?.close();
    await this.proxy.close();
    await this.cognito.stop();
  }
}
