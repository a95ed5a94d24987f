import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import {
  CfnStage, HttpApi, HttpMethod, HttpStage, LogGroupLogDestination, type HttpRoute,
} from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import type { Policy } from 'aws-cdk-lib/aws-iam';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { StateMachine } from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import { HTTP_HANDLER_ENTRIES, ROUTES, type HttpHandlerId, type RouteDefinition } from '../../../functions/http/routes';
import { HandlerFunction } from './handler-function';
import type { Mail } from './mail';
import type { StaffAuth } from './staff-auth';
import { grantTaskCallbackAndFailure, grantWorkflowControl } from './workflow-grants';

/** Throttling of the whole API, per second (steady rate) and in a burst. */
export const API_THROTTLE = { rateLimit: 50, burstLimit: 100 } as const;
/** Stricter throttling of the one anonymous write: objections to a public notice. */
export const OBJECTION_ROUTE_KEY = 'POST /notices/{noticeId}/objections';
export const OBJECTION_THROTTLE = { rateLimit: 5, burstLimit: 10 } as const;
/** The approvers' links (审批链接): anonymous, so throttled as strictly (guessing ids is hopeless anyway, 128 bits). */
export const APPROVAL_LINK_ROUTE_KEYS = ['GET /approvals/{linkId}', 'HEAD /approvals/{linkId}', 'POST /approvals/{linkId}'] as const;
export const APPROVAL_LINK_THROTTLE = { rateLimit: 5, burstLimit: 10 } as const;

export interface HttpApiProps {
  table: ITable;
  noticeStateMachine: StateMachine;
  /** The approval state machine: only the approval site (http-approval) may complete or fail its tasks. */
  approvalStateMachine: StateMachine;
  /** The election state machine: the staff site starts elections and completes their steps. */
  electionStateMachine: StateMachine;
  /** The transfer state machine: the staff site starts transfers and completes their steps. */
  transferStateMachine: StateMachine;
  /** The evaluation state machine: the staff site starts evaluations and completes their steps. */
  evaluationStateMachine: StateMachine;
  /** The five stage machines of member development (stage 1 first). */
  developmentStateMachines: StateMachine[];
  auth: StaffAuth;
  mail: Mail;
  /** Base URL of the site for links in mails; empty: the handlers use the request's host. */
  publicBaseUrl: string;
}

export function routeKey(route: RouteDefinition): string {
  return `${route.method} ${route.path}`;
}

/**
 * The public notice board and the staff site: an HTTP API with one route per entry of ROUTES,
 * each integrated with the Lambda of its handler id; access logs and throttling on the stage.
 */
export class WebApi extends Construct {
  readonly api: HttpApi;
  readonly stage: HttpStage;
  readonly functions: Record<HttpHandlerId, HandlerFunction>;
  readonly routes = new Map<string, { route: HttpRoute; definition: RouteDefinition }>();
  /** The staff site's grants on the notice state machine. */
  readonly workflowPolicy: Policy;
  /** The approval site's grants on the approval state machine (SendTaskSuccess/Failure, nothing else). */
  readonly approvalCallbackPolicy: Policy;

