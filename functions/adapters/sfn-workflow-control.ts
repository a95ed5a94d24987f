import {
  SFNClient, SendTaskFailureCommand, SendTaskSuccessCommand, StartExecutionCommand, StopExecutionCommand,
} from '@aws-sdk/client-sfn';
import { WorkflowExecutionExistsError, WorkflowTaskClosedError, type WorkflowControl, type WorkflowName } from '../../shared/services/ports';

/** Errors by which Step Functions says a task token is no longer waiting: "already decided". */
const CLOSED_TOKEN_ERRORS = new Set(['TaskTimedOut', 'InvalidToken', 'TaskDoesNotExist']);

function closedTokenOr(error: unknown): unknown {
  return error instanceof Error && CLOSED_TOKEN_ERRORS.has(error.name) ? new WorkflowTaskClosedError(error.name, { cause: error }) : error;
}

/** WorkflowControl over Step Functions' API. */
export class SfnWorkflowControl implements WorkflowControl {
  constructor(
    private readonly client: SFNClient,
    private readonly stateMachineArns: Partial<Record<WorkflowName, string>>,
  ) {}

  async startExecution(request: { stateMachine: WorkflowName; name: string; input: unknown }) {
    const stateMachineArn = this.stateMachineArns[request.stateMachine];
    if (!stateMachineArn) throw new Error(`No state machine ARN configured for workflow ${request.stateMachine}`);
    try {
      const result = await this.client.send(
        new StartExecutionCommand({ stateMachineArn, name: request.name, input: JSON.stringify(request.input) }),
      );
      return { executionArn: result.executionArn ?? '' };
    } catch (error) {
      if (error instanceof Error && error.name === 'ExecutionAlreadyExists') throw new WorkflowExecutionExistsError(error.message, { cause: error });
      throw error;
    }
  }

  async sendTaskSuccess(request: { taskToken: string; output: unknown }) {
    try {
      await this.client.send(new SendTaskSuccessCommand({ taskToken: request.taskToken, output: JSON.stringify(request.output) }));
    } catch (error) {
      throw closedTokenOr(error);
    }
  }

  async sendTaskFailure(request: { taskToken: string; error: string; cause: string }) {
    try {
      await this.client.send(new SendTaskFailureCommand(request));
    } catch (error) {
      throw closedTokenOr(error);
    }
  }

  async stopExecution(request: { executionArn: string; cause: string }) {
    await this.client.send(new StopExecutionCommand(request));
  }

  executionArnOf(request: { stateMachine: WorkflowName; name: string }): string {
    const stateMachineArn = this.stateMachineArns[request.stateMachine];
    if (!stateMachineArn) throw new Error(`No state machine ARN configured for workflow ${request.stateMachine}`);
    return `${stateMachineArn.replace(':stateMachine:', ':execution:')}:${request.name}`;
  }
}
