import { synthesizeWorkflows, type AslDefinition } from '../../../infra/aws/asl';
import { DevelopmentHandler } from '../../../workflows/development/development-states';

describe('the five development stage machines (synthesized ASL)', () => {
  let workflows: Record<string, AslDefinition>;
  beforeAll(() => {
    workflows = synthesizeWorkflows();
  });
  const stage = (n: number) => workflows[`development-stage-${n}`];

  test('one machine per stage, each well under a year and without any Wait state (long periods are case dates)', () => {
    for (const n of [1, 2, 3, 4, 5]) {
      expect(stage(n).TimeoutSeconds).toBe(300 * 86_400);
      expect(Object.values(stage(n).States).filter((s) => s.Type === 'Wait')).toEqual([]);
    }
  });

  test('states are the steps in English, in the order of docs/domain/development.md', () => {
    expect(stage(1).StartAt).toBe('Talk');
    expect(stage(2).StartAt).toBe('ActivistDecision');
    expect(Object.keys(stage(2).States)).toEqual(expect.arrayContaining(['ActivistNoticeOn', 'PrepareActivistNotice', 'ActivistNotice', 'RouteActivistNotice', 'ActivistNoticeReview', 'ActivistFiling', 'Contacts', 'StageCompleted', 'StageStopped']));
    expect(Object.keys(stage(4).States)).toEqual(expect.arrayContaining(['CommitteeReview', 'PreReview', 'AdmissionNotice', 'ApplicationForm', 'GeneralMeeting', 'RouteGeneralMeeting', 'Interview', 'AdmissionApproval', 'AdmissionFiling', 'StageVoteFailed', 'StageBlocked']));
    expect(Object.keys(stage(5).States)).toEqual(expect.arrayContaining(['ConversionApplication', 'ConversionNotice', 'ConversionMeeting', 'ConversionApproval', 'Archive', 'StageExtended', 'StageCancelled']));
    // The application form is reached only through the admission notice (or with the node off).
    expect(stage(4).States.RouteAdmissionNotice.Default).toBe('ApplicationForm');
    expect((stage(4).States.AdmissionNoticeOn.Choices as Array<{ Variable: string; Next: string }>)[0]).toMatchObject({ Variable: '$.ruleSet.noticeNodes.admission', Next: 'PrepareAdmissionNotice' });
    expect(stage(4).States.AdmissionNoticeOn.Default).toBe('ApplicationForm');
  });

  test('notices and approvals are nested executions with deterministic names; forms wait for a task token', () => {
    expect(stage(4).States.AdmissionNotice).toMatchObject({ Resource: 'arn:aws:states:::states:startExecution.sync:2', Parameters: { StateMachineArn: 'arn:aws:states:local:000000000000:stateMachine:notice', 'Name.$': "States.Format('notice-{}', $.noticeDraft.notice.id)" } });
    expect(stage(4).States.AdmissionApproval).toMatchObject({ Resource: 'arn:aws:states:::states:startExecution.sync:2', Parameters: { StateMachineArn: 'arn:aws:states:local:000000000000:stateMachine:approval' } });
    expect(stage(4).States.GeneralMeeting).toMatchObject({ Resource: 'arn:aws:states:::lambda:invoke.waitForTaskToken', Parameters: { FunctionName: `arn:aws:lambda:local:000000000000:function:${DevelopmentHandler.awaitStep}` } });
    const handlers = new Set(JSON.stringify(workflows).match(/function:development-[a-z-]+/g));
    expect([...handlers].map((h) => h.slice('function:'.length)).sort()).toEqual(Object.values(DevelopmentHandler).sort());
  });
});
