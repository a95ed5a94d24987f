import { createServer, request as httpRequest, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One AWS API call a bundled function made, as the service would authorize it. */
export interface ObservedCall {
  /** Handler id of the calling function. */
  caller: string;
  /** IAM action, e.g. `dynamodb:PutItem`, `states:SendTaskSuccess`, `ses:SendEmail`. */
  action: string;
  /** Whether the request was signed (unsigned Cognito calls such as InitiateAuth need no grant). */
  signed: boolean;
  /** The resource named in the request, where it names one: a table, a state machine or execution ARN, a user pool. */
  resource?: string;
}

/** Where each service's calls go: DynamoDB Local, the runtime's AWS-compatible endpoint, cognito-local. */
export interface ProxyTargets {
  dynamodb: string;
  awsEndpoint: string;
  cognito: string;
}

const SERVICES: { target: string; prefix: string; upstream: keyof ProxyTargets }[] = [
  { target: 'DynamoDB_20120810.', prefix: 'dynamodb', upstream: 'dynamodb' },
  { target: 'AWSStepFunctions.', prefix: 'states', upstream: 'awsEndpoint' },
  { target: 'AWSCognitoIdentityProviderService.', prefix: 'cognito-idp', upstream: 'cognito' },
];
const SES_PATHS: [RegExp, string][] = [[/^\/v2\/email\/outbound-emails$/, 'SendEmail']];

function resourceOf(body: Record<string, unknown>): string | undefined {
  for (const key of ['TableName', 'stateMachineArn', 'executionArn', 'UserPoolId']) if (typeof body[key] === 'string') return body[key];
  const items = (body.RequestItems ?? body.TransactItems) as unknown;
  if (items && !Array.isArray(items)) return Object.keys(items)[0];
  if (Array.isArray(items)) {
    const first = items[0] as Record<string, { TableName?: string }> | undefined;
    return first ? Object.values(first)[0]?.TableName : undefined;
  }
  return undefined;
}

/** IAM authorizes a DynamoDB transaction by the item actions inside it (there is no TransactWriteItems action). */
const TRANSACT_ITEM_ACTIONS: Record<string, string> = { Put: 'dynamodb:PutItem', Update: 'dynamodb:UpdateItem', Delete: 'dynamodb:DeleteItem', ConditionCheck: 'dynamodb:ConditionCheckItem', Get: 'dynamodb:GetItem' };

function authorizedActions(action: string, body: Record<string, unknown>): string[] {
  if (action !== 'dynamodb:TransactWriteItems' && action !== 'dynamodb:TransactGetItems') return [action];
  const items = Array.isArray(body.TransactItems) ? (body.TransactItems as Record<string, unknown>[]) : [];
  return [...new Set(items.flatMap((item) => Object.keys(item).map((kind) => TRANSACT_ITEM_ACTIONS[kind] ?? `dynamodb:${kind}`)))];
}

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/**
 * An HTTP listener per function, given to that function as AWS_ENDPOINT_URL: it forwards each call to the local twin
 * of its service unchanged and notes the IAM action (and resource) it needs, keyed by the function.
 */
export class RecordingProxy {
  readonly calls: ObservedCall[] = [];
  private readonly servers: Server[] = [];

  constructor(private readonly targets: ProxyTargets) {}

  /** A new listener for one function; answers its URL. */
  async listenFor(caller: string): Promise<string> {
    const server = createServer((request, response) => {
      void (async () => {
        const body = await readBody(request);
        const target = String(request.headers['x-amz-target'] ?? '');
        const path = (request.url ?? '/').split('?')[0];
        const service = SERVICES.find((s) => target.startsWith(s.target));
        const ses = SES_PATHS.find(([pattern]) => pattern.test(path));
        const upstream = service ? this.targets[service.upstream] : ses ? this.targets.awsEndpoint : undefined;
        const action = service ? `${service.prefix}:${target.slice(service.target.length)}` : ses ? `ses:${ses[1]}` : `unknown:${request.method} ${path}`;
        let parsed: Record<string, unknown> = {};
        try {
          parsed = JSON.parse(body.toString('utf8') || '{}') as Record<string, unknown>;
        } catch {
          // not JSON: no resource to note
        }
        const signed = typeof request.headers.authorization === 'string';
        for (const authorized of authorizedActions(action, parsed)) this.calls.push({ caller, action: authorized, signed, resource: resourceOf(parsed) });
        if (!upstream) {
          response.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ __type: 'UnknownOperationException', message: action }));
          return;
        }
        const forwarded = httpRequest(new URL(request.url ?? '/', upstream), { method: request.method, headers: { ...request.headers, host: new URL(upstream).host } }, (answer) => {
          response.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(response);
        });
        forwarded.on('error', (error) => response.writeHead(502).end(error.message));
        forwarded.end(body);
      })();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    this.servers.push(server);
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  async close(): Promise<void> {
    await Promise.all(this.servers.map((server) => new Promise((resolve) => {
      server.close(resolve);
      server.closeAllConnections();
    })));
  }
}
