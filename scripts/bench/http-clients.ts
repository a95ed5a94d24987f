import { Worker } from 'node:worker_threads';

/** One client's answers, in order: real ms from sending the request to the end of the body, and the status. */
export type ClientAnswers = { ms: number; status: number }[];

export interface HttpClientsOptions {
  /** The form POST of client `client`'s request `request`: its URL and urlencoded body. */
  requests: { url: string; body: string }[][];
}

/**
 * Concurrent HTTP clients in a worker thread of their own, as a load tester on another machine would be: the
 * server's event loop then serves requests and does not also run the clients (which made its answers look slower).
 * Each client sends its requests in turn; all clients start together. The clients use node:http with kept-alive
 * connections, not fetch(): on a two-core machine fetch spent about 3.5 ms of CPU per request, taken from the server
 * and DynamoDB Local it was measuring (a load tester elsewhere takes none).
 */
export function runHttpClients(options: HttpClientsOptions): Promise<ClientAnswers[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(CLIENTS_SOURCE, { eval: true, workerData: options.requests });
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.once('exit', (code) => code !== 0 && reject(new Error(`HTTP clients ended with ${code}`)));
  });
}

const CLIENTS_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const http = require('node:http');
const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity });
const send = ({ url, body }) => new Promise((resolve, reject) => {
  const begun = performance.now();
  const request = http.request(url, { method: 'POST', agent, headers: { 'content-type': 'application/x-www-form-urlencoded', 'content-length': Buffer.byteLength(body) } }, (response) => {
    response.resume();
    response.once('end', () => resolve({ ms: performance.now() - begun, status: response.statusCode }));
    response.once('error', reject);
  });
  request.once('error', reject);
  request.end(body);
});
Promise.all(workerData.map(async (requests) => {
  const answers = [];
  for (const request of requests) answers.push(await send(request));
  return answers;
})).then((answers) => { agent.destroy(); parentPort.postMessage(answers); });
`;
