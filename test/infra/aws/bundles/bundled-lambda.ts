import { createInterface } from 'node:readline';
import { Worker } from 'node:worker_threads';
import type { BundledFunction } from './assembly-template';

const HOST = new URL('./lambda-host.mjs', import.meta.url);

/** The error a bundled handler threw, with its name (as Lambda reports it to Step Functions as the error). */
export class BundledLambdaError extends Error {
  constructor(name: string, message: string, readonly remoteStack: string) {
    super(message);
    this.name = name;
  }
}

/** A line a bundle wrote to stdout or stderr (what Lambda sends to the function's log group). */
export interface LogLine {
  handlerId: string;
  stream: 'stdout' | 'stderr';
  line: string;
}

interface Reply {
  id?: number;
  ready?: boolean;
  ok?: boolean;
  result?: unknown;
  error?: { name: string; message: string; stack: string };
}

/**
 * A bundle from the cloud assembly running in a worker thread with exactly the given environment (nothing of the
 * test's process.env), as Lambda runs it: one module load, then invocations with an event and a context.
 */
export class BundledLambda {
  private nextId = 1;
  private readonly pending = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  private failure: Error | undefined;

  private constructor(readonly fn: BundledFunction, private readonly worker: Worker) {
    worker.on('message', (reply: Reply) => {
      if (reply.id === undefined) return;
      const waiting = this.pending.get(reply.id);
      this.pending.delete(reply.id);
      if (reply.ok) waiting?.resolve(reply.result);
      else waiting?.reject(new BundledLambdaError(reply.error!.name, reply.error!.message, reply.error!.stack));
    });
    worker.on('error', (error) => this.fail(error));
    worker.on('exit', (code) => this.fail(new Error(`The worker of ${fn.handlerId} exited (${code})`)));
  }

  /** With `logs`, the worker's output is collected there line by line (and not passed on to the test's own output). */
  static async start(fn: BundledFunction, env: Record<string, string>, clockOffset: SharedArrayBuffer, logs?: LogLine[]): Promise<BundledLambda> {
    const worker = new Worker(HOST, {
      env,
      workerData: { modulePath: fn.modulePath, exportName: fn.exportName, functionName: env.AWS_LAMBDA_FUNCTION_NAME, clockOffset },
      stdout: logs !== undefined,
      stderr: logs !== undefined,
    });
    if (logs) {
      for (const stream of ['stdout', 'stderr'] as const) {
        // The SDK's warning that this host's Node.js is older than 22 (Lambda runs 22: it never prints there) is left out.
        let hostWarning = false;
        createInterface({ input: worker[stream] }).on('line', (line) => {
          if (/^\(node:\d+\) .*NodeVersionSupportWarning/.test(line)) hostWarning = true;
          if (!hostWarning) logs.push({ handlerId: fn.handlerId, stream, line });
          else if (line.startsWith('(Use `node --trace-warnings')) hostWarning = false;
        });
      }
    }
    await new Promise<void>((resolve, reject) => {
      const onMessage = (reply: Reply) => {
        if (!reply.ready) return;
        worker.off('message', onMessage);
        resolve();
      };
      worker.on('message', onMessage);
      worker.once('error', (error) => reject(new Error(`${fn.handlerId} (${fn.modulePath}) did not load: ${error.message}`, { cause: error })));
    });
    return new BundledLambda(fn, worker);
  }

  invoke(event: unknown): Promise<unknown> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ id, event });
    });
  }

  async stop(): Promise<void> {
    this.failure ??= new Error(`${this.fn.handlerId} is stopped`);
    await this.worker.terminate();
  }

  private fail(error: Error): void {
    this.failure ??= error;
    for (const waiting of this.pending.values()) waiting.reject(error);
    this.pending.clear();
  }
}
