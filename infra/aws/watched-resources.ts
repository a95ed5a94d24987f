import { CfnStateMachine, StateMachine } from 'aws-cdk-lib/aws-stepfunctions';
import type { Construct } from 'constructs';
import { WORKFLOW_METADATA } from '../../workflows/standard-machine';
import { HandlerFunction } from './constructs/handler-function';
import type { WatchedMachine } from './constructs/operations-alarms';

/**
 * Workflows whose executions the procedure stops (withdrawing a notice, ending a case or an election, the scheduler
 * stopping an approval past its hard stop; the notice and approval also as nested executions of a stopped parent).
 */
const STOPPED_BY_DESIGN = /^(notice|approval|election|development-stage-\d)$/;

/** Every state machine in `scope`, by the workflow name in its metadata. */
export function watchedMachines(scope: Construct): WatchedMachine[] {
  return scope.node.findAll().filter((c): c is StateMachine => c instanceof StateMachine).map((stateMachine) => {
    const name = (stateMachine.node.defaultChild as CfnStateMachine).getMetadata(WORKFLOW_METADATA) as string | undefined;
    if (!name) throw new Error(`${stateMachine.node.path} has no ${WORKFLOW_METADATA} metadata`);
    return { name, stateMachine, stoppedByDesign: STOPPED_BY_DESIGN.test(name) };
  });
}

/** Every handler function in `scope`. */
export function handlerFunctions(scope: Construct): HandlerFunction[] {
  return scope.node.findAll().filter((c): c is HandlerFunction => c instanceof HandlerFunction);
}
