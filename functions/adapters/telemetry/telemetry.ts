import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import type { ErrorLogger } from '../../http/edge/error-mapper';
import { redactPersonalData } from './redact';

/** The CloudWatch namespace of the application's metrics (EMF), one dimension: the service. */
export const METRICS_NAMESPACE = 'DangjianFlow';
const SERVICE_NAME = 'dangjian-flow';

/** What the metrics count (README, "Operations"). */
export const METRIC = {
  /** A step of a process recorded (an audit action `….step-recorded`: development, election, evaluation). */
  stepsRecorded: 'StepsRecorded',
  /** An approval decided, by link or on paper (audit action `approval.resolved`). */
  approvalsDecided: 'ApprovalsDecided',
  /** A mail handed to SES or the SMTP server. */
  mailsSent: 'MailsSent',
  /** An invocation that failed (an error thrown to Lambda, or a 5xx page). */
  faults: 'Faults',
} as const;

export type MetricName = (typeof METRIC)[keyof typeof METRIC];

export interface Telemetry {
  logger: Logger;
  metrics: Metrics;
}

let telemetry: Telemetry | undefined;

/**
 * The Lambdas' logger (structured JSON to stdout, which Lambda sends to the function's log group) and metrics (EMF in
 * the same log stream), made on first use. Nothing personal is ever given to them: see redact.ts and observed-handler.ts.
 */
export function lambdaTelemetry(): Telemetry {
  telemetry ??= {
    logger: new Logger({ serviceName: SERVICE_NAME }),
    metrics: new Metrics({ namespace: METRICS_NAMESPACE, serviceName: SERVICE_NAME }),
  };
  return telemetry;
}

/** Counts one occurrence of a metric, flushed at the end of the invocation. */
export function countMetric(name: MetricName, value = 1): void {
  lambdaTelemetry().metrics.addMetric(name, MetricUnit.Count, value);
}

/** The sites' fault log (error-mapper.ts) through the logger, without personal data. */
export const lambdaFaultLogger: ErrorLogger = (entry) => {
  const { level: _level, ...rest } = entry;
  lambdaTelemetry().logger.error('request failed', JSON.parse(redactPersonalData(JSON.stringify(rest))) as Record<string, unknown>);
};
