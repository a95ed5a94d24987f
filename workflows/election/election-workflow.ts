import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import {
  Choice, Condition, IntegrationPattern, JsonPath, Map as MapState, StateMachine, Succeed, TaskInput, type IStateMachine,
} from 'aws-cdk-lib/aws-stepfunctions';
import { LambdaInvoke, StepFunctionsStartExecution } from 'aws-cdk-lib/aws-stepfunctions-tasks';
import { Construct } from 'constructs';
import type { ElectionStepKey } from '../../shared/domain/election/election';
import { standardMachine } from '../standard-machine';
import { ElectionState as S } from './election-states';

export interface ElectionWorkflowProps {
  openStep: IFunction;
  prepareApproval: IFunction;
  noteDecision: IFunction;
  prepareAnnouncement: IFunction;
  prepareNotices: IFunction;
  noteNotices: IFunction;
  recordResults: IFunction;
  approvalStateMachine: IStateMachine;
  noticeStateMachine: IStateMachine;
}

type ApprovalKind = 'request' | 'candidate-list' | 'election-result';

/**
 * A branch election (docs/domain/elections.md): the six steps in the three forms, one Standard execution `election-<id>` per
 * election (300 days at most, well under the year). Input: { electionId, form }. Human steps wait on callbacks
 * ('election-step' pending tasks); the higher organization decides in nested approval executions; the candidates
 * are noticed in nested notice executions. Diagram: README.md.
 */
export class ElectionWorkflow extends Construct {
  readonly stateMachine: StateMachine;

