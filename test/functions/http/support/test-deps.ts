import { randomBytes } from 'node:crypto';
import { ManualClock } from '../../../../infra/local/manual-clock';
import { createLocalAuthenticator, hashPassword } from '../../../../shared/services/auth';
import type { ServiceDeps } from '../../../../shared/services/deps';
import { recordPublication } from '../../../../shared/services/notice';
import { WorkflowExecutionExistsError, type OutgoingMail, type WorkflowControl } from '../../../../shared/services/ports';
import type { NoticeDraft } from '../../../../shared/domain/notice/notice';
import { putAccount } from '../../../../shared/store/accounts-repo';
import type { StaffRole } from '../../../../shared/services/actor';
import type { Store } from '../../../../shared/store/store';
import { createTestStore } from '../../../support/store';
import type { StaffSiteDeps } from '../../../../functions/http/staff-site';

/**
 * Deps over DynamoDB Local for the HTTP tests. The workflow port records the publication in-process
 * (what the state machine's first task does), so a published notice is in the table at once.
 */
export interface TestDeps extends StaffSiteDeps {
  clock: ManualClock;
  mails: OutgoingMail[];
}

export function inProcessWorkflow(getDeps: () => ServiceDeps): WorkflowControl {
  const started = new Set<string>();
  return {
    async startExecution({ stateMachine, name, input }) {
      if (started.has(name)) throw new WorkflowExecutionExistsError();
      started.add(name);
      const executionArn = `arn:local:${stateMachine}:${name}`;
      await recordPublication(getDeps(), (input as { notice: NoticeDraft }).notice, executionArn);
      return { executionArn };
    },
    async sendTaskSuccess() {},
    async sendTaskFailure() {},
    async stopExecution() {},
    executionArnOf: ({ stateMachine, name }) => `arn:local:${stateMachine}:${name}`,
  };
}

export async function createTestDeps(store?: Store): Promise<TestDeps> {
  const table = store ?? (await createTestStore());
  const mails: OutgoingMail[] = [];
  const deps: TestDeps = {
    store: table,
    clock: new ManualClock('2026-03-02T01:00:00.000Z'),
    workflow: inProcessWorkflow(() => deps),
    mailer: { send: async (mail) => void mails.push(mail) },
    newId: () => randomBytes(16).toString('base64url'),
    publicBaseUrl: 'http://localhost:3000',
    authenticator: createLocalAuthenticator(table),
    mails,
  };
  return deps;
}

export async function addAccount(
  store: Store,
  account: { username: string; password: string; role?: StaffRole; orgId: string; displayName?: string; email?: string },
): Promise<void> {
  await putAccount(store, {
    username: account.username,
    passwordHash: await hashPassword(account.password),
    role: account.role ?? 'branch-staff',
    orgId: account.orgId,
    email: account.email ?? `${account.username}@example.org`,
    displayName: account.displayName ?? account.username,
  });
}
