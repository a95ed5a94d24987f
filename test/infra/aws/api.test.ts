import { Match } from 'aws-cdk-lib/assertions';
import { HTTP_HANDLER_ENTRIES, ROUTES } from '../../../functions/http/routes';
import { API_THROTTLE, OBJECTION_ROUTE_KEY, OBJECTION_THROTTLE, routeKey } from '../../../infra/aws/constructs/http-api';
import { STAFF_GROUPS } from '../../../infra/aws/constructs/staff-auth';
import { HANDLER_METADATA } from '../../../infra/aws/constructs/handler-function';
import { logicalId, synthesize, type Synthesized } from './synth';

// Template JSON, read as CloudFormation writes it.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Resources = Record<string, { Properties: Record<string, any>; DependsOn?: string[]; DeletionPolicy?: string; UpdateReplacePolicy?: string; Metadata?: Record<string, unknown> }>;

describe('the HTTP API', () => {
  let synthesized: Synthesized;
  let resources: (type: string) => Resources;
  beforeAll(() => {
    synthesized = synthesize();
    resources = (type) => synthesized.template.findResources(type) as Resources;
  });

  test('has one route per entry of ROUTES, integrated with the Lambda of its handler id', () => {
    const routes = Object.values(resources('AWS::ApiGatewayV2::Route'));
    expect(routes.map((r) => r.Properties.RouteKey).sort()).toEqual(ROUTES.map(routeKey).sort());
    const integrations = resources('AWS::ApiGatewayV2::Integration');
    const functions = resources('AWS::Lambda::Function');
    for (const definition of ROUTES) {
      const route = routes.find((r) => r.Properties.RouteKey === routeKey(definition))!;
      const integrationId = route.Properties.Target['Fn::Join'][1][1].Ref as string;
      const functionId = integrations[integrationId].Properties.IntegrationUri['Fn::GetAtt'][0] as string;
      expect({ route: routeKey(definition), handler: functions[functionId].Metadata?.[HANDLER_METADATA] })
        .toEqual({ route: routeKey(definition), handler: definition.handlerId });
    }
    expect(Object.keys(integrations)).toHaveLength(Object.keys(HTTP_HANDLER_ENTRIES).length);
  });

  test('the default stage deploys automatically, logs every request and throttles; objections more strictly', () => {
    const stages = Object.values(resources('AWS::ApiGatewayV2::Stage'));
    expect(stages).toHaveLength(1);
    const [stage] = stages;
    expect(stage.Properties).toMatchObject({
      StageName: '$default',
      AutoDeploy: true,
      DefaultRouteSettings: { ThrottlingRateLimit: API_THROTTLE.rateLimit, ThrottlingBurstLimit: API_THROTTLE.burstLimit },
      RouteSettings: {
        [OBJECTION_ROUTE_KEY]: { ThrottlingRateLimit: OBJECTION_THROTTLE.rateLimit, ThrottlingBurstLimit: OBJECTION_THROTTLE.burstLimit },
      },
      AccessLogSettings: { DestinationArn: { 'Fn::GetAtt': [expect.stringMatching(/^WebAccessLogs/), 'Arn'] } },
    });
    expect(OBJECTION_THROTTLE.rateLimit).toBeLessThan(API_THROTTLE.rateLimit);
    expect(JSON.parse(stage.Properties.AccessLogSettings.Format)).toMatchObject({ requestId: '$context.requestId', status: '$context.status' });
  });

  test('the stage is created after the objection route its route settings name', () => {
    const { stack } = synthesized;
    const stage = resources('AWS::ApiGatewayV2::Stage')[logicalId(stack, stack.web.stage)];
    const objectionRoute = stack.web.routes.get(OBJECTION_ROUTE_KEY)!.route;
    expect(stage.DependsOn).toContain(logicalId(stack, objectionRoute));
  });

  test('both site handlers get the table, the state machine, the user pool, the sender and the base URL', () => {
    const { stack } = synthesized;
    for (const fn of Object.values(stack.web.functions)) {
      const environment = resources('AWS::Lambda::Function')[logicalId(stack, fn)].Properties.Environment.Variables;
      expect(Object.keys(environment)).toEqual(expect.arrayContaining([
        'TABLE_NAME', 'NOTICE_STATE_MACHINE_ARN', 'USER_POOL_ID', 'USER_POOL_CLIENT_ID', 'COGNITO_CLIENT_ID', 'MAIL_FROM', 'PUBLIC_BASE_URL',
      ]));
      expect(environment.PUBLIC_BASE_URL).toBe('');
    }
    synthesized.template.hasOutput('ApiUrl', {});
    synthesized.template.hasOutput('UserPoolId', {});
    synthesized.template.hasOutput('UserPoolClientId', {});
    synthesized.template.hasOutput('DataTableName', {});
  });
});

