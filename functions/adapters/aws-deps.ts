import { SFNClient } from '@aws-sdk/client-sfn';
import { randomBytes } from 'node:crypto';
import type { ServiceDeps } from '../../shared/services/deps';
import { createStore } from '../../shared/store/store';
import { mailerFromEnv } from './mailer-from-env';
import { SfnWorkflowControl } from './sfn-workflow-control';
import { countAuditMetrics } from './telemetry/audit-metrics';
import { countedMailer } from './telemetry/counted-mailer';

export class ConfigMissingError extends Error {
  constructor(name: string) {
    super(`Environment variable ${name} is not set`);
    this.name = 'ConfigMissingError';
  }
}

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new ConfigMissingError(name);
  return value;
}

/** The services' dependencies in AWS, from the Lambda's environment (set by the CDK stack); mails and audited changes counted as metrics. */
export function awsServiceDeps(): ServiceDeps {
  return {
    store: countAuditMetrics(createStore({ tableName: required('TABLE_NAME') })),
    clock: { now: () => new Date() },
    workflow: new SfnWorkflowControl(new SFNClient({}), {
      notice: process.env.NOTICE_STATE_MACHINE_ARN,
      approval: process.env.APPROVAL_STATE_MACHINE_ARN,
      election: process.env.ELECTION_STATE_MACHINE_ARN,
      transfer: process.env.TRANSFER_STATE_MACHINE_ARN,
      assessment: process.env.ASSESSMENT_STATE_MACHINE_ARN,
      'assessment-year-end': process.env.ASSESSMENT_YEAR_END_STATE_MACHINE_ARN,
      evaluation: process.env.EVALUATION_STATE_MACHINE_ARN,
      ...Object.fromEntries([1, 2, 3, 4, 5].map((stage) => [`development-stage-${stage}`, process.env[`DEVELOPMENT_STAGE_${stage}_STATE_MACHINE_ARN`]])),
    }),
    mailer: countedMailer(mailerFromEnv()),
    newId: () => randomBytes(16).toString('base64url'),
    publicBaseUrl: process.env.PUBLIC_BASE_URL ?? '',
  };
}
