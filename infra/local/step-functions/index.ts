export { LocalStepFunctions } from './local-step-functions';
export type {
  AslDefinition,
  ExecutionDescription,
  ExecutionHistoryEvent,
  ExecutionStatus,
  HistoryEventType,
  LocalLambda,
  LocalStepFunctionsOptions,
} from './types';
export {
  StepFunctionsConflictError,
  StepFunctionsDefinitionError,
  StepFunctionsExecutionNotFoundError,
  StepFunctionsInvalidNameError,
  StepFunctionsMachineNotFoundError,
  StepFunctionsRunnerClosedError,
  TaskTokenClosedError,
} from './errors';
export { executionArn, stateMachineArn, parseExecutionArn, machineFromArn } from './arns';
