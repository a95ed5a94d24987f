/**
 * AWS list prices assumed for the cost per case (us-east-1, on-demand, no free tier, as published in 2026).
 * Lambda duration assumes 256 MB and 100 ms per invocation on x86 (the handlers are thin; most time is DynamoDB).
 */
export const AWS_PRICES = {
  stepFunctionsPerTransition: 0.025 / 1_000,
  lambdaPerRequest: 0.2 / 1_000_000,
  lambdaPerGbSecond: 0.0000166667,
  lambdaMemoryGb: 0.25,
  lambdaSecondsPerInvocation: 0.1,
  httpApiPerRequest: 1 / 1_000_000,
  dynamoDbPerWriteUnit: 0.625 / 1_000_000,
  dynamoDbPerReadUnit: 0.125 / 1_000_000,
  sesPerMail: 0.1 / 1_000,
} as const;

export interface CaseUsage {
  stateTransitions: number;
  /** Task handlers run by the state machines. */
  taskInvocations: number;
  /** Requests of staff and approvers: each is an HTTP API request and a Lambda invocation. */
  httpRequests: number;
  readUnits: number;
  writeUnits: number;
  mails: number;
}

export interface CaseCost {
  stepFunctions: number;
  lambda: number;
  httpApi: number;
  dynamoDb: number;
  ses: number;
  total: number;
}

/** US dollars per case implied by its usage at AWS_PRICES. */
export function costOf(usage: CaseUsage, prices = AWS_PRICES): CaseCost {
  const invocations = usage.taskInvocations + usage.httpRequests;
  const parts = {
    stepFunctions: usage.stateTransitions * prices.stepFunctionsPerTransition,
    lambda: invocations * (prices.lambdaPerRequest + prices.lambdaMemoryGb * prices.lambdaSecondsPerInvocation * prices.lambdaPerGbSecond),
    httpApi: usage.httpRequests * prices.httpApiPerRequest,
    dynamoDb: usage.writeUnits * prices.dynamoDbPerWriteUnit + usage.readUnits * prices.dynamoDbPerReadUnit,
    ses: usage.mails * prices.sesPerMail,
  };
  return { ...parts, total: Object.values(parts).reduce((a, b) => a + b, 0) };
}

/** The usage and list-price lines of a process bench (parts 7 and 8), per `unit` (case, election). */
export function usageLines(per: CaseUsage, cost: CaseCost, unit: string): string[] {
  const fixed = (n: number) => n.toFixed(1);
  const dollars = (n: number) => `$${n.toFixed(6)}`;
  return [
    `   per completed ${unit}: ${fixed(per.stateTransitions)} state transitions, ${fixed(per.taskInvocations)} task Lambda invocations + ${fixed(per.httpRequests)} HTTP requests (Lambda each),`,
    `   ${fixed(per.readUnits)} read units, ${fixed(per.writeUnits)} write units, ${fixed(per.mails)} mails`,
    `   list price per ${unit}: ${dollars(cost.total)} (Step Functions ${dollars(cost.stepFunctions)}, Lambda ${dollars(cost.lambda)}, HTTP API ${dollars(cost.httpApi)}, DynamoDB ${dollars(cost.dynamoDb)}, SES ${dollars(cost.ses)})`,
  ];
}
