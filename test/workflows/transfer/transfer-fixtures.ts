import type { Actor } from '../../../shared/services/actor';
import { acceptTransfer, getTransferFile, issueLetter, recordReceipt, refuseTransfer, reissueLetter, requestTransfer } from '../../../shared/services/transfer';
import { transferExecutionName } from '../../../shared/domain/transfer/transfer';
import type { Person } from '../../../shared/domain/registry/person';
import { putAccount } from '../../../shared/store/accounts-repo';
import { startTestRuntime, type TestRuntime } from '../../support/local-runtime';
import { putTestOrg, putTestPerson, testOrg, testPerson } from '../../support/registry-fixtures';

/**
 * Two committees: 机关党委 (committee-1) over 办公室党支部 (branch-1, sending) and 财务处党支部 (branch-2);
 * 直属机关党委 (committee-2) over 业务一处党支部 (branch-3). Staff accounts on each, with e-mail.
 */
export const sender: Actor = { id: 'zuzhi-1', displayName: '钱组织委员', role: 'branch-staff', orgId: 'branch-1', scopeOrgIds: ['branch-1'] };
export const committeeStaff: Actor = { id: 'dangwei-1', displayName: '孙干事', role: 'committee-staff', orgId: 'committee-1', scopeOrgIds: ['committee-1', 'branch-1', 'branch-2'] };
export const receiver: Actor = { id: 'zuzhi-3', displayName: '周组织委员', role: 'branch-staff', orgId: 'branch-3', scopeOrgIds: ['branch-3'] };
export const otherCommitteeStaff: Actor = { id: 'dangwei-2', displayName: '吴干事', role: 'committee-staff', orgId: 'committee-2', scopeOrgIds: ['committee-2', 'branch-3'] };

export interface TransferRegistry {
  members: Person[];
}

export async function seedTransferRegistry(runtime: TestRuntime): Promise<TransferRegistry> {
  const { store } = runtime;
  const secretary1 = await putTestPerson(store, testPerson({ orgId: 'committee-1', name: '赵书记', email: 'zhao@example.org' }));
  const secretary2 = await putTestPerson(store, testPerson({ orgId: 'committee-2', name: '钱书记', email: 'qian@example.org' }));
  await putTestOrg(store, testOrg({ id: 'committee-1', kind: 'committee', name: '机关党委', committee: [{ personId: secretary1.id, name: '赵书记', post: 'secretary' }] }));
  await putTestOrg(store, testOrg({ id: 'committee-2', kind: 'committee', name: '直属机关党委', committee: [{ personId: secretary2.id, name: '钱书记', post: 'secretary' }] }));
  const members = [
    await putTestPerson(store, testPerson({ orgId: 'branch-1', name: '张伟' })),
    await putTestPerson(store, testPerson({ orgId: 'branch-1', name: '王芳' })),
    await putTestPerson(store, testPerson({ orgId: 'branch-1', name: '李娜', status: 'probationary' })),
  ];
  await putTestOrg(store, testOrg({ id: 'branch-1', kind: 'branch', parentId: 'committee-1', name: '办公室党支部', committee: [{ personId: members[0].id, name: '张伟', post: 'member', duty: '组织委员' }, { name: '刘洋', post: 'secretary' }] }));
  await putTestOrg(store, testOrg({ id: 'branch-2', kind: 'branch', parentId: 'committee-1', name: '财务处党支部' }));
  await putTestOrg(store, testOrg({ id: 'branch-3', kind: 'branch', parentId: 'committee-2', name: '业务一处党支部' }));
  const account = (username: string, role: Actor['role'], orgId: string, displayName: string) =>
    putAccount(store, { username, passwordHash: 'x', role, orgId, email: `${username}@example.org`, displayName });
  await account('zuzhi-1', 'branch-staff', 'branch-1', '钱组织委员');
  await account('dangwei-1', 'committee-staff', 'committee-1', '孙干事');
  await account('zuzhi-3', 'branch-staff', 'branch-3', '周组织委员');
  await account('dangwei-2', 'committee-staff', 'committee-2', '吴干事');
  return { members };
}

/** A test runtime on Wednesday 2026-09-23 (China time 09:00) with the registry seeded. */
export async function startTransferRuntime(): Promise<{ runtime: TestRuntime; registry: TransferRegistry }> {
  const runtime = await startTestRuntime('2026-09-23T01:00:00.000Z');
  return { runtime, registry: await seedTransferRegistry(runtime) };
}

export const executionArnOf = (transferId: string) => `arn:aws:states:local:000000000000:execution:transfer:${transferExecutionName(transferId)}`;

export const withinRequest = (personIds: string[], extra: Record<string, unknown> = {}) => ({
  orgId: 'branch-1', personIds, destinationKind: 'within', destinationOrgId: 'branch-3', reason: '工作调动', leavingDate: '2026-09-20', duesPaidTo: '2026-09', ...extra,
});

export const outsideRequest = (personIds: string[]) => ({
  orgId: 'branch-1', personIds, destinationKind: 'outside', outsideOrgName: '中共某县委组织部', outsideAddress: '某省某县人民路 1 号', reason: '调出本系统', leavingDate: '2026-09-20', duesPaidTo: '2026-09',
});

/** Drives transfers through the services, as the staff pages would. */
export class TransferDriver {
  constructor(readonly runtime: TestRuntime) {}

  async request(form: Record<string, unknown>) {
    const transfers = await requestTransfer(this.runtime.deps, sender, form);
    await this.runtime.stepFunctions.settled();
    return transfers;
  }

  async state(transferId: string): Promise<string | undefined> {
    const execution = await this.runtime.stepFunctions.describeExecution(executionArnOf(transferId));
    return execution.status === 'RUNNING' ? execution.currentState : execution.status;
  }

  async execution(transferId: string) {
    return this.runtime.stepFunctions.describeExecution(executionArnOf(transferId));
  }

  async file(transferId: string) {
    return getTransferFile(this.runtime.deps, sender, transferId);
  }

  private async version(transferId: string) {
    return String((await this.file(transferId)).transfer.version);
  }

  async issue(transferId: string, validityMonths = '3') {
    const transfer = await issueLetter(this.runtime.deps, committeeStaff, transferId, { validityMonths, version: await this.version(transferId) });
    await this.runtime.stepFunctions.settled();
    return transfer;
  }

  async accept(transferId: string, actor: Actor = receiver) {
    const transfer = await acceptTransfer(this.runtime.deps, actor, transferId, { version: await this.version(transferId) });
    await this.runtime.stepFunctions.settled();
    return transfer;
  }

  async refuse(transferId: string, reason: string) {
    const transfer = await refuseTransfer(this.runtime.deps, receiver, transferId, { reason, version: await this.version(transferId) });
    await this.runtime.stepFunctions.settled();
    return transfer;
  }

  async reissue(transferId: string) {
    const transfer = await reissueLetter(this.runtime.deps, committeeStaff, transferId, { reason: '介绍信过期未报到', version: await this.version(transferId) });
    await this.runtime.stepFunctions.settled();
    return transfer;
  }

  async receipt(transferId: string, receiptDate: string) {
    const transfer = await recordReceipt(this.runtime.deps, sender, transferId, { receiptDate, version: await this.version(transferId) });
    await this.runtime.stepFunctions.settled();
    return transfer;
  }
}
