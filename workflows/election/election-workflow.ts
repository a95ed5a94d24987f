import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import {
  Choice, Condition, IntegrationPattern, JsonPath, Map as MapState, StateMachine, Succeed, TaskInput, type IStateMachine, type State,
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

/** A phase of the procedure: the state it starts with, and how it goes on to the next phase. */
interface Phase {
  entry: State;
  then(next: State): void;
}

/**
 * A branch election (docs/domain/elections.md): the six steps in the three forms, one Standard execution `election-<id>` per
 * election (300 days at most, well under the year). Input: { electionId, form }. Human steps wait on callbacks
 * ('election-step' pending tasks); the higher organization decides in nested approval executions; the candidates
 * are noticed in nested notice executions. Diagram: README.md.
 */
export class ElectionWorkflow extends Construct {
  readonly stateMachine: StateMachine;

  constructor(scope: Construct, id: string, private readonly props: ElectionWorkflowProps) {
    super(scope, id);
    // The procedure, top-down: request → publicize → evaluate → nominate → candidates → elect → results.
    const request = this.request();
    const publicize = this.publicize();
    const evaluate = this.evaluate();
    const nominate = this.nominate();
    const candidates = this.candidates(nominate.again);
    const elect = this.elect();
    const results = this.results(elect.entry);
    const phases = [request, publicize, evaluate, nominate, candidates, elect, results];
    phases.forEach((phase, index) => phase.then(phases[index + 1]?.entry ?? new Succeed(this, S.completed)));
    this.stateMachine = standardMachine(this, { workflow: 'election', definition: request.entry, timeoutDays: 300 });
  }

  /** Before step 1: the request to hold the election, decided by the higher organization. */
  private request(): Phase {
    const request = this.approval(S.prepareRequestApproval, S.requestApproval, S.noteRequestDecision, 'request');
    return {
      entry: request.entry,
      then: (next) => request.decided(new Choice(this, S.routeRequestDecision).when(APPROVED, next).otherwise(new Succeed(this, S.requestRejected))),
    };
  }

  /**
   * 1. Publicize and mobilize. The announcement becomes an internal notice: started, not awaited (the notice machine
   * ends it by itself). A retried start of the same name and input is idempotent while it runs; once it has ended
   * AWS refuses the name: caught.
   */
  private publicize(): Phase {
    const announcement = this.human(S.announcement, 'announcement', true);
    const mobilization = this.human(S.mobilizationMeeting, 'mobilization');
    const prepareAnnouncement = this.lambda(S.prepareAnnouncementNotice, this.props.prepareAnnouncement, {}, '$.announcementNotice');
    const publishAnnouncement = new StepFunctionsStartExecution(this, S.publishAnnouncementNotice, {
      stateMachine: this.props.noticeStateMachine,
      integrationPattern: IntegrationPattern.REQUEST_RESPONSE,
      name: JsonPath.format('notice-{}', JsonPath.stringAt('$.announcementNotice.draft.id')),
      input: TaskInput.fromObject({ notice: JsonPath.objectAt('$.announcementNotice.draft') }),
      resultPath: JsonPath.DISCARD,
    });
    publishAnnouncement.addCatch(mobilization, { errors: ['StepFunctions.ExecutionAlreadyExistsException'], resultPath: JsonPath.DISCARD });
    announcement.next(prepareAnnouncement).next(publishAnnouncement).next(mobilization);
    return { entry: announcement, then: (next) => mobilization.next(next) };
  }

  /** 2. Work reports and evaluation. */
  private evaluate(): Phase {
    const evaluation = this.human(S.workReportsAndEvaluation, 'evaluation');
    return { entry: evaluation, then: (next) => evaluation.next(next) };
  }

  /** 3. Democratic recommendation (公推直选, standard; again while too few are recommended) or the open ballot (海选). `again`: back here. */
  private nominate(): Phase & { again: State } {
    const recommendation = this.human(S.democraticRecommendation, 'recommendation');
    const openBallot = this.human(S.openBallot, 'open-ballot');
    const route = (name: string) => new Choice(this, name).when(isForm('haixuan'), openBallot).otherwise(recommendation);
    const entry = route(S.routeNomination);
    const again = route(S.backToNomination);
    return {
      entry,
      again,
      then: (next) => {
        recommendation.next(new Choice(this, S.routeRecommendation).when(Condition.booleanEquals('$.step.short', true), recommendation).otherwise(next));
        openBallot.next(new Choice(this, S.routeOpenBallot).when(Condition.booleanEquals('$.step.repeat', true), openBallot).otherwise(next));
      },
    };
  }

  /** 4. The preliminary candidates: approved by the higher organization, then noticed. Rejected or stopped: `again`. */
  private candidates(again: State): Phase {
    const candidates = this.approval(S.prepareCandidateApproval, S.candidateListApproval, S.noteCandidateDecision, 'candidate-list');
    const prepareNotices = this.lambda(S.prepareCandidateNotice, this.props.prepareNotices, {}, '$.notices');
    const noticeRun = new StepFunctionsStartExecution(this, S.candidateNoticeRun, {
      stateMachine: this.props.noticeStateMachine,
      integrationPattern: IntegrationPattern.RUN_JOB,
      name: JsonPath.format('notice-{}', JsonPath.stringAt('$.id')),
      input: TaskInput.fromObject({ notice: JsonPath.objectAt('$') }),
      resultSelector: { 'noticeId.$': '$.Output.noticeId', 'result.$': '$.Output.result' },
    });
    const noticeMap = new MapState(this, S.candidateNotice, { itemsPath: '$.notices.drafts', resultPath: '$.noticeResults' }).itemProcessor(noticeRun);
    const noteNotices = this.lambda(S.noteNoticeResults, this.props.noteNotices, { results: JsonPath.objectAt('$.noticeResults') }, '$.noticed');
    candidates.decided(new Choice(this, S.routeCandidateDecision).when(APPROVED, prepareNotices).otherwise(again));
    return {
      entry: candidates.entry,
      then: (next) => {
        prepareNotices.next(noticeMap).next(noteNotices).next(
          new Choice(this, S.routeNoticeResults).when(Condition.booleanEquals('$.noticed.stopped', true), again).otherwise(next),
        );
      },
    };
  }

  /** 5. The election: rounds until the seats are filled (or the meeting decides on the unfilled seats), then the officers. */
  private elect(): Phase {
    const round = this.human(S.electionRound, 'election-round');
    const seatsDecision = this.human(S.seatsDecision, 'seats-decision');
    const officersRound = this.human(S.officersRound, 'officers-round');
    const officersMeeting = this.human(S.officersMeeting, 'officers-meeting');
    const routeOfficers = new Choice(this, S.routeOfficers).when(isForm('gongtui'), officersRound).otherwise(officersMeeting);
    round.next(
      new Choice(this, S.routeRound)
        .when(Condition.stringEquals('$.step.decision', 'complete'), routeOfficers)
        .when(Condition.stringEquals('$.step.decision', 'unfilled'), seatsDecision)
        .otherwise(round),
    );
    seatsDecision.next(new Choice(this, S.routeSeatsDecision).when(Condition.stringEquals('$.step.decision', 'further'), round).otherwise(routeOfficers));
    return {
      entry: round,
      then: (next) => {
        officersRound.next(new Choice(this, S.routeOfficersRound).when(Condition.booleanEquals('$.step.officersDone', true), next).otherwise(officersRound));
        officersMeeting.next(next);
      },
    };
  }

  /** 6. The results, approved by the higher organization and recorded; rejected: another round (`round`) or ended. */
  private results(round: State): Phase {
    const results = this.approval(S.prepareResultsApproval, S.resultsApproval, S.noteResultsDecision, 'election-result');
    const resultsRejected = this.human(S.resultsRejected, 'results-rejected');
    const recordResults = this.lambda(S.recordResults, this.props.recordResults, {}, '$.recorded');
    results.decided(new Choice(this, S.routeResultsDecision).when(APPROVED, recordResults).otherwise(resultsRejected));
    resultsRejected.next(
      new Choice(this, S.routeResultsRejected).when(Condition.stringEquals('$.step.decision', 'rerun'), round).otherwise(new Succeed(this, S.ended)),
    );
    return { entry: results.entry, then: (next) => recordResults.next(next) };
  }

  private lambda(name: string, fn: IFunction, payload: Record<string, unknown>, resultPath: string): LambdaInvoke {
    return new LambdaInvoke(this, name, { lambdaFunction: fn, payload: TaskInput.fromObject({ electionId: ELECTION_ID, ...payload }), payloadResponseOnly: true, resultPath });
  }

  /**
   * A human step. Its output (the recorded outcome with its `taskId`) goes to $.step, so every later human step is
   * told which task came before it (`after`): a repeated open of the same visit (retry, restart, redrive) then
   * finds its own task again, while a loop back to the step (another round) opens the next attempt.
   */
  private human(name: string, stepKey: ElectionStepKey, first = false): LambdaInvoke {
    return new LambdaInvoke(this, name, {
      lambdaFunction: this.props.openStep,
      integrationPattern: IntegrationPattern.WAIT_FOR_TASK_TOKEN,
      payload: TaskInput.fromObject({ electionId: ELECTION_ID, stepKey, taskToken: JsonPath.taskToken, ...(first ? {} : { after: JsonPath.stringAt('$.step.taskId') }) }),
      resultPath: '$.step',
    });
  }

  /** Prepare → the nested approval execution → record the decision; `decided` routes on $.noted.outcome. */
  private approval(prepare: string, ask: string, note: string, kind: ApprovalKind): { entry: State; decided(route: Choice): void } {
    const start = this.lambda(prepare, this.props.prepareApproval, { kind }, '$.approvalRequest');
    const run = new StepFunctionsStartExecution(this, ask, {
      stateMachine: this.props.approvalStateMachine,
      integrationPattern: IntegrationPattern.RUN_JOB,
      name: JsonPath.format('approval-{}', JsonPath.stringAt('$.approvalRequest.approval.approvalId')),
      input: TaskInput.fromObject({ approval: JsonPath.objectAt('$.approvalRequest.approval') }),
      resultSelector: { 'decision.$': '$.Output' },
      resultPath: '$.approvalRun',
    });
    const noted = this.lambda(note, this.props.noteDecision, { kind, decision: JsonPath.objectAt('$.approvalRun.decision') }, '$.noted');
    return { entry: start, decided: (route) => start.next(run).next(noted).next(route) };
  }
}

const ELECTION_ID = JsonPath.stringAt('$.electionId');
const APPROVED = Condition.stringEquals('$.noted.outcome', 'approved');
const isForm = (form: string) => Condition.stringEquals('$.form', form);
