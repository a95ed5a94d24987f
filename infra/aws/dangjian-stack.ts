import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import type { Policy } from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { ApprovalProcess } from './constructs/approval-process';
import { AssessmentProcess } from './constructs/assessment-process';
import { DataStore } from './constructs/data-store';
import { ElectionProcess } from './constructs/election-process';
import { TransferProcess } from './constructs/transfer-process';
import { EvaluationProcess } from './constructs/evaluation-process';
import { DevelopmentProcess } from './constructs/development-process';
import { WebApi } from './constructs/http-api';
import { Mail, PLACEHOLDER_MAIL_FROM, type SmtpProps } from './constructs/mail';
import { NoticeProcess } from './constructs/notice-process';
import { Scheduler } from './constructs/scheduler';
import { OperationsAlarms } from './constructs/operations-alarms';
import { offersThreatProtection, StaffAuth } from './constructs/staff-auth';
import { handlerFunctions, watchedMachines } from './watched-resources';
import { grantStageControl, grantStartAndCallback, grantStartExecutions, grantStopExecutions, grantTaskCallback, grantTaskCallbackOn } from './constructs/workflow-grants';

export interface DangjianStackProps extends StackProps {
  /** Sender address of all mail (context `mailFrom`). */
  mailFrom?: string;
  /** Domain to create an SES identity for (context `mailDomain`). */
  mailDomain?: string;
  /** Base URL of the site for links in mails (context `publicBaseUrl`); empty: the request's host. */
  publicBaseUrl?: string;
  /** Mail through SMTP instead of SES (context mailTransport=smtp, smtpHost, smtpPort, smtpSecurity, smtpSecret). */
  smtp?: SmtpProps;
  /** Address the operations alarms mail (context `alarmEmail`); none: the alarm topic has no subscriber. */
  alarmEmail?: string;
  /** Every staff account must use TOTP (context `requireMfa`); default: optional. */
  requireMfa?: boolean;
}

/** Everything dangjian-flow runs on in one AWS account and region. */
export class DangjianStack extends Stack {
  readonly data: DataStore;
  readonly notice: NoticeProcess;
  /** The approval step by e-mail link (nested in the processes that need a higher committee's decision). */
  readonly approval: ApprovalProcess;
  /** Branch elections (nesting the approval and notice processes). */
  readonly election: ElectionProcess;
  /** Transfers of membership (组织关系转接). */
  readonly transfer: TransferProcess;
  /** The annual democratic evaluation of members (nesting the approval and notice processes). */
  readonly evaluation: EvaluationProcess;
  /** Member development: five stage machines (issue 5). */
  readonly development: DevelopmentProcess;
  /** The party-building target assessment: one execution per organization and period (issue 16). */
  readonly assessment: AssessmentProcess;
  readonly auth: StaffAuth;
  readonly mail: Mail;
  readonly web: WebApi;
  readonly scheduler: Scheduler;
  /** Alarms on failed executions and Lambda errors, mailed through one SNS topic. */
  readonly alarms: OperationsAlarms;
  /** The scheduler's StopExecution grant on approvals (the admission approval's hard stop). */
  readonly stopApprovalPolicy: Policy;
  readonly stageControlPolicy: Policy;
  /** The objection step's own SendTaskSuccess grant. */
  readonly noticeCallbackPolicy: Policy;
  /** The election's open-step task answers a step already done (SendTaskSuccess on its own machine). */
  readonly electionCallbackPolicy: Policy;
  /** The transfer's open-step task answers a step already done (SendTaskSuccess on its own machine). */
  readonly transferCallbackPolicy: Policy;
  /** The evaluation's open-step task answers a step already done (SendTaskSuccess on its own machine). */
  readonly evaluationCallbackPolicy: Policy;

