import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy, { type MiddlewareObj } from '@middy/core';
import type { Context } from 'aws-lambda';
import { loggableError } from './redact';
import { countMetric, lambdaTelemetry, METRIC } from './telemetry';

/** What the log line of an invocation may say of it: an HTTP route's key and status, never the event or the body. */
function outline(event: unknown, response: unknown): Record<string, unknown> {
  const routeKey = (event as { routeKey?: unknown } | null)?.routeKey;
  const statusCode = (response as { statusCode?: unknown } | null)?.statusCode;
  return { ...(typeof routeKey === 'string' ? { routeKey } : {}), ...(typeof statusCode === 'number' ? { statusCode } : {}) };
}

function flushMetrics(): void {
  const { metrics } = lambdaTelemetry();
  if (metrics.hasStoredMetrics()) metrics.publishStoredMetrics();
}

/**
 * One JSON line per invocation (the request id from the context, the route and status of a page), a fault counted for an
 * error thrown to Lambda or a 5xx page (logged without personal data), the invocation's metrics flushed as EMF.
 */
export function invocationTelemetry(): MiddlewareObj {
  return {
    after: (request) => {
      const summary = outline(request.event, request.response);
      const fault = typeof summary.statusCode === 'number' && summary.statusCode >= 500;
      if (fault) countMetric(METRIC.faults);
      lambdaTelemetry().logger[fault ? 'warn' : 'info']('invocation done', summary);
      flushMetrics();
    },
    onError: (request) => {
      countMetric(METRIC.faults);
      lambdaTelemetry().logger.error('invocation failed', { ...outline(request.event, undefined), error: loggableError(request.error) });
      flushMetrics();
    },
  };
}

/** A handler as Lambda runs it: the logger given the invocation's context (request id, cold start), then the telemetry above. */
export function observedHandler<E, R>(handler: (event: E) => Promise<R>): (event: E, context: Context) => Promise<R> {
  return middy<E, R>()
    .use(injectLambdaContext(lambdaTelemetry().logger, { resetKeys: true }))
    .use(invocationTelemetry())
    .handler((event: E) => handler(event));
}