  constructor(scope: Construct, id: string, props: HttpApiProps) {
    super(scope, id);
    const environment = {
      TABLE_NAME: props.table.tableName,
      NOTICE_STATE_MACHINE_ARN: props.noticeStateMachine.stateMachineArn,
      APPROVAL_STATE_MACHINE_ARN: props.approvalStateMachine.stateMachineArn,
      ELECTION_STATE_MACHINE_ARN: props.electionStateMachine.stateMachineArn,
      TRANSFER_STATE_MACHINE_ARN: props.transferStateMachine.stateMachineArn,
      EVALUATION_STATE_MACHINE_ARN: props.evaluationStateMachine.stateMachineArn,
      ...Object.fromEntries(props.developmentStateMachines.map((m, i) => [`DEVELOPMENT_STAGE_${i + 1}_STATE_MACHINE_ARN`, m.stateMachineArn])),
      USER_POOL_ID: props.auth.userPoolId,
      USER_POOL_CLIENT_ID: props.auth.clientId,
      // The name functions/adapters/cognito-authenticator.ts reads.
      COGNITO_CLIENT_ID: props.auth.clientId,
      MAIL_FROM: props.mail.mailFrom,
      PUBLIC_BASE_URL: props.publicBaseUrl,
    };
    const fn = (constructId: string, handlerId: HttpHandlerId) =>
      new HandlerFunction(this, constructId, { handlerId, entry: HTTP_HANDLER_ENTRIES[handlerId], environment });
    this.functions = {
      'http-public': fn('PublicSite', 'http-public'),
      'http-staff': fn('StaffSite', 'http-staff'),
      'http-approval': fn('ApprovalSite', 'http-approval'),
    };

    this.api = new HttpApi(this, 'Api', { description: 'dangjian-flow: public notice board and staff site', createDefaultStage: false });
    const accessLogs = new LogGroup(this, 'AccessLogs', { retention: RetentionDays.SIX_MONTHS });
    this.stage = new HttpStage(this, 'DefaultStage', {
      httpApi: this.api,
      stageName: '$default',
      autoDeploy: true,
      throttle: API_THROTTLE,
      accessLogSettings: { destination: new LogGroupLogDestination(accessLogs), format: accessLogFormat() },
    });

    const integrations = Object.fromEntries(Object.entries(this.functions).map(([handlerId, handler]) =>
      [handlerId, new HttpLambdaIntegration(`${handlerId}-integration`, handler, { scopePermissionToRoute: false })]));
    for (const definition of ROUTES) {
      const [route] = this.api.addRoutes({
        path: definition.path,
        methods: [HttpMethod[definition.method]],
        integration: integrations[definition.handlerId],
      });
      this.routes.set(routeKey(definition), { route, definition });
    }

    const throttled: [string, { rateLimit: number; burstLimit: number }][] = [
      [OBJECTION_ROUTE_KEY, OBJECTION_THROTTLE],
      ...APPROVAL_LINK_ROUTE_KEYS.map((key) => [key, APPROVAL_LINK_THROTTLE] as [string, typeof APPROVAL_LINK_THROTTLE]),
    ];
    const cfnStage = this.stage.node.defaultChild as CfnStage;
    // RouteSettings is untyped JSON, passed to CloudFormation as is: its keys must already be PascalCase.
    cfnStage.routeSettings = Object.fromEntries(throttled.map(([key, limits]) =>
      [key, { ThrottlingRateLimit: limits.rateLimit, ThrottlingBurstLimit: limits.burstLimit }]));
    for (const [key] of throttled) {
      const entry = this.routes.get(key);
      if (!entry) throw new Error(`ROUTES has no ${key}, which the stage throttles`);
      // A stage's route settings may only name routes that already exist.
      cfnStage.node.addDependency(entry.route);
    }

    this.workflowPolicy = this.grant(props);
    this.approvalCallbackPolicy = grantTaskCallbackAndFailure(this.functions['http-approval'], props.approvalStateMachine);
  }

  get url(): string {
    return this.stage.url;
  }

  private grant(props: HttpApiProps): Policy {
    const { 'http-public': publicSite, 'http-staff': staffSite, 'http-approval': approvalSite } = this.functions;
    props.table.grantReadWriteData(publicSite);
    props.table.grantReadWriteData(staffSite);
    props.table.grantReadWriteData(approvalSite);
    // Sign-in (InitiateAuth with the public app client, no secret) is an unauthenticated Cognito API: no IAM grant.
    // Account management (账号管理) through the pool's admin API (functions/adapters/cognito-account-directory.ts), on this pool only.
    props.auth.userPool.grant(staffSite, ...STAFF_ACCOUNT_ACTIONS);
    props.mail.grantSend(staffSite);
    // Resending and reassigning mail the approver a new link.
    props.mail.grantSend(approvalSite);
    return grantWorkflowControl(staffSite, props.noticeStateMachine, [props.electionStateMachine, props.transferStateMachine, props.evaluationStateMachine]);
  }
}

/** The admin API calls of the account port and of a sign-in that must change its password. */
const STAFF_ACCOUNT_ACTIONS = [
  'cognito-idp:AdminCreateUser', 'cognito-idp:AdminAddUserToGroup', 'cognito-idp:AdminGetUser', 'cognito-idp:AdminListGroupsForUser',
  'cognito-idp:ListUsersInGroup', 'cognito-idp:AdminDisableUser', 'cognito-idp:AdminEnableUser', 'cognito-idp:AdminResetUserPassword',
  'cognito-idp:AdminSetUserPassword',
];

function accessLogFormat(): AccessLogFormat {
  return AccessLogFormat.custom(JSON.stringify({
    requestId: '$context.requestId',
    time: '$context.requestTime',
    ip: '$context.identity.sourceIp',
    routeKey: '$context.routeKey',
    status: '$context.status',
    latency: '$context.responseLatency',
    responseLength: '$context.responseLength',
    integrationError: '$context.integrationErrorMessage',
  }));
}