  constructor(scope: Construct, id: string, props: ElectionWorkflowProps) {
    super(scope, id);
    const electionId = JsonPath.stringAt('$.electionId');
    const lambda = (name: string, fn: IFunction, payload: Record<string, unknown>, resultPath: string) =>
      new LambdaInvoke(this, name, { lambdaFunction: fn, payload: TaskInput.fromObject({ electionId, ...payload }), payloadResponseOnly: true, resultPath });
    /**
     * A human step. Its output (the recorded outcome with its `taskId`) goes to $.step, so every later human step is
     * told which task came before it (`after`): a repeated open of the same visit (retry, restart, redrive) then
     * finds its own task again, while a loop back to the step (another round) opens the next attempt.
     */
    const human = (name: string, stepKey: ElectionStepKey, first = false) =>
      new LambdaInvoke(this, name, {
        lambdaFunction: props.openStep,
        integrationPattern: IntegrationPattern.WAIT_FOR_TASK_TOKEN,
        payload: TaskInput.fromObject({ electionId, stepKey, taskToken: JsonPath.taskToken, ...(first ? {} : { after: JsonPath.stringAt('$.step.taskId') }) }),
        resultPath: '$.step',
      });
    /** Prepare → the nested approval execution → record the decision; the caller routes on $.noted.outcome. */
    const approval = (prepare: string, ask: string, note: string, kind: ApprovalKind) => {
      const run = new StepFunctionsStartExecution(this, ask, {
        stateMachine: props.approvalStateMachine,
        integrationPattern: IntegrationPattern.RUN_JOB,
        name: JsonPath.format('approval-{}', JsonPath.stringAt('$.approvalRequest.approval.approvalId')),
        input: TaskInput.fromObject({ approval: JsonPath.objectAt('$.approvalRequest.approval') }),
        resultSelector: { 'decision.$': '$.Output' },
        resultPath: '$.approvalRun',
      });
      const noted = lambda(note, props.noteDecision, { kind, decision: JsonPath.objectAt('$.approvalRun.decision') }, '$.noted');
      return { start: lambda(prepare, props.prepareApproval, { kind }, '$.approvalRequest'), run, noted };
    };
    const approved = Condition.stringEquals('$.noted.outcome', 'approved');
    const isForm = (form: string) => Condition.stringEquals('$.form', form);

    // 1. Publicize and mobilize
    const request = approval(S.prepareRequestApproval, S.requestApproval, S.noteRequestDecision, 'request');
    const announcement = human(S.announcement, 'announcement', true);
    const mobilization = human(S.mobilizationMeeting, 'mobilization');
    // The announcement as an internal notice: started, not awaited (the notice machine ends it by itself). A retried
    // start of the same name and input is idempotent while it runs; once it has ended AWS refuses the name: caught.
    const prepareAnnouncement = lambda(S.prepareAnnouncementNotice, props.prepareAnnouncement, {}, '$.announcementNotice');
    const publishAnnouncement = new StepFunctionsStartExecution(this, S.publishAnnouncementNotice, {
      stateMachine: props.noticeStateMachine,
      integrationPattern: IntegrationPattern.REQUEST_RESPONSE,
      name: JsonPath.format('notice-{}', JsonPath.stringAt('$.announcementNotice.draft.id')),
      input: TaskInput.fromObject({ notice: JsonPath.objectAt('$.announcementNotice.draft') }),
      resultPath: JsonPath.DISCARD,
    });
    publishAnnouncement.addCatch(mobilization, { errors: ['StepFunctions.ExecutionAlreadyExistsException'], resultPath: JsonPath.DISCARD });
    // 2. Work reports and evaluation
    const evaluation = human(S.workReportsAndEvaluation, 'evaluation');
    // 3. Recommendation / open ballot
    const recommendation = human(S.democraticRecommendation, 'recommendation');
    const openBallot = human(S.openBallot, 'open-ballot');
    // 4. Candidates: approval, notice
    const candidates = approval(S.prepareCandidateApproval, S.candidateListApproval, S.noteCandidateDecision, 'candidate-list');
    const backToNomination = new Choice(this, S.backToNomination).when(isForm('haixuan'), openBallot).otherwise(recommendation);
    const prepareNotices = lambda(S.prepareCandidateNotice, props.prepareNotices, {}, '$.notices');
    const noticeRun = new StepFunctionsStartExecution(this, S.candidateNoticeRun, {
      stateMachine: props.noticeStateMachine,
      integrationPattern: IntegrationPattern.RUN_JOB,
      name: JsonPath.format('notice-{}', JsonPath.stringAt('$.id')),
      input: TaskInput.fromObject({ notice: JsonPath.objectAt('$') }),
      resultSelector: { 'noticeId.$': '$.Output.noticeId', 'result.$': '$.Output.result' },
    });
    const noticeMap = new MapState(this, S.candidateNotice, { itemsPath: '$.notices.drafts', resultPath: '$.noticeResults' }).itemProcessor(noticeRun);
    const noteNotices = lambda(S.noteNoticeResults, props.noteNotices, { results: JsonPath.objectAt('$.noticeResults') }, '$.noticed');
    // 5. Election
    const round = human(S.electionRound, 'election-round');
    const seatsDecision = human(S.seatsDecision, 'seats-decision');
    const officersRound = human(S.officersRound, 'officers-round');
    const officersMeeting = human(S.officersMeeting, 'officers-meeting');
    // 6. Results
    const results = approval(S.prepareResultsApproval, S.resultsApproval, S.noteResultsDecision, 'election-result');
    const resultsRejected = human(S.resultsRejected, 'results-rejected');
    const recordResults = lambda(S.recordResults, props.recordResults, {}, '$.recorded');

    const routeOfficers = new Choice(this, S.routeOfficers).when(isForm('gongtui'), officersRound).otherwise(officersMeeting);
    request.start.next(request.run).next(request.noted).next(
      new Choice(this, S.routeRequestDecision).when(approved, announcement).otherwise(new Succeed(this, S.requestRejected)),
    );
    announcement.next(prepareAnnouncement).next(publishAnnouncement).next(mobilization).next(evaluation).next(new Choice(this, S.routeNomination).when(isForm('haixuan'), openBallot).otherwise(recommendation));
    recommendation.next(new Choice(this, S.routeRecommendation).when(Condition.booleanEquals('$.step.short', true), recommendation).otherwise(candidates.start));
    openBallot.next(new Choice(this, S.routeOpenBallot).when(Condition.booleanEquals('$.step.repeat', true), openBallot).otherwise(candidates.start));
    candidates.start.next(candidates.run).next(candidates.noted).next(
      new Choice(this, S.routeCandidateDecision).when(approved, prepareNotices).otherwise(backToNomination),
    );
    prepareNotices.next(noticeMap).next(noteNotices).next(
      new Choice(this, S.routeNoticeResults).when(Condition.booleanEquals('$.noticed.stopped', true), backToNomination).otherwise(round),
    );
    round.next(
      new Choice(this, S.routeRound)
        .when(Condition.stringEquals('$.step.decision', 'complete'), routeOfficers)
        .when(Condition.stringEquals('$.step.decision', 'unfilled'), seatsDecision)
        .otherwise(round),
    );
    seatsDecision.next(new Choice(this, S.routeSeatsDecision).when(Condition.stringEquals('$.step.decision', 'further'), round).otherwise(routeOfficers));
    officersRound.next(new Choice(this, S.routeOfficersRound).when(Condition.booleanEquals('$.step.officersDone', true), results.start).otherwise(officersRound));
    officersMeeting.next(results.start);
    results.start.next(results.run).next(results.noted).next(
      new Choice(this, S.routeResultsDecision).when(approved, recordResults.next(new Succeed(this, S.completed))).otherwise(resultsRejected),
    );
    resultsRejected.next(
      new Choice(this, S.routeResultsRejected).when(Condition.stringEquals('$.step.decision', 'rerun'), round).otherwise(new Succeed(this, S.ended)),
    );

    this.stateMachine = standardMachine(this, { workflow: 'election', definition: request.start, timeoutDays: 300 });
  }
}
