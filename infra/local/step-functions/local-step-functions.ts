import '../polyfills';
import { WorkflowExecutionExistsError, type WorkflowControl, type WorkflowName } from '../../../shared/services/ports';
import type { RuntimeClock } from '../clock';
import { ActivityMonitor } from './activity';
import { assertExecutionName, executionArn as toExecutionArn, machineFromArn } from './arns';
import { AslTaskError, StepFunctionsExecutionNotFoundError, StepFunctionsMachineNotFoundError, StepFunctionsRunnerClosedError } from './errors';
import { ExecutionDriver } from './execution-driver';
import { describe, type ExecutionRecord } from './execution-record';
import { ExecutionRepository } from './execution-repository';
import { KeyedSignals } from './keyed-signals';
import type { RunnerServices } from './step-env';
import { TokenRepository, type TokenResult } from './token-repository';
import type { ExecutionDescription, ExecutionHistoryEvent, LocalStepFunctionsOptions } from './types';

/**
 * Step Functions on this machine: runs the synthesized ASL durably in DynamoDB, one top-level state
 * at a time, and resumes every RUNNING execution after a restart (see README.md in this folder).
 */
export class LocalStepFunctions implements WorkflowControl {
  private readonly executions: ExecutionRepository;
  private readonly tokens: TokenRepository;
  private readonly clock: RuntimeClock;
  private readonly drivers = new Map<string, ExecutionDriver>();
  private readonly monitor = new ActivityMonitor();
  private readonly tokenSignals = new KeyedSignals<TokenResult>();
  private readonly executionSignals = new KeyedSignals<ExecutionRecord>();
  private readonly services: RunnerServices;
  private closed = false;
  private started = false;

  constructor(private readonly options: LocalStepFunctionsOptions) {
    this.executions = new ExecutionRepository(options.store);
    this.tokens = new TokenRepository(options.store);
    this.clock = options.clock;
    const log = options.log ?? (() => {});
    this.services = {
      clock: options.clock,
      lambdas: options.lambdas,
      tokens: this.tokens,
      tokenSignals: this.tokenSignals,
      executionSignals: this.executionSignals,
      startChild: (request) => this.startChild(request),
      getExecution: (arn) => this.executions.get(arn),
      stopChild: (arn, cause) => void this.stopExecution({ executionArn: arn, cause }).catch((error: Error) => log(`[sfn] stopping ${arn}: ${error.message}`)),
      log,
    };
  }

  /** Resumes every RUNNING execution found in the store from its checkpoint. */
  async start(): Promise<void> {
    this.assertOpen();
    await this.monitor.operation(async () => {
      for (const arn of await this.executions.listRunning()) this.drive(arn);
    });
    this.started = true;
  }

  /** For the health check: whether the runner was started and not shut down, and how many executions it drives. */
  status(): { running: boolean; executions: number } {
    return { running: this.started && !this.closed, executions: this.drivers.size };
  }

  /** Stops driving executions without changing their stored status (as a crash would). */
  async shutdown(): Promise<void> {
    this.closed = true;
    const drivers = [...this.drivers.values()];
    for (const driver of drivers) driver.abort('shutdown');
    await Promise.all(drivers.map((driver) => driver.done));
  }

  async startExecution(request: { stateMachine: WorkflowName | string; name: string; input: unknown }): Promise<{ executionArn: string }> {
    this.assertOpen();
    const record = await this.monitor.operation(() => this.create(request.stateMachine, request.name, request.input));
    this.drive(record.executionArn, record);
    return { executionArn: record.executionArn };
  }

  async sendTaskSuccess(request: { taskToken: string; output: unknown }): Promise<void> {
    const output = JSON.parse(JSON.stringify(request.output ?? null));
    await this.complete(request.taskToken, { status: 'SUCCEEDED', output });
  }

  async sendTaskFailure(request: { taskToken: string; error: string; cause: string }): Promise<void> {
    await this.complete(request.taskToken, { status: 'FAILED', error: request.error, cause: request.cause });
  }

  /**
   * Checks that the task still waits (TaskTokenClosedError otherwise). It does not restart the heartbeat
   * countdown: HeartbeatSeconds counts from the task's start here (README.md, Limits).
   */
  async sendTaskHeartbeat(request: { taskToken: string }): Promise<void> {
    this.assertOpen();
    await this.tokens.waiting(request.taskToken);
  }

  executionArnOf(request: { stateMachine: WorkflowName | string; name: string }): string {
    return toExecutionArn(machineFromArn(request.stateMachine), request.name);
  }

