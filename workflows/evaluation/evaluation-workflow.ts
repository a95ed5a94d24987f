import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { Choice, Condition, IntegrationPattern, JsonPath, StateMachine, Succeed, TaskInput, type IStateMachine } from 'aws-cdk-lib/aws-stepfunctions';
import { LambdaInvoke, StepFunctionsStartExecution } from 'aws-cdk-lib/aws-stepfunctions-tasks';
import { Construct } from 'constructs';
import type { EvaluationStepKey } from '../../shared/domain/evaluation/evaluation';
import { standardMachine } from '../standard-machine';
import { EvaluationState as S } from './evaluation-states';

export interface EvaluationWorkflowProps {
  openStep: IFunction;
  prepareApproval: IFunction;
  noteDecision: IFunction;
  prepareNotice: IFunction;
  recordGrades: IFunction;
  approvalStateMachine: IStateMachine;
  noticeStateMachine: IStateMachine;
}

/**
 * The annual democratic evaluation of a branch (docs/domain/evaluation.md): its eight steps, one Standard execution
 * `evaluation-<id>` per evaluation (at most 300 days: 限期改正 is 6 months from publication). Input: { evaluationId }.
 * Human steps wait on callbacks ('evaluation-step' pending tasks); the higher committee decides in a nested approval
 * execution; the grades are published in a nested internal notice with its objections. Diagram: README.md.
 */
export class EvaluationWorkflow extends Construct {
  readonly stateMachine: StateMachine;

  constructor(scope: Construct, id: string, props: EvaluationWorkflowProps) {
    super(scope, id);
    const evaluationId = JsonPath.stringAt('$.evaluationId');
    const lambda = (name: string, fn: IFunction, payload: Record<string, unknown>, resultPath: string) =>
      new LambdaInvoke(this, name, { lambdaFunction: fn, payload: TaskInput.fromObject({ evaluationId, ...payload }), payloadResponseOnly: true, resultPath });
    /** A human step; its output (with its `taskId`) goes to $.step, and the next human step is opened `after` it. */
    const human = (name: string, stepKey: EvaluationStepKey, first = false) =>
      new LambdaInvoke(this, name, {
        lambdaFunction: props.openStep,
        integrationPattern: IntegrationPattern.WAIT_FOR_TASK_TOKEN,
        payload: TaskInput.fromObject({ evaluationId, stepKey, taskToken: JsonPath.taskToken, ...(first ? {} : { after: JsonPath.stringAt('$.step.taskId') }) }),
        resultPath: '$.step',
      });

    // 1–3: plan and study, self-evaluation, democratic evaluation (rating online and on paper)
    const plan = human(S.plan, 'plan', true);
    const selfEvaluation = human(S.selfEvaluation, 'self-evaluation');
    const rating = human(S.rating, 'rating');
    // 4–5: the branch committee's proposal, the general meeting (a failed vote: back to the proposal)
    const proposal = human(S.proposal, 'proposal');
    const meeting = human(S.meeting, 'meeting');
    // 6: higher approval by e-mail link (returned for reconsideration: back to the proposal)
    const prepareApproval = lambda(S.prepareApproval, props.prepareApproval, {}, '$.approvalRequest');
    const noteDecision = lambda(S.noteDecision, props.noteDecision, { decision: JsonPath.objectAt('$.approvalRun.decision') }, '$.noted');
    const approvalRun = (name: string, requestPath: string, runPath: string) => new StepFunctionsStartExecution(this, name, {
      stateMachine: props.approvalStateMachine,
      integrationPattern: IntegrationPattern.RUN_JOB,
      name: JsonPath.format('approval-{}', JsonPath.stringAt(`${requestPath}.approval.approvalId`)),
      input: TaskInput.fromObject({ approval: JsonPath.objectAt(`${requestPath}.approval`) }),
      resultSelector: { 'decision.$': '$.Output' },
      resultPath: runPath,
    });
    const approval = approvalRun(S.approval, '$.approvalRequest', '$.approvalRun');
    // 7: publication as an internal notice, objections handled as for any notice (stopped or postponed: back to the proposal)
    const prepareNotice = lambda(S.prepareNotice, props.prepareNotice, {}, '$.notice');
    const publication = new StepFunctionsStartExecution(this, S.publication, {
      stateMachine: props.noticeStateMachine,
      integrationPattern: IntegrationPattern.RUN_JOB,
      name: JsonPath.format('notice-{}', JsonPath.stringAt('$.notice.draft.id')),
      input: TaskInput.fromObject({ notice: JsonPath.objectAt('$.notice.draft') }),
      resultSelector: { 'result.$': '$.Output.result' },
      resultPath: '$.published',
    });
    // 8: grades to the records, then the follow-up (improvement talks, 限期改正 reviewed at its deadline)
    const recordGrades = lambda(S.recordGrades, props.recordGrades, {}, '$.recorded');
    const followUp = human(S.followUp, 'follow-up');
    // 8: 劝其退党 / 除名 after the 限期改正 review — general meeting, then higher approval (not adopted or returned: reviewed again)
    const disposalMeeting = human(S.disposalMeeting, 'disposal-meeting');
    const prepareDisposalApproval = lambda(S.prepareDisposalApproval, props.prepareApproval, { purpose: 'disposal' }, '$.disposalRequest');
    const disposalApproval = approvalRun(S.disposalApproval, '$.disposalRequest', '$.disposalRun');
    const noteDisposalDecision = lambda(S.noteDisposalDecision, props.noteDecision, { purpose: 'disposal', decision: JsonPath.objectAt('$.disposalRun.decision') }, '$.disposalNoted');
    const completed = new Succeed(this, S.completed);

    plan.next(selfEvaluation).next(rating).next(proposal).next(meeting).next(
      new Choice(this, S.routeMeeting).when(Condition.booleanEquals('$.step.adopted', true), prepareApproval).otherwise(proposal),
    );
    prepareApproval.next(approval).next(noteDecision).next(
      new Choice(this, S.routeDecision).when(Condition.stringEquals('$.noted.outcome', 'approved'), prepareNotice).otherwise(proposal),
    );
    prepareNotice.next(publication).next(
      new Choice(this, S.routePublication).when(Condition.stringEquals('$.published.result', 'proceed'), recordGrades).otherwise(proposal),
    );
    recordGrades.next(new Choice(this, S.routeFollowUp).when(Condition.numberGreaterThan('$.recorded.followUps', 0), followUp).otherwise(completed));
    followUp.next(new Choice(this, S.routeFollowUpOutcome).when(Condition.numberGreaterThan('$.step.disposals', 0), disposalMeeting).otherwise(completed));
    disposalMeeting.next(
      new Choice(this, S.routeDisposalMeeting).when(Condition.booleanEquals('$.step.adopted', true), prepareDisposalApproval).otherwise(followUp),
    );
    prepareDisposalApproval.next(disposalApproval).next(noteDisposalDecision).next(
      new Choice(this, S.routeDisposalDecision).when(Condition.stringEquals('$.disposalNoted.outcome', 'approved'), completed).otherwise(followUp),
    );

    this.stateMachine = standardMachine(this, { workflow: 'evaluation', definition: plan, timeoutDays: 300 });
  }
}
