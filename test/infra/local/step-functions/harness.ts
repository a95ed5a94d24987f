import { readFileSync } from 'node:fs';
import { ManualClock } from '../../../../infra/local/clock';
import { LocalStepFunctions, type AslDefinition, type LocalLambda } from '../../../../infra/local/step-functions';
import type { Store } from '../../../../shared/store/store';
import { createTestStore } from '../../../support/store';

/** Loads an ASL fixture of this folder. */
export function fixture<T = AslDefinition>(name: string): T {
  return JSON.parse(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8')) as T;
}

export interface Harness {
  store: Store;
  clock: ManualClock;
  runner: LocalStepFunctions;
  /** Calls per lambda handler id, in order. */
  calls: Record<string, unknown[]>;
  /** A new runner on the same store and clock (the "restarted process"). */
  restart(): Promise<LocalStepFunctions>;
}

const runners: LocalStepFunctions[] = [];

/** A runner on a fresh table and a ManualClock; every lambda call is recorded. */
export async function createHarness(machines: Record<string, AslDefinition>, lambdas: Record<string, LocalLambda>): Promise<Harness> {
  const store = await createTestStore();
  const clock = new ManualClock('2025-03-03T08:00:00.000Z');
  const calls: Record<string, unknown[]> = {};
  const recorded: Record<string, LocalLambda> = {};
  for (const [id, handler] of Object.entries(lambdas)) {
    recorded[id] = async (event) => {
      (calls[id] ??= []).push(event);
      return handler(event);
    };
  }
  const make = (): LocalStepFunctions => {
    const runner = new LocalStepFunctions({ store, clock, machines, lambdas: recorded });
    runners.push(runner);
    return runner;
  };
  const harness: Harness = {
    store,
    clock,
    runner: make(),
    calls,
    async restart() {
      await harness.runner.shutdown();
      harness.runner = make();
      await harness.runner.start();
      return harness.runner;
    },
  };
  return harness;
}

/** Shuts down every runner the harness made (call in afterEach). */
export async function shutdownAll(): Promise<void> {
  await Promise.all(runners.splice(0).map((runner) => runner.shutdown()));
}

/** An Error with an ASL error name. */
export function namedError(name: string, message: string): Error {
  const error = new Error(message);
  error.name = name;
  return error;
}

/** Polls (every 5 ms, up to 5 s) until `condition` holds; for things settled() cannot see (a Lambda still running). */
export async function until(condition: () => boolean | Promise<boolean>): Promise<void> {
  const deadline = Date.now() + 5_000;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met within 5 s');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
