import { ArnFormat, Stack } from 'aws-cdk-lib';
import { Policy, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { Function as LambdaFunction } from 'aws-cdk-lib/aws-lambda';
import type { StateMachine } from 'aws-cdk-lib/aws-stepfunctions';

/**
 * Grants on a state machine's control plane, each in a policy of its own: a function's default
 * policy is a dependency of the function, so a task function of the machine itself could not
 * name the machine there without a circular dependency.
 */

/** ARN pattern of every execution of a state machine. */
export function executionArns(machine: StateMachine): string {
  return Stack.of(machine).formatArn({
    service: 'states',
    resource: 'execution',
    resourceName: `${machine.stateMachineName}:*`,
    arnFormat: ArnFormat.COLON_RESOURCE_NAME,
  });
}

function attach(fn: LambdaFunction, name: string, statements: PolicyStatement[]): Policy {
  if (!fn.role) throw new Error(`${fn.node.path} has no role`);
  const policy = new Policy(fn, name, { statements });
  policy.attachToRole(fn.role);
  return policy;
}

/** May complete a waiting callback task (SendTaskSuccess) of these machines' executions, nothing else. */
export function grantTaskCallback(fn: LambdaFunction, machine: StateMachine | StateMachine[]): Policy {
  const machines = Array.isArray(machine) ? machine : [machine];
  return attach(fn, 'TaskCallbackPolicy', machines.map((m) => new PolicyStatement({ actions: ['states:SendTaskSuccess'], resources: [m.stateMachineArn] })));
}

/** May complete or fail a waiting callback task of this machine's executions (the approval decision handler), nothing else. */
export function grantTaskCallbackAndFailure(fn: LambdaFunction, machine: StateMachine): Policy {
  return attach(fn, 'TaskDecisionPolicy', [
    new PolicyStatement({ actions: ['states:SendTaskSuccess', 'states:SendTaskFailure'], resources: [machine.stateMachineArn] }),
  ]);
}

/** What the staff site does with the workflow: start it, decide its human steps, stop an execution (withdrawal). */
export function grantWorkflowControl(fn: LambdaFunction, machine: StateMachine, others: StateMachine[] = []): Policy {
  return attach(fn, 'WorkflowControlPolicy', [
    ...others.map((other) => new PolicyStatement({ actions: ['states:StartExecution', 'states:SendTaskSuccess'], resources: [other.stateMachineArn] })),
    new PolicyStatement({
      actions: ['states:StartExecution', 'states:SendTaskSuccess', 'states:SendTaskFailure'],
      resources: [machine.stateMachineArn],
    }),
    new PolicyStatement({ actions: ['states:StopExecution'], resources: [executionArns(machine)] }),
  ]);
}

/** May complete a waiting callback task (SendTaskSuccess) of these machines' executions, nothing else. */
export function grantTaskCallbackOn(fn: LambdaFunction, machines: StateMachine[], name = 'TaskCallbackPolicy'): Policy {
  return attach(fn, name, machines.map((m) => new PolicyStatement({ actions: ['states:SendTaskSuccess'], resources: [m.stateMachineArn] })));
}

/**
 * Member development from the staff site: start a stage, complete its form steps (SendTaskSuccess), stop a stage's
 * execution when staff end the case (终止发展).
 */
export function grantStageControl(fn: LambdaFunction, machines: StateMachine[]): Policy {
  return attach(fn, 'DevelopmentControlPolicy', [
    ...machines.map((m) => new PolicyStatement({ actions: ['states:StartExecution', 'states:SendTaskSuccess'], resources: [m.stateMachineArn] })),
    new PolicyStatement({ actions: ['states:StopExecution'], resources: machines.map(executionArns) }),
  ]);
}

/** The scheduler stops an approval past its hard stop (the admission approval after 6 months). */
export function grantStopExecutions(fn: LambdaFunction, machine: StateMachine): Policy {
  return attach(fn, 'StopApprovalPolicy', [new PolicyStatement({ actions: ['states:StopExecution'], resources: [executionArns(machine)] })]);
}

/** May start executions of a machine, nothing else (the assessment's circular starts notice executions). */
export function grantStartExecutions(fn: LambdaFunction, machine: StateMachine, name: string): Policy {
  return attach(fn, name, [new PolicyStatement({ actions: ['states:StartExecution'], resources: [machine.stateMachineArn] })]);
}

/** May start executions of these machines and complete their callback tasks (the scheduler's tick opening periods). */
export function grantStartAndCallback(fn: LambdaFunction, machines: StateMachine[], name: string): Policy {
  return attach(fn, name, machines.map((m) => new PolicyStatement({ actions: ['states:StartExecution', 'states:SendTaskSuccess'], resources: [m.stateMachineArn] })));
}