describe('the staff user pool', () => {
  let synthesized: Synthesized;
  beforeAll(() => {
    synthesized = synthesize();
  });

  test('is retained, protected from deletion, and closed to self sign-up', () => {
    const pools = synthesized.template.findResources('AWS::Cognito::UserPool') as Resources;
    const [pool] = Object.values(pools);
    expect(Object.keys(pools)).toHaveLength(1);
    expect(pool.DeletionPolicy).toBe('Retain');
    expect(pool.UpdateReplacePolicy).toBe('Retain');
    expect(pool.Properties).toMatchObject({
      DeletionProtection: 'ACTIVE',
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
      UsernameAttributes: ['email'],
      MfaConfiguration: 'OPTIONAL',
      EnabledMfas: ['SOFTWARE_TOKEN_MFA'],
      UserPoolTier: 'PLUS',
      Policies: { PasswordPolicy: { MinimumLength: 12, RequireLowercase: true, RequireUppercase: true, RequireNumbers: true, RequireSymbols: true } },
    });
    expect(pool.Properties.Schema).toEqual(expect.arrayContaining([
      expect.objectContaining({ Name: 'orgId', AttributeDataType: 'String', Mutable: true }),
      expect.objectContaining({ Name: 'scopeOrgIds', AttributeDataType: 'String', Mutable: true }),
    ]));
  });

  test('has the staff groups', () => {
    const groups = Object.values(synthesized.template.findResources('AWS::Cognito::UserPoolGroup') as Resources);
    expect(groups.map((g) => g.Properties.GroupName).sort()).toEqual(Object.keys(STAFF_GROUPS).sort());
  });

  test('has one app client for the server-side sign-in form: password and SRP flows, no secret, no OAuth', () => {
    synthesized.template.resourceCountIs('AWS::Cognito::UserPoolClient', 1);
    synthesized.template.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      ExplicitAuthFlows: Match.arrayWith(['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH']),
      GenerateSecret: false,
      PreventUserExistenceErrors: 'ENABLED',
      AllowedOAuthFlowsUserPoolClient: false,
    });
  });
});