  constructor(scope: Construct, id: string, props: DangjianStackProps = {}) {
    super(scope, id, props);
    const publicBaseUrl = props.publicBaseUrl ?? '';
    this.data = new DataStore(this, 'Data');
    this.notice = new NoticeProcess(this, 'Notice', { table: this.data.table });
    this.auth = new StaffAuth(this, 'StaffAuth', { threatProtection: offersThreatProtection(this.region), requireMfa: props.requireMfa ?? false });
    this.mail = new Mail(this, 'Mail', { mailFrom: props.mailFrom ?? PLACEHOLDER_MAIL_FROM, mailDomain: props.mailDomain, smtp: props.smtp });
    this.approval = new ApprovalProcess(this, 'Approval', { table: this.data.table, mail: this.mail });
    this.election = new ElectionProcess(this, 'Election', {
      table: this.data.table,
      mail: this.mail,
      approvalStateMachine: this.approval.workflow.stateMachine,
      noticeStateMachine: this.notice.workflow.stateMachine,
    });
    this.transfer = new TransferProcess(this, 'Transfer', { table: this.data.table, mail: this.mail });
    this.evaluation = new EvaluationProcess(this, 'Evaluation', {
      table: this.data.table,
      mail: this.mail,
      approvalStateMachine: this.approval.workflow.stateMachine,
      noticeStateMachine: this.notice.workflow.stateMachine,
    });
    this.development = new DevelopmentProcess(this, 'Development', {
      table: this.data.table,
      mail: this.mail,
      notice: this.notice.workflow.stateMachine,
      approval: this.approval.workflow.stateMachine,
    });
    this.web = new WebApi(this, 'Web', {
      table: this.data.table,
      noticeStateMachine: this.notice.workflow.stateMachine,
      approvalStateMachine: this.approval.workflow.stateMachine,
      electionStateMachine: this.election.workflow.stateMachine,
      transferStateMachine: this.transfer.workflow.stateMachine,
      evaluationStateMachine: this.evaluation.workflow.stateMachine,
      developmentStateMachines: this.development.stateMachines,
      auth: this.auth,
      mail: this.mail,
      publicBaseUrl,
    });
    // Functions outside a request have no host to take: without publicBaseUrl their links point at the API's own URL.
    const siteUrl = publicBaseUrl || this.web.url.replace(/\/$/, '');
    const machine = this.notice.workflow.stateMachine;
    this.approval.request.addEnvironment('PUBLIC_BASE_URL', siteUrl);
    this.scheduler = new Scheduler(this, 'Scheduler', {
      table: this.data.table,
      mail: this.mail,
      noticeStateMachine: machine,
      electionStateMachine: this.election.workflow.stateMachine,
      transferStateMachine: this.transfer.workflow.stateMachine,
      publicBaseUrl: siteUrl,
    });
    // Member development: mails carry links; a form step asked again answers the stage; staff start stages and
    // complete form steps, and stop a stage when a case is ended; the tick retries their callbacks and stops an admission approval past its hard stop.
    const { awaitStep, file } = this.development.functions;
    for (const fn of [awaitStep, file]) fn.addEnvironment('PUBLIC_BASE_URL', siteUrl);
    grantTaskCallbackOn(awaitStep, this.development.stateMachines);
    this.stageControlPolicy = grantStageControl(this.web.functions['http-staff'], this.development.stateMachines);
    grantTaskCallbackOn(this.scheduler.tick, this.development.stateMachines, 'DevelopmentCallbackPolicy');
    this.stopApprovalPolicy = grantStopExecutions(this.scheduler.tick, this.approval.workflow.stateMachine);
    // The objection step mails staff a link and, asked again for a step already decided (redrive), answers it.
    const { awaitOutcomes } = this.notice;
    awaitOutcomes.addEnvironment('PUBLIC_BASE_URL', siteUrl);
    this.mail.grantSend(awaitOutcomes);
    this.noticeCallbackPolicy = grantTaskCallback(awaitOutcomes, machine);
    const { openStep } = this.election;
    openStep.addEnvironment('PUBLIC_BASE_URL', siteUrl);
    this.election.prepareApproval.addEnvironment('PUBLIC_BASE_URL', siteUrl);
    this.electionCallbackPolicy = grantTaskCallback(openStep, this.election.workflow.stateMachine);
    this.transfer.openStep.addEnvironment('PUBLIC_BASE_URL', siteUrl);
    this.transferCallbackPolicy = grantTaskCallback(this.transfer.openStep, this.transfer.workflow.stateMachine);
    // The assessment: the tick opens periods (starts executions) and retries callbacks; the staff site's report and
    // review forms complete the callback tasks.
    this.assessment = new AssessmentProcess(this, 'Assessment', { table: this.data.table, mail: this.mail, noticeStateMachine: machine, approvalStateMachine: this.approval.workflow.stateMachine, publicBaseUrl: siteUrl });
    const assessmentMachine = this.assessment.workflow.stateMachine;
    for (const fn of [this.scheduler.tick, this.web.functions['http-staff']]) fn.addEnvironment('ASSESSMENT_STATE_MACHINE_ARN', assessmentMachine.stateMachineArn);
    grantStartAndCallback(this.scheduler.tick, [assessmentMachine], 'AssessmentPolicy');
    grantTaskCallbackOn(this.web.functions['http-staff'], [assessmentMachine, this.assessment.yearEnd.stateMachine], 'AssessmentCallbackPolicy');
    // The year end: committee staff start its one execution and complete its rating task from the staff site.
    const yearEndMachine = this.assessment.yearEnd.stateMachine;
    this.web.functions['http-staff'].addEnvironment('ASSESSMENT_YEAR_END_STATE_MACHINE_ARN', yearEndMachine.stateMachineArn);
    grantStartExecutions(this.web.functions['http-staff'], yearEndMachine, 'AssessmentYearEndStartPolicy');
    this.evaluation.openStep.addEnvironment('PUBLIC_BASE_URL', siteUrl);
    this.evaluation.prepareApproval.addEnvironment('PUBLIC_BASE_URL', siteUrl);
    this.evaluationCallbackPolicy = grantTaskCallback(this.evaluation.openStep, this.evaluation.workflow.stateMachine);
    this.alarms = new OperationsAlarms(this, 'Alarms', { machines: watchedMachines(this), functions: handlerFunctions(this), alarmEmail: props.alarmEmail });

    new CfnOutput(this, 'ApiUrl', { value: this.web.url, description: 'URL of the public notice board and the staff site (/staff)' });
    new CfnOutput(this, 'UserPoolId', { value: this.auth.userPoolId, description: 'Staff user pool' });
    new CfnOutput(this, 'UserPoolClientId', { value: this.auth.clientId, description: 'App client of the staff site' });
    new CfnOutput(this, 'AlarmTopicArn', { value: this.alarms.topic.topicArn, description: 'SNS topic of the alarms (subscribe more addresses here)' });
    new CfnOutput(this, 'DataTableName', { value: this.data.table.tableName, description: 'The data table (admin create --aws, import)' });
    this.mail.identity?.dkimRecords.forEach((record, index) => {
      new CfnOutput(this, `DkimRecord${index + 1}`, { value: `${record.name} CNAME ${record.value}`, description: 'DNS record for SES DKIM' });
    });
  }
}