  /** RUNNING → ABORTED (its wait or callback is abandoned); no change if already finished. */
  async stopExecution(request: { executionArn: string; cause: string; error?: string }): Promise<void> {
    this.assertOpen();
    await this.monitor.operation(async () => {
      const before = await this.executions.get(request.executionArn);
      if (!before) throw new StepFunctionsExecutionNotFoundError(`Execution does not exist: ${request.executionArn}`);
      const after = await this.executions.abort(request.executionArn, request.cause, this.clock.now());
      if (after?.status !== 'ABORTED') return;
      this.drivers.get(request.executionArn)?.abort('stop');
      this.finished(after);
    });
  }

  async describeExecution(executionArn: string): Promise<ExecutionDescription> {
    const record = await this.executions.get(executionArn);
    if (!record) throw new StepFunctionsExecutionNotFoundError(`Execution does not exist: ${executionArn}`);
    return describe(record);
  }

  /** Resolves when the execution leaves RUNNING (as seen by this process). */
  async waitForExecution(executionArn: string): Promise<ExecutionDescription> {
    const finished = this.executionSignals.wait(executionArn);
    try {
      const current = await this.describeExecution(executionArn);
      if (current.status !== 'RUNNING') return current;
      return describe(await finished.promise);
    } finally {
      finished.dispose();
    }
  }

  /** Resolves when nothing is runnable: every execution waits on the clock, a callback or a child. */
  settled(): Promise<void> {
    return this.monitor.settled();
  }

  history(executionArn: string): Promise<ExecutionHistoryEvent[]> {
    return this.executions.history(executionArn);
  }

  private async create(machine: string, name: string, input: unknown, parentExecutionArn?: string): Promise<ExecutionRecord> {
    const definition = this.options.machines[machine];
    if (!definition) throw new StepFunctionsMachineNotFoundError(`State machine does not exist: ${machine}`);
    assertExecutionName(name);
    const now = this.clock.now().toISOString();
    const value = JSON.parse(JSON.stringify(input ?? {}));
    const record: ExecutionRecord = {
      executionArn: toExecutionArn(machine, name),
      stateMachine: machine,
      name,
      status: 'RUNNING',
      input: value,
      startDate: now,
      parentExecutionArn,
      currentState: definition.StartAt,
      stepInput: value,
      stepCount: 0,
      stepEnteredAt: now,
      eventCount: 0,
    };
    await this.executions.create(record, this.clock.now());
    return { ...record, eventCount: 2 };
  }

  private async startChild(request: { machine: string; name: string; input: unknown; parentExecutionArn: string }): Promise<ExecutionRecord> {
    if (!this.options.machines[request.machine]) {
      throw new AslTaskError('StepFunctions.StateMachineDoesNotExistException', `State machine does not exist: ${request.machine}`);
    }
    try {
      const record = await this.create(request.machine, request.name, request.input, request.parentExecutionArn);
      this.drive(record.executionArn, record);
      return record;
    } catch (error) {
      if (!(error instanceof WorkflowExecutionExistsError)) throw error;
      const existing = await this.executions.get(toExecutionArn(request.machine, request.name));
      if (existing?.parentExecutionArn !== request.parentExecutionArn) {
        throw new AslTaskError('StepFunctions.ExecutionAlreadyExistsException', error.message);
      }
      if (existing.status === 'RUNNING') this.drive(existing.executionArn);
      return existing;
    }
  }

  private async complete(taskToken: string, result: TokenResult): Promise<void> {
    this.assertOpen();
    await this.monitor.operation(async () => {
      await this.tokens.complete(taskToken, result, this.clock.now());
      this.tokenSignals.notify(taskToken, result);
    });
  }

  private drive(executionArn: string, created?: ExecutionRecord): void {
    if (this.closed || this.drivers.has(executionArn)) return;
    const driver = new ExecutionDriver(
      {
        executions: this.executions,
        machines: this.options.machines,
        services: this.services,
        monitor: this.monitor,
        onFinished: (record) => this.finished(record),
      },
      executionArn,
      created,
    );
    this.drivers.set(executionArn, driver);
    void driver.done.finally(() => {
      if (this.drivers.get(executionArn) === driver) this.drivers.delete(executionArn);
    });
  }

  private finished(record: ExecutionRecord): void {
    this.executionSignals.notify(record.executionArn, record);
  }

  private assertOpen(): void {
    if (this.closed) throw new StepFunctionsRunnerClosedError();
  }
}
