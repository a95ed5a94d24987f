/** Why each remaining cdk-nag AwsSolutions finding is acceptable; applied finding by finding in nag.ts. */
export const NAG_REASONS = {
  lambdaXray:
    'AwsSolutions-IAM5 Resource::* — X-Ray tracing (xray:PutTraceSegments, xray:PutTelemetryRecords) supports no resource-level ' +
    'permissions; this is the only statement with Resource * in the handler policy.',
  tableIndexes:
    'AwsSolutions-IAM5 table/index/* — grantReadWriteData covers the indexes of this one table only (the GSIs of the ' +
    'single-table design, for listings and per-organization records); no other table is reachable.',
  runtime:
    'AwsSolutions-L1 — handlers run on Node.js 22, the version the local runtime and the tests run the same handlers on; moving to ' +
    'nodejs24.x is a project-wide toolchain change, not an infrastructure one. Node 22 is in upstream LTS until April 2027.',
  stateMachineLogsAndXray:
    'AwsSolutions-IAM5 Resource::* — Step Functions needs logs:CreateLogDelivery and related log-delivery actions plus X-Ray ' +
    'actions for logging level ALL and tracing; none of these actions supports resource-level permissions.',
  taskFunctionVersions:
    'AwsSolutions-IAM5 <function>:* — LambdaInvoke grants the task function and its versions/aliases (qualifier wildcard) only; ' +
    'the state machine can invoke no other function.',
  stopStage:
    'AwsSolutions-IAM5 execution:<development stage state machine>:* — ending a case (终止发展) stops its running stage; StopExecution ' +
    'is authorized on execution ARNs, which carry the execution name; the wildcard is limited to executions of that stage machine.',
  stopExecution:
    'AwsSolutions-IAM5 execution:<notice state machine>:* — StopExecution is authorized on execution ARNs, which carry the ' +
    'execution name; the wildcard is limited to executions of the notice state machine.',
  nestedExecutions:
    'AwsSolutions-IAM5 execution:<notice or approval state machine>:* — a development stage and an election run the notice and the approval ' +
    'as nested executions (startExecution.sync:2): DescribeExecution and StopExecution are authorized on execution ARNs, which ' +
    'carry the execution name; the wildcard is limited to executions of those two machines.',
  stopApproval:
    'AwsSolutions-IAM5 execution:<approval state machine>:* — the scheduler stops an admission approval that passed its hard stop ' +
    '(6 months after the general meeting); the wildcard is limited to executions of the approval machine.',
  optionalMfa:
    'AwsSolutions-COG2 — MFA is optional (TOTP offered to every user, administrators can require it per user): branch staff are ' +
    'often volunteers without authenticator apps; threat protection (Plus tier, full function) and a 12-character password ' +
    'policy cover sign-in risk. A deployment that can require it sets the context requireMfa=true (no finding then).',
  publicRoute:
    'AwsSolutions-APIG4 — the public notice board (公示栏) must be readable, printable and open to objections by anyone ' +
    'without an account, as the notice rules require; the objection POST is throttled (5 rps, burst 10) and validated.',
  approvalLinkRoute:
    'AwsSolutions-APIG4 — the higher committee\'s approvers decide through an e-mailed link without an account (docs/domain/approvals.md): ' +
    'the opaque link id (128 bits, stored only as a hash, single-use, expiring, bound to one approver) is the credential; ' +
    'GET and HEAD decide nothing, the POST needs the page\'s CSRF token, and the routes are throttled (5 rps, burst 10).',
  filingLinkRoute:
    'AwsSolutions-APIG4 — the higher organization acknowledges a filing (备案) through an e-mailed link without an account: ' +
    'the opaque link id (256 bits, stored only as a hash, single-use, expiring after 30 days) is the credential; GET shows the ' +
    'filing and changes nothing, only the POST acknowledges, and nothing else can be done with it.',
  noThreatProtection:
    'AwsSolutions-COG3 — Cognito does not offer threat protection (the Plus plan) in this region (the China partition): ' +
    'the staff site throttles sign-in itself, per e-mail/username and per client address (5 failures: growing delay; 20: locked 15 minutes).',
  passwordLinkRoute:
    'AwsSolutions-APIG4 — a staff member sets a new password through the single-use link a password reset mails them (local ' +
    'accounts; on AWS Cognito mails its own code and the route only answers that the link is invalid): the opaque link id ' +
    '(256 bits, stored only as a hash, expiring after 24 hours) is the credential; GET shows the form, only the POST sets.',
  signInRoute:
    'AwsSolutions-APIG4 — the staff sign-in page and form must be reachable without a session; Cognito (threat protection, ' +
    'password policy) authenticates the credentials posted here.',
  staffRoute:
    'AwsSolutions-APIG4 — the staff site is server-rendered HTML with an HttpOnly session cookie; the handler verifies the ' +
    'session (Cognito tokens) and the user\'s groups on every request. An HTTP API JWT authorizer reads a header that page ' +
    'loads and form posts from a browser do not send.',
} as const;
