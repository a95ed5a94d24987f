import { App, Validations } from 'aws-cdk-lib';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { AwsSolutionsChecks } from 'cdk-nag';
import { buildApp } from '../../../infra/aws/app';
import { applyNag } from '../../../infra/aws/nag';
import { synthesize, type Synthesized } from './synth';

interface Acknowledgment {
  path: string;
  id: string;
  reason: string;
}

function acknowledgments(synthesized: Synthesized): Acknowledgment[] {
  return synthesized.stack.node.findAll().flatMap((construct) =>
    construct.node.metadata
      .filter((entry) => entry.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
      .flatMap((entry) => Object.entries(entry.data as Record<string, string>))
      .map(([id, reason]) => ({ path: construct.node.path, id: id.replace(/^annotation::/i, ''), reason })));
}

describe('cdk-nag AwsSolutions checks', () => {
  let synthesized: Synthesized;
  beforeAll(() => {
    synthesized = synthesize();
  });

  test('no finding is left unacknowledged, neither error nor warning', () => {
    const report = new AwsSolutionsChecks().validateScope(synthesized.app);
    const findings = report.violations.map((v) => `${v.severity} ${v.ruleName}: ${v.violatingResources.map((r) => r.constructPath).join(', ')}`);
    expect(findings).toEqual([]);
  });

  test('no AwsSolutions annotation is left on the stack', () => {
    const annotations = Annotations.fromStack(synthesized.stack);
    expect(annotations.findError('*', Match.stringLikeRegexp('AwsSolutions-.*'))).toEqual([]);
    expect(annotations.findWarning('*', Match.stringLikeRegexp('AwsSolutions-.*'))).toEqual([]);
  });

  test('every acknowledgment names an AwsSolutions rule and gives a specific reason', () => {
    const all = acknowledgments(synthesized);
    expect(all.length).toBeGreaterThan(0);
    for (const { id, reason } of all) {
      expect(id).toMatch(/^AwsSolutions-[A-Z]+\d+(\[.+\])?$/);
      expect(reason.length).toBeGreaterThanOrEqual(80);
      expect(reason.startsWith(id.replace(/\[.*$/, ''))).toBe(true);
    }
  });

  test('every acknowledgment covers a finding the unacknowledged app really has', () => {
    const raw = synthesize({}, { nag: false });
    const report = new AwsSolutionsChecks().validateScope(raw.app);
    const findings = report.violations.flatMap((v) => v.violatingResources.map((r) => ({ id: v.ruleName, path: r.constructPath })));
    for (const ack of acknowledgments(synthesized)) {
      const covered = findings.some((f) => f.id === ack.id && (f.path === ack.path || (f.path ?? '').startsWith(`${ack.path}/`)));
      expect({ ...ack, covered }).toEqual({ ...ack, covered: true });
    }
  });

  test('no finding is left either with a concrete account and region, as the CLI synthesizes', () => {
    const saved = { account: process.env.CDK_DEFAULT_ACCOUNT, region: process.env.CDK_DEFAULT_REGION };
    process.env.CDK_DEFAULT_ACCOUNT = '123456789012';
    process.env.CDK_DEFAULT_REGION = 'ap-east-1';
    try {
      const { app } = synthesize();
      expect(new AwsSolutionsChecks().validateScope(app).violations.map((v) => v.ruleName)).toEqual([]);
    } finally {
      for (const [key, value] of [['CDK_DEFAULT_ACCOUNT', saved.account], ['CDK_DEFAULT_REGION', saved.region]] as const) {
        if (value === undefined) delete process.env[key];
        else process.env[key] = value;
      }
    }
  });

  test('a new unacknowledged finding fails the synthesis', () => {
    const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
    const { stack } = buildApp(app);
    const careless = new Role(stack, 'CarelessRole', { assumedBy: new ServicePrincipal('lambda.amazonaws.com') });
    careless.addToPolicy(new PolicyStatement({ actions: ['dynamodb:*'], resources: ['*'] }));
    applyNag(app);
    expect(() => app.synth()).toThrow(/AwsSolutions-IAM5\[Action::dynamodb:\*\]/);
  });
});