describe('SES from context', () => {
  test('without mailDomain: a configuration set and no identity (mailFrom is verified by hand)', () => {
    const { template } = synthesize();
    template.resourceCountIs('AWS::SES::ConfigurationSet', 1);
    template.resourceCountIs('AWS::SES::EmailIdentity', 0);
  });

  test('with mailDomain: a domain identity using the configuration set, its DKIM records as outputs, grants on it', () => {
    const { stack, template } = synthesize({ mailFrom: 'noreply@dangjian.example.cn', mailDomain: 'dangjian.example.cn' });
    template.resourceCountIs('AWS::SES::EmailIdentity', 1);
    template.hasResourceProperties('AWS::SES::EmailIdentity', {
      EmailIdentity: 'dangjian.example.cn',
      ConfigurationSetAttributes: { ConfigurationSetName: { Ref: logicalId(stack, stack.mail.configurationSet!) } },
    });
    expect(Object.keys(template.findOutputs('*')).filter((name) => name.startsWith('DkimRecord'))).toHaveLength(3);
    const staff = template.findResources('AWS::Lambda::Function')[logicalId(stack, stack.web.functions['http-staff'])] as Resources[string];
    expect(staff.Properties.Environment.Variables.MAIL_FROM).toBe('noreply@dangjian.example.cn');
    const policyText = JSON.stringify(template.findResources('AWS::IAM::Policy'));
    expect(policyText).toContain(`"ses:FromAddress":"noreply@dangjian.example.cn"`);
    expect(policyText).toContain(`":identity/",{"Ref":"${logicalId(stack, stack.mail.identity!)}"}`);
  });

  test('mailTransport=smtp: no SES resources or grants; every mailing function gets the SMTP settings, the login as a Secrets Manager reference', () => {
    const { stack, template } = synthesize({ mailFrom: 'dangjian@example.gov.cn', mailTransport: 'smtp', smtpHost: 'mail.example.gov.cn', smtpSecret: 'dangjian/smtp' });
    template.resourceCountIs('AWS::SES::ConfigurationSet', 0);
    template.resourceCountIs('AWS::SES::EmailIdentity', 0);
    expect(JSON.stringify(template.findResources('AWS::IAM::Policy'))).not.toContain('ses:SendEmail');
    const functions = template.findResources('AWS::Lambda::Function') as Resources;
    const mailing = [stack.web.functions['http-staff'], stack.approval.request, stack.scheduler.tick, stack.development.functions.awaitStep];
    for (const fn of mailing) {
      const variables = functions[logicalId(stack, fn)].Properties.Environment.Variables;
      expect(variables).toMatchObject({ MAIL_TRANSPORT: 'smtp', MAIL_FROM: 'dangjian@example.gov.cn', SMTP_HOST: 'mail.example.gov.cn', SMTP_PORT: '587', SMTP_SECURITY: 'starttls' });
      expect(JSON.stringify(variables.SMTP_PASSWORD)).toContain('{{resolve:secretsmanager:dangjian/smtp:SecretString:password::}}');
      expect(JSON.stringify(variables.SMTP_USER)).toContain('{{resolve:secretsmanager:dangjian/smtp:SecretString:username::}}');
      expect(variables.MAIL_CONFIGURATION_SET).toBeUndefined();
    }
  });

  test.each([
    [{ mailTransport: 'smtp' }, /needs smtpHost/],
    [{ mailTransport: 'smpt' }, /ses or smtp/],
    [{ mailTransport: 'smtp', smtpHost: 'mail.example.gov.cn', smtpSecurity: 'ssl' }, /starttls, tls or none/],
    [{ mailTransport: 'smtp', smtpHost: 'mail.example.gov.cn', smtpPort: '70000' }, /not a port number/],
    [{ mailTransport: 'smtp', smtpHost: 'mail.example.gov.cn', mailFrom: 'a@dangjian.example.cn', mailDomain: 'dangjian.example.cn' }, /does not go with mailTransport smtp/],
  ])('SMTP context %j is refused', (context, message) => {
    expect(() => synthesize(context, { nag: false })).toThrow(message);
  });

  test('a sender outside mailDomain, or not an address, is refused', () => {
    expect(() => synthesize({ mailFrom: 'noreply@other.example', mailDomain: 'dangjian.example.cn' })).toThrow(/not in mailDomain/);
    expect(() => synthesize({ mailFrom: 'not-an-address' })).toThrow(/not an e-mail address/);
  });

  test('publicBaseUrl from context reaches every handler that builds links, without a trailing slash', () => {
    const { stack, template } = synthesize({ publicBaseUrl: 'https://dangjian.example.cn/' });
    const functions = template.findResources('AWS::Lambda::Function') as Resources;
    for (const fn of [...Object.values(stack.web.functions), stack.scheduler.tick, stack.notice.awaitOutcomes]) {
      expect(functions[logicalId(stack, fn)].Properties.Environment.Variables.PUBLIC_BASE_URL).toBe('https://dangjian.example.cn');
    }
    expect(() => synthesize({ publicBaseUrl: 'ftp://x' })).toThrow(/http\(s\) URL/);
  });
});
