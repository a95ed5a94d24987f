// One bundled Lambda in a worker thread: its own process.env (the template's variables, given by the parent), the
// clock of the test (a shared offset), and only what the Node.js 22 Lambda runtime offers to import (node:*, @aws-sdk/*).
import { register } from 'node:module';
import { parentPort, workerData } from 'node:worker_threads';
import { pathToFileURL } from 'node:url';
import { randomUUID } from 'node:crypto';

const { modulePath, exportName, functionName, clockOffset } = workerData;
const offset = new Float64Array(clockOffset);

// The test's clock: real time shifted by the offset the parent writes (the virtual "now" of the run).
const RealDate = Date;
class ShiftedDate extends RealDate {
  constructor(...args) {
    if (args.length === 0) super(RealDate.now() + offset[0]);
    else super(...args);
  }
  static now() {
    return RealDate.now() + offset[0];
  }
}
globalThis.Date = ShiftedDate;

const bundleUrl = pathToFileURL(modulePath).href;
const hooks = `
export async function resolve(specifier, context, next) {
  if (context.parentURL === ${JSON.stringify(bundleUrl)} && !specifier.startsWith('node:') && !specifier.startsWith('@aws-sdk/')) {
    const builtin = (await import('node:module')).builtinModules.includes(specifier);
    if (!builtin) throw new Error('The bundle imports ' + specifier + ', which the Lambda runtime does not provide (not bundled by esbuild)');
  }
  return next(specifier, context);
}`;
register(`data:text/javascript,${encodeURIComponent(hooks)}`);

const module = await import(bundleUrl);
const handler = module[exportName];
if (typeof handler !== 'function') throw new Error(`${modulePath} exports no function ${exportName}`);

parentPort.on('message', async ({ id, event }) => {
  const requestId = randomUUID();
  const deadline = RealDate.now() + 15_000;
  const context = {
    awsRequestId: requestId,
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:us-east-1:111111111111:function:${functionName}`,
    memoryLimitInMB: process.env.AWS_LAMBDA_FUNCTION_MEMORY_SIZE,
    logGroupName: process.env.AWS_LAMBDA_LOG_GROUP_NAME,
    logStreamName: 'local',
    callbackWaitsForEmptyEventLoop: true,
    getRemainingTimeInMillis: () => Math.max(0, deadline - RealDate.now()),
  };
  try {
    const result = await handler(event, context);
    parentPort.postMessage({ id, ok: true, result: result === undefined ? null : JSON.parse(JSON.stringify(result)) });
  } catch (error) {
    parentPort.postMessage({ id, ok: false, error: { name: error?.name ?? 'Error', message: String(error?.message ?? error), stack: String(error?.stack ?? '') } });
  }
});
parentPort.postMessage({ ready: true });
