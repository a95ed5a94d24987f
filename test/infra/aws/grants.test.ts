import type { Function as LambdaFunction } from 'aws-cdk-lib/aws-lambda';
import { PLACEHOLDER_MAIL_FROM } from '../../../infra/aws/constructs/mail';
import type { StageNo } from '../../../shared/domain/development/steps';
import { planUses, STAGE_PLANS } from '../../../workflows/development/stage-plans';
import {
  actionsOf, logicalId, policies, resourcesOf, statementsOfRole, synthesize, type PolicyStatementJson, type Synthesized,
} from './synth';

describe('least-privilege grants', () => {
  let synthesized: Synthesized;
  let roleOf: (fn: LambdaFunction) => string;
  beforeAll(() => {
    synthesized = synthesize();
    const { stack } = synthesized;
    roleOf = (fn) => logicalId(stack, fn.role!);
  });

  const handlers = () => {
    const { notice, approval, web, scheduler, development, election, transfer, evaluation } = synthesized.stack;
    return {
      electionOpenStep: election.openStep,
      transferOpenStep: transfer.openStep,
      evaluationOpenStep: evaluation.openStep,
      evaluationRecordGrades: evaluation.recordGrades,
      awaitStep: development.functions.awaitStep,
      file: development.functions.file,
      approvalRequest: approval.request,
      publish: notice.publish,
      close: notice.close,
      awaitOutcomes: notice.awaitOutcomes,
      publicSite: web.functions['http-public'],
      staffSite: web.functions['http-staff'],
      approvalSite: web.functions['http-approval'],
      tick: scheduler.tick,
      assessmentOpenReport: synthesized.stack.assessment.openReport,
      assessmentOpenReview: synthesized.stack.assessment.openReview,
      assessmentPeriodDone: synthesized.stack.assessment.periodDone,
      yearEndOpenRating: synthesized.stack.assessment.yearEndFunctions.openRating,
      yearEndPublish: synthesized.stack.assessment.yearEndFunctions.publish,
    };
  };

  /** Logical ids of the roles whose policies allow an action. */
  function rolesAllowing(action: string): string[] {
    const roles = policies(synthesized.template)
      .filter((policy) => policy.statements.some((s) => s.Effect === 'Allow' && actionsOf(s).includes(action)))
      .flatMap((policy) => policy.roles.map((role) => (role as { Ref: string }).Ref));
    return [...new Set(roles)].sort();
  }

  /** Roles allowed an action on the notice machine (the approval machine's grants: approval.test.ts). */
  function rolesAllowingOnNotice(action: string): string[] {
    const notice = JSON.stringify(machineRef().Ref);
    const roles = policies(synthesized.template)
      .filter((policy) => policy.statements.some((s) => s.Effect === 'Allow' && actionsOf(s).includes(action) && JSON.stringify(s.Resource).includes(notice)))
      .flatMap((policy) => policy.roles.map((role) => (role as { Ref: string }).Ref));
    return [...new Set(roles)].sort();
  }

  function statementsWith(action: string): PolicyStatementJson[] {
    return policies(synthesized.template).flatMap((p) => p.statements).filter((s) => actionsOf(s).includes(action));
  }

  const machineRef = () => ({ Ref: logicalId(synthesized.stack, synthesized.stack.notice.workflow.stateMachine) });

  /** Roles of the development stage machines that run a nested notice (stages 2–5). */
  const stageRolesWithNotice = () => synthesized.stack.development.stateMachines.slice(1).map((m) => logicalId(synthesized.stack, m.role));

  test('SendTaskSuccess: only the staff site, the objection step (redrive) and the tick (callback retry), on the notice machine', () => {
    const { staffSite, awaitOutcomes, tick, awaitStep, electionOpenStep, transferOpenStep, evaluationOpenStep } = handlers();
    const { approvalSite, assessmentOpenReport, assessmentOpenReview, yearEndOpenRating } = handlers();
    expect(rolesAllowingOnNotice('states:SendTaskSuccess')).toEqual([roleOf(staffSite), roleOf(awaitOutcomes), roleOf(tick)].sort());
    // Elsewhere only the approval decision handler (on the approval machine alone, approval.test.ts) and a development
    // form step asked again for a step already done (on the stage machines), and the same for an election's step (on
    // the election machine), a transfer's or an evaluation's step (on its machine) and an assessment's report or review task (on the assessment machine).
    expect(rolesAllowing('states:SendTaskSuccess')).toEqual([
      roleOf(staffSite), roleOf(awaitOutcomes), roleOf(tick), roleOf(approvalSite), roleOf(awaitStep), roleOf(electionOpenStep), roleOf(transferOpenStep), roleOf(evaluationOpenStep), roleOf(assessmentOpenReport), roleOf(assessmentOpenReview), roleOf(yearEndOpenRating),
    ].sort());
    for (const statement of statementsWith('states:SendTaskSuccess')) expect(resourcesOf(statement)).toHaveLength(1);
  });

  test('starting, failing and stopping notice executions: the staff site, and the development stages, the election and the evaluation that nest a notice', () => {
    const { staffSite, approvalSite, tick, assessmentPeriodDone, yearEndPublish } = handlers();
    const stages = [...stageRolesWithNotice(), logicalId(synthesized.stack, synthesized.stack.election.workflow.stateMachine.role), logicalId(synthesized.stack, synthesized.stack.evaluation.workflow.stateMachine.role)];
    expect(rolesAllowingOnNotice('states:SendTaskFailure')).toEqual([roleOf(staffSite)]);
    // The assessment's circular starts notices (never stops one); the tick starts assessment executions.
    expect(rolesAllowingOnNotice('states:StartExecution')).toEqual([roleOf(staffSite), roleOf(assessmentPeriodDone), roleOf(yearEndPublish), ...stages].sort());
    expect(rolesAllowingOnNotice('states:StopExecution')).toEqual([roleOf(staffSite), ...stages].sort());
    // The year end: its publication starts notices, and the year-end machine starts the committee's approval.
    const yearEndMachine = logicalId(synthesized.stack, synthesized.stack.assessment.yearEnd.stateMachine.role);
    expect(rolesAllowing('states:StartExecution')).toEqual([roleOf(staffSite), roleOf(tick), roleOf(assessmentPeriodDone), roleOf(yearEndPublish), yearEndMachine, ...stages].sort());
    // The tick stops an admission approval past its hard stop (approval machine only).
    // (and the machines that nest an execution may stop it: the year end its approval.)
    expect(rolesAllowing('states:StopExecution')).toEqual([roleOf(staffSite), roleOf(tick), yearEndMachine, ...stages].sort());
    expect(rolesAllowing('states:SendTaskFailure')).toEqual([roleOf(staffSite), roleOf(approvalSite)].sort());
    const [stop] = statementsWith('states:StopExecution').filter((s) => JSON.stringify(s.Resource).includes(JSON.stringify({ 'Fn::GetAtt': [machineRef().Ref, 'Name'] })));
    const machineName = { 'Fn::GetAtt': [machineRef().Ref, 'Name'] };
    expect(JSON.stringify(stop.Resource)).toContain(':execution:');
    expect(JSON.stringify(stop.Resource)).toContain(JSON.stringify(machineName));
  });

  test('the public site, the publish/close tasks and the approval request task have no Step Functions action at all', () => {
    const { publicSite, publish, close, approvalRequest } = handlers();
    const { stack, template } = synthesized;
    for (const fn of [publicSite, publish, close, approvalRequest]) {
      const actions = statementsOfRole(template, stack, fn.role!).flatMap(actionsOf);
      expect(actions.filter((action) => action.startsWith('states:'))).toEqual([]);
    }
  });

  test('no policy allows a wildcard action, and no role carries a managed policy', () => {
    const actions = policies(synthesized.template).flatMap((p) => p.statements).flatMap(actionsOf);
    expect(actions.length).toBeGreaterThan(0);
    expect(actions.filter((action) => action.includes('*'))).toEqual([]);
    const roles = Object.values(synthesized.template.findResources('AWS::IAM::Role')) as { Properties: Record<string, unknown> }[];
    for (const role of roles) {
      expect(role.Properties.ManagedPolicyArns).toBeUndefined();
      expect(role.Properties.Policies).toBeUndefined();
    }
  });

  test('each state machine role invokes its own task functions and nothing else', () => {
    const { stack, template } = synthesized;
    for (const process of [stack.notice, stack.approval, stack.election, stack.transfer, stack.assessment, stack.evaluation]) {
      const statements = statementsOfRole(template, stack, process.workflow.stateMachine.role);
      const invoke = statements.filter((s) => actionsOf(s).some((a) => a.startsWith('lambda:')));
      expect(invoke.flatMap(actionsOf).every((a) => a === 'lambda:InvokeFunction')).toBe(true);
      const invoked = new Set(JSON.stringify(invoke.map((s) => s.Resource)).match(/"Fn::GetAtt":\["[A-Za-z0-9]+"/g)?.map((m) => m.split('"')[3]));
      const tasks = process.functions.map((fn) => logicalId(stack, fn));
      expect([...invoked].sort()).toEqual([...tasks].sort());
    }
    stack.development.stateMachines.forEach((machine, index) => {
      const plan = STAGE_PLANS[(index + 1) as StageNo];
      const uses = (kind: 'notice' | 'approval' | 'filing') => planUses(plan, kind);
      const f = stack.development.functions;
      const expected = [f.awaitStep, f.endStage, ...(uses('notice') ? [f.prepareNotice] : []), ...(uses('approval') ? [f.prepareApproval, f.recordDecision] : []), ...(uses('filing') ? [f.file] : [])];
      const invoke = statementsOfRole(template, stack, machine.role).filter((s) => actionsOf(s).includes('lambda:InvokeFunction'));
      const invoked = new Set(JSON.stringify(invoke.map((s) => s.Resource)).match(/"Fn::GetAtt":\["[A-Za-z0-9]+"/g)?.map((m) => m.split('"')[3]));
      expect([index + 1, [...invoked].sort()]).toEqual([index + 1, expected.map((fn) => logicalId(stack, fn)).sort()]);
    });
    expect(rolesAllowing('lambda:InvokeFunction')).toEqual([
      logicalId(stack, stack.notice.workflow.stateMachine.role), logicalId(stack, stack.approval.workflow.stateMachine.role), logicalId(stack, stack.scheduler.role),
      logicalId(stack, stack.election.workflow.stateMachine.role), logicalId(stack, stack.transfer.workflow.stateMachine.role), logicalId(stack, stack.assessment.workflow.stateMachine.role), logicalId(stack, stack.evaluation.workflow.stateMachine.role),
      logicalId(stack, stack.assessment.yearEnd.stateMachine.role),
      ...stack.development.stateMachines.map((m) => logicalId(stack, m.role)),
    ].sort());
  });

  test('the schedule role may invoke the tick and nothing else, and only EventBridge Scheduler may assume it', () => {
    const { stack, template } = synthesized;
    const tick = logicalId(stack, stack.scheduler.tick);
    expect(statementsOfRole(template, stack, stack.scheduler.role)).toEqual([
      { Effect: 'Allow', Action: 'lambda:InvokeFunction', Resource: { 'Fn::GetAtt': [tick, 'Arn'] } },
    ]);
    template.hasResourceProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: {
        Statement: [{
          Action: 'sts:AssumeRole',
          Effect: 'Allow',
          Principal: { Service: 'scheduler.amazonaws.com' },
          Condition: { StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } } },
        }],
      },
    });
    template.hasResourceProperties('AWS::Scheduler::Schedule', {
      ScheduleExpression: 'rate(15 minutes)',
      Target: { Arn: { 'Fn::GetAtt': [tick, 'Arn'] }, RoleArn: { 'Fn::GetAtt': [logicalId(stack, stack.scheduler.role), 'Arn'] } },
    });
  });

  test('mail: only the staff site, the objection step, the approval request, the approval site, the tick, the development form and filing steps and the election, transfer and evaluation step tasks, the evaluation grades task, the assessment report task and the year-end rating task may send, from mailFrom, via the identity and configuration set', () => {
    const { staffSite, awaitOutcomes, approvalRequest, approvalSite, tick, awaitStep, file, electionOpenStep, transferOpenStep, evaluationOpenStep, evaluationRecordGrades, assessmentOpenReport, yearEndOpenRating } = handlers();
    expect(rolesAllowing('ses:SendEmail')).toEqual([
      roleOf(staffSite), roleOf(awaitOutcomes), roleOf(approvalRequest), roleOf(approvalSite), roleOf(tick), roleOf(awaitStep), roleOf(file), roleOf(electionOpenStep), roleOf(transferOpenStep), roleOf(evaluationOpenStep), roleOf(evaluationRecordGrades), roleOf(assessmentOpenReport), roleOf(yearEndOpenRating),
    ].sort());
    for (const statement of statementsWith('ses:SendEmail')) {
      expect(actionsOf(statement).sort()).toEqual(['ses:SendEmail', 'ses:SendRawEmail']);
      expect(statement.Condition).toEqual({ StringEquals: { 'ses:FromAddress': PLACEHOLDER_MAIL_FROM } });
      const resources = JSON.stringify(statement.Resource);
      expect(resources).toContain(`:identity/${PLACEHOLDER_MAIL_FROM}`);
      expect(resources).toContain(':configuration-set/');
      expect(resources).not.toContain('*');
    }
  });

  test('every handler reads and writes the table; the state machine and the schedule roles do not', () => {
    const { stack, template } = synthesized;
    const table = logicalId(stack, stack.data.table);
    for (const fn of Object.values(handlers())) {
      const dynamo = statementsOfRole(template, stack, fn.role!).filter((s) => actionsOf(s).some((a) => a.startsWith('dynamodb:')));
      expect(dynamo.length).toBeGreaterThan(0);
      expect(JSON.stringify(dynamo.map((s) => s.Resource))).toContain(table);
    }
    for (const role of [stack.notice.workflow.stateMachine.role, stack.scheduler.role]) {
      expect(statementsOfRole(template, stack, role).flatMap(actionsOf).filter((a) => a.startsWith('dynamodb:'))).toEqual([]);
    }
  });

  test('every handler writes logs only to its own log group', () => {
    const { stack, template } = synthesized;
    for (const fn of Object.values(handlers())) {
      const logs = statementsOfRole(template, stack, fn.role!).filter((s) => actionsOf(s).some((a) => a.startsWith('logs:')));
      expect(logs).toHaveLength(1);
      const logGroup = (template.findResources('AWS::Lambda::Function')[logicalId(stack, fn)] as { Properties: { LoggingConfig: { LogGroup: unknown } } })
        .Properties.LoggingConfig.LogGroup;
      expect(logs[0].Resource).toEqual({ 'Fn::GetAtt': [(logGroup as { Ref: string }).Ref, 'Arn'] });
    }
  });
});
