import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { Choice, Condition, IntegrationPattern, JsonPath, Succeed, TaskInput, type StateMachine } from 'aws-cdk-lib/aws-stepfunctions';
import { LambdaInvoke } from 'aws-cdk-lib/aws-stepfunctions-tasks';
import { Construct } from 'constructs';
import type { TransferStepKey } from '../../shared/domain/transfer/transfer';
import { standardMachine } from '../standard-machine';
import { TransferState as S } from './transfer-states';

export interface TransferWorkflowProps {
  openStep: IFunction;
}

/**
 * A transfer of membership (docs/domain/transfer.md): request → letter → arrival and acceptance (or refusal) → receipt,
 * one Standard execution `transfer-<id>` per transfer. Input: { transferId, destination: 'within' | 'outside' }.
 * Every step is a human one (a 'transfer-step' pending task); the validity and the receipt deadline are instants on
 * the letter that the scheduler's tick warns about, never Wait states. An expired letter is cancelled by staff, which
 * completes the waiting step with 'reissue' and brings the transfer back to the letter. Diagram: README.md.
 */
export class TransferWorkflow extends Construct {
  readonly stateMachine: StateMachine;

  constructor(scope: Construct, id: string, props: TransferWorkflowProps) {
    super(scope, id);
    const human = (name: string, step: TransferStepKey) =>
      new LambdaInvoke(this, name, {
        lambdaFunction: props.openStep,
        integrationPattern: IntegrationPattern.WAIT_FOR_TASK_TOKEN,
        payload: TaskInput.fromObject({ transferId: JsonPath.stringAt('$.transferId'), step, taskToken: JsonPath.taskToken }),
        resultPath: '$.step',
      });
    const outcome = (value: string) => Condition.stringEquals('$.step.outcome', value);

    const letter = human(S.letter, 'letter');
    const arrival = human(S.arrival, 'arrival');
    const receipt = human(S.receipt, 'receipt');

    letter.next(new Choice(this, S.routeDestination).when(Condition.stringEquals('$.destination', 'outside'), receipt).otherwise(arrival));
    arrival.next(
      new Choice(this, S.routeArrival)
        .when(outcome('accepted'), new Succeed(this, S.accepted))
        .when(outcome('refused'), new Succeed(this, S.refused))
        .otherwise(letter),
    );
    receipt.next(new Choice(this, S.routeReceipt).when(outcome('received'), new Succeed(this, S.received)).otherwise(letter));

    this.stateMachine = standardMachine(this, { workflow: 'transfer', definition: letter, timeoutDays: 360 });
  }
}
