import {
  Choice, Condition, IntegrationPattern, JsonPath, TaskInput, type IChainable, type INextable, type State,
} from 'aws-cdk-lib/aws-stepfunctions';
import { LambdaInvoke, StepFunctionsStartExecution } from 'aws-cdk-lib/aws-stepfunctions-tasks';
import type { Construct } from 'constructs';
import type { StageOutcome } from '../../shared/domain/development/case';
import type { NoticeNode } from '../../shared/domain/development/rule-set';
import { noticeReviewKey, stepByKey, type StageNo, type StepKey } from '../../shared/domain/development/steps';
import { DevelopmentState, resultPathOf } from './development-states';
import type { DevelopmentWorkflowProps } from './development-workflow';
import type { EndWhen, PlanNode } from './stage-plans';

type Link = State & INextable;

/** Builds one stage's chain of states from its plan: each node's entry state, wired to the next node's. */
export class StageBuilder {
  private readonly ends = new Map<string, State>();

  constructor(
    private readonly scope: Construct,
    private readonly stage: StageNo,
    private readonly props: DevelopmentWorkflowProps,
  ) {}

  build(plan: PlanNode[]): IChainable {
    let next: State = this.end('completed');
    for (const node of [...plan].reverse()) next = this.node(node, next);
    return next;
  }

  private node(node: PlanNode, next: State): State {
    if ('notice' in node) return this.notice(node.notice, next);
    const kind = stepByKey(node.step).kind;
    if (kind === 'form') return this.form(node.step, node.endWhen ?? [], next);
    if (kind === 'approval') return this.approval(node.step, next);
    if (kind === 'filing') return this.filing(node.step, next);
    throw new Error(`Step ${node.step} (${kind}) is not run by a stage execution`);
  }

  private lambda(name: string, fn: keyof DevelopmentWorkflowProps['functions'], payload: Record<string, unknown>, resultPath: string | null): LambdaInvoke {
    return new LambdaInvoke(this.scope, name, {
      lambdaFunction: this.props.functions[fn],
      payload: TaskInput.fromObject({ caseId: JsonPath.stringAt('$.caseId'), attempt: JsonPath.numberAt('$.attempt'), ...payload }),
      payloadResponseOnly: true,
      resultPath: resultPath ?? JsonPath.DISCARD,
    });
  }

  /** The stage's end with an outcome: the case is updated (one state per outcome and reason). */
  private end(outcome: StageOutcome, why?: { name: string; reason: string }): State {
    const name = DevelopmentState.end(outcome, why?.name);
    const existing = this.ends.get(name);
    if (existing) return existing;
    const state = new LambdaInvoke(this.scope, name, {
      lambdaFunction: this.props.functions.endStage,
      payload: TaskInput.fromObject({
        caseId: JsonPath.stringAt('$.caseId'), stage: JsonPath.numberAt('$.stage'), attempt: JsonPath.numberAt('$.attempt'), outcome, ...(why ? { reason: why.reason } : {}),
      }),
      payloadResponseOnly: true,
    });
    this.ends.set(name, state);
    return state;
  }

  private waitForForm(name: string, stepKey: string, resultPath: string): Link {
    return new LambdaInvoke(this.scope, name, {
      lambdaFunction: this.props.functions.awaitStep,
      integrationPattern: IntegrationPattern.WAIT_FOR_TASK_TOKEN,
      payload: TaskInput.fromObject({ caseId: JsonPath.stringAt('$.caseId'), attempt: JsonPath.numberAt('$.attempt'), stepKey, taskToken: JsonPath.taskToken }),
      resultPath,
    });
  }

  private form(key: StepKey, endWhen: EndWhen[], next: State): State {
    const task = this.waitForForm(DevelopmentState.step(key), key, resultPathOf.step(key));
    if (endWhen.length === 0) {
      task.next(next);
      return task;
    }
    const route = new Choice(this.scope, DevelopmentState.routeStep(key));
    for (const rule of endWhen) {
      const path = `${resultPathOf.step(key)}.${rule.field}`;
      const condition = typeof rule.equals === 'boolean' ? Condition.booleanEquals(path, rule.equals) : Condition.stringEquals(path, rule.equals);
      route.when(condition, this.end(rule.outcome, rule.why));
    }
    task.next(route.otherwise(next));
    return task;
  }

