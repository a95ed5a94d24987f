import { APPROVAL_LINK_ROUTE_KEYS, APPROVAL_LINK_THROTTLE, API_THROTTLE } from '../../../infra/aws/constructs/http-api';
import { ROUTES } from '../../../functions/http/routes';
import { actionsOf, logicalId, policies, resourcesOf, synthesize, type Synthesized } from './synth';

// Template JSON, read as CloudFormation writes it.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Resources = Record<string, { Properties: Record<string, any>; DependsOn?: string[] }>;

describe('approvals in the CDK stack', () => {
  let synthesized: Synthesized;
  beforeAll(() => {
    synthesized = synthesize({}, { nag: false });
  });

  const approvalMachine = () => synthesized.stack.approval.workflow.stateMachine;
  const machineArnRef = () => ({ Ref: logicalId(synthesized.stack, approvalMachine()) });

  /** Roles whose policies allow `action` on the approval state machine (or on everything). */
  function rolesAllowingOnApprovalMachine(action: string): string[] {
    const target = JSON.stringify(machineArnRef());
    const roles = policies(synthesized.template)
      .filter((policy) => policy.statements.some((s) => s.Effect === 'Allow' && actionsOf(s).includes(action)
        && resourcesOf(s).some((r) => JSON.stringify(r) === target || r === '*')))
      .flatMap((policy) => policy.roles.map((role) => (role as { Ref: string }).Ref));
    return [...new Set(roles)].sort();
  }

  test('exactly one role may complete or fail an approval task: the decision handler’s (http-approval)', () => {
    const { stack } = synthesized;
    const decisionRole = logicalId(stack, stack.web.functions['http-approval'].role!);
    for (const action of ['states:SendTaskSuccess', 'states:SendTaskFailure']) {
      expect({ action, roles: rolesAllowingOnApprovalMachine(action) }).toEqual({ action, roles: [decisionRole] });
    }
  });

  test('the decision handler may do nothing else with Step Functions, and nothing at all on the notice machine', () => {
    const { stack, template } = synthesized;
    const role = { Ref: logicalId(stack, stack.web.functions['http-approval'].role!) };
    const statements = policies(template)
      .filter((p) => p.roles.some((r) => JSON.stringify(r) === JSON.stringify(role)))
      .flatMap((p) => p.statements)
      .filter((s) => actionsOf(s).some((a) => a.startsWith('states:')));
    expect(statements.flatMap(actionsOf).sort()).toEqual(['states:SendTaskFailure', 'states:SendTaskSuccess']);
    for (const statement of statements) expect(resourcesOf(statement)).toEqual([machineArnRef()]);
  });

  test('the link routes (GET, HEAD, POST /approvals/{linkId}) go to the decision handler and are throttled strictly', () => {
    for (const key of APPROVAL_LINK_ROUTE_KEYS) {
      const [method, path] = key.split(' ');
      expect(ROUTES).toContainEqual({ method, path, handlerId: 'http-approval' });
    }
    const [stage] = Object.values(synthesized.template.findResources('AWS::ApiGatewayV2::Stage') as Resources);
    for (const key of APPROVAL_LINK_ROUTE_KEYS) {
      expect({ key, settings: stage.Properties.RouteSettings[key] }).toEqual({
        key, settings: { ThrottlingRateLimit: APPROVAL_LINK_THROTTLE.rateLimit, ThrottlingBurstLimit: APPROVAL_LINK_THROTTLE.burstLimit },
      });
      expect(stage.DependsOn).toContain(logicalId(synthesized.stack, synthesized.stack.web.routes.get(key)!.route));
    }
    expect(APPROVAL_LINK_THROTTLE.rateLimit).toBeLessThan(API_THROTTLE.rateLimit);
  });

  test('the decision handler has the table, SES and the approval machine’s ARN', () => {
    const { stack, template } = synthesized;
    const fn = stack.web.functions['http-approval'];
    const environment = (template.findResources('AWS::Lambda::Function') as Resources)[logicalId(stack, fn)].Properties.Environment.Variables;
    expect(environment.APPROVAL_STATE_MACHINE_ARN).toEqual(machineArnRef());
    const role = { Ref: logicalId(stack, fn.role!) };
    const actions = policies(template).filter((p) => p.roles.some((r) => JSON.stringify(r) === JSON.stringify(role))).flatMap((p) => p.statements).flatMap(actionsOf);
    expect(actions).toEqual(expect.arrayContaining(['dynamodb:PutItem', 'dynamodb:Query', 'ses:SendEmail']));
  });
});
