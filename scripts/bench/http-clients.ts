import { Worker } from 'node:worker_threads';

/** One client's answers, in order: real ms from fetch() to the body read, and the status. */
export type ClientAnswers = { ms: number; status: number }[];

export interface HttpClientsOptions {
  /** The form POST of client `client`'s request `request`: its URL and urlencoded body. */
  requests: { url: string; body: string }[][];
}

/**
 * Concurrent HTTP clients in a worker thread of their own, as a load tester on another machine would be: the
 * server's event loop then serves requests and does not also run the clients (which made its answers look slower).
 * Each client sends its requests in turn; all clients start together.
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
const send = async ({ url, body }) => {
  const begun = performance.now();
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body, redirect: 'manual' });
  await response.arrayBuffer();
  return { ms: performance.now() - begun, status: response.status };
};
Promise.all(workerData.map(async (requests) => {
  const answers = [];
  for (const request of requests) answers.push(await send(request));
  return answers;
})).then((answers) => parentPort.postMessage(answers));
`;
