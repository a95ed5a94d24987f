import { randomBytes } from 'node:crypto';
import { ManualClock } from '../../../../infra/local/manual-clock';
import { meterStore } from '../../../../scripts/bench/capacity-meter';
import type { ServiceDeps } from '../../../../shared/services/deps';
import type { Store } from '../../../../shared/store/store';
import { RecordingMailer } from '../../../support/notice-fixtures';
import { createTestStore } from '../../../support/store';

export type SchedulerDeps = ServiceDeps & { clock: ManualClock; mailer: RecordingMailer; started: string[] };

/** A fresh store and a hand-driven clock; the workflow records the executions started (the circulars' notices). */
export async function schedulerDeps(now: string): Promise<SchedulerDeps> {
  const store = await createTestStore();
  const started: string[] = [];
  const never = async () => {
    throw new Error('no callback here');
  };
  return {
    store, clock: new ManualClock(now), mailer: new RecordingMailer(), started, newId: () => randomBytes(9).toString('base64url'), publicBaseUrl: 'https://dangjian.example.cn',
    workflow: {
      startExecution: async ({ name }) => {
        started.push(name);
        return { executionArn: `arn:local:${name}` };
      },
      sendTaskSuccess: never, sendTaskFailure: never, stopExecution: never, executionArnOf: ({ name }) => `arn:local:${name}`,
    },
  };
}

/** What `work` read from the store: requests and read units (DynamoDB Local's consumed capacity), with its answer. */
export async function measured<T>(store: Store, work: () => Promise<T>): Promise<{ result: T; reads: { requests: number; readUnits: number } }> {
  const meter = meterStore(store);
  meter.reset();
  const result = await work();
  return { result, reads: { requests: meter.requests, readUnits: meter.readUnits } };
}
