import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Mailer } from '../../../shared/services/ports';
import type { LocalStepFunctions } from '../step-functions/local-step-functions';
import { AwsServiceError, errorResponse } from './aws-error';
import { sendEmail } from './sesv2-api';
import { callStepFunctions } from './step-functions-api';

/**
 * One local port that answers as Step Functions and SES v2 do, so the `@aws-sdk` clients of `functions/adapters` run
 * against the local runtime (see README.md in this folder).
 *
 * SigV4: requests signed by the SDK are accepted, and their signature and credentials are NOT checked: anyone who
 * reaches the port can start, complete and stop executions and send mail. It listens on 127.0.0.1 unless told otherwise.
 */

export interface AwsEndpointOptions {
  port: number;
  /** Default 127.0.0.1 (this machine only). */
  host?: string;
  stepFunctions: LocalStepFunctions;
  mailer: Mailer;
  log?: (line: string) => void;
}

export interface RunningAwsEndpoint {
  /** `http://host:port`: the `endpoint` of the SDK clients (or AWS_ENDPOINT_URL). */
  url: string;
  close(): Promise<void>;
}

const SFN_TARGET = 'AWSStepFunctions.';
const SES_SEND_EMAIL = '/v2/email/outbound-emails';
/** Step Functions takes at most 256 KiB of input; SES v2 mails of this system are far smaller. */
const MAX_BODY_BYTES = 1024 * 1024;

export async function startAwsEndpoint(options: AwsEndpointOptions): Promise<RunningAwsEndpoint> {
  const server = createServer((request, response) => void answer(options, request, response));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host ?? '127.0.0.1', () => resolve());
  });
  const { address, port } = server.address() as AddressInfo;
  return { url: `http://${address.includes(':') ? `[${address}]` : address}:${port}`, close: () => close(server) };
}

async function answer(options: AwsEndpointOptions, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const requestId = randomUUID();
  const target = String(request.headers['x-amz-target'] ?? '');
  const path = (request.url ?? '/').split('?')[0];
  const isSfn = target.startsWith(SFN_TARGET);
  const contentType = isSfn ? 'application/x-amz-json-1.0' : 'application/json';
  try {
    if (request.method !== 'POST') throw new AwsServiceError('UnknownOperationException', `${request.method} ${path} is not served`, 404);
    const body = await readJson(request);
    let result: unknown;
    if (isSfn) result = await callStepFunctions(options.stepFunctions, target.slice(SFN_TARGET.length), body);
    else if (path === SES_SEND_EMAIL) result = await sendEmail(options.mailer, body);
    else throw new AwsServiceError('UnknownOperationException', `${path} (${target || 'no X-Amz-Target'}) is not served`, 404);
    write(response, 200, { 'content-type': contentType, 'x-amzn-requestid': requestId }, JSON.stringify(result));
  } catch (error) {
    const aws = error instanceof AwsServiceError ? error : new AwsServiceError('InternalFailure', 'Internal failure of the local endpoint', 500);
    if (!(error instanceof AwsServiceError)) options.log?.(`[aws-endpoint] ${requestId}: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
    const { status, headers, body } = errorResponse(aws);
    write(response, status, { 'content-type': contentType, 'x-amzn-requestid': requestId, ...headers }, body);
  }
}

async function readJson(request: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new AwsServiceError('RequestEntityTooLargeException', 'Request body too large', 413);
    chunks.push(chunk);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.trim() === '') return {};
  try {
    const value: unknown = JSON.parse(text);
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {
    // answered below
  }
  throw new AwsServiceError('SerializationException', 'The request body is not a JSON object');
}

function write(response: ServerResponse, status: number, headers: Record<string, string>, body: string): void {
  response.writeHead(status, { ...headers, 'content-length': String(Buffer.byteLength(body)) });
  response.end(body);
}

function close(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()));
    server.closeAllConnections();
  });
}