  private notice(node: NoticeNode, next: State): State {
    const prepare = this.lambda(DevelopmentState.prepareNotice(node), 'prepareNotice', { node }, '$.noticeDraft');
    const run = new StepFunctionsStartExecution(this.scope, DevelopmentState.notice(node), {
      stateMachine: this.props.notice,
      integrationPattern: IntegrationPattern.RUN_JOB,
      name: JsonPath.format('notice-{}', JsonPath.stringAt('$.noticeDraft.notice.id')),
      input: TaskInput.fromObject({ notice: JsonPath.objectAt('$.noticeDraft.notice') }),
      resultSelector: { 'output.$': '$.Output' },
      resultPath: resultPathOf.notice(node),
    });
    // A withdrawn notice ends its execution ABORTED: the task fails, and the stage ends to be run again.
    run.addCatch(this.end('notice-withdrawn'), { errors: ['States.TaskFailed'], resultPath: '$.noticeFailure' });
    const result = `${resultPathOf.notice(node)}.output.result`;
    const reviewKey = noticeReviewKey(node);
    const review = this.waitForForm(DevelopmentState.noticeReview(node), reviewKey, resultPathOf.noticeReview(node));
    const routeReview = new Choice(this.scope, DevelopmentState.routeNoticeReview(node))
      .when(Condition.stringEquals(`${resultPathOf.noticeReview(node)}.decision`, 'stop'), this.end('stopped'))
      .otherwise(next);
    review.next(routeReview);
    const route = new Choice(this.scope, DevelopmentState.routeNotice(node))
      .when(Condition.stringEquals(result, 'stopped'), this.end('stopped'))
      .when(Condition.stringEquals(result, 'postponed'), review)
      .when(Condition.stringEquals(result, 'withdrawn'), this.end('notice-withdrawn'))
      .otherwise(next);
    prepare.next(run).next(route);
    return new Choice(this.scope, DevelopmentState.noticeSwitch(node))
      .when(Condition.booleanEquals(`$.ruleSet.noticeNodes.${node}`, true), prepare)
      .otherwise(next) as unknown as State;
  }

  private approval(key: StepKey, next: State): State {
    const prepare = this.lambda(DevelopmentState.prepareApproval(key), 'prepareApproval', { stepKey: key }, '$.approvalRequest');
    const run = new StepFunctionsStartExecution(this.scope, DevelopmentState.step(key), {
      stateMachine: this.props.approval,
      integrationPattern: IntegrationPattern.RUN_JOB,
      name: JsonPath.format('approval-{}', JsonPath.stringAt('$.approvalRequest.approval.approvalId')),
      input: TaskInput.fromObject({ approval: JsonPath.objectAt('$.approvalRequest.approval') }),
      resultSelector: { 'output.$': '$.Output' },
      resultPath: resultPathOf.approval(key),
    });
    // Stopped (the admission approval past its hard stop) or timed out: the stage ends and may be run again.
    run.addCatch(key === 'admissionApproval' ? this.end('blocked') : this.end('rejected', { name: 'ApprovalFailed', reason: '审批流程未能完成' }), {
      errors: ['States.ALL'],
      resultPath: '$.approvalFailure',
    });
    const record = this.lambda(DevelopmentState.recordApproval(key), 'recordDecision', { stepKey: key, decision: JsonPath.objectAt(`${resultPathOf.approval(key)}.output`) }, null);
    const route = new Choice(this.scope, DevelopmentState.routeApproval(key))
      .when(Condition.stringEquals(`${resultPathOf.approval(key)}.output.outcome`, 'approved'), next)
      .otherwise(this.end('rejected'));
    prepare.next(run).next(record).next(route);
    return prepare;
  }

  private filing(key: StepKey, next: State): State {
    const task = this.lambda(DevelopmentState.step(key), 'file', { stepKey: key }, null);
    task.next(next);
    return task;
  }
}
