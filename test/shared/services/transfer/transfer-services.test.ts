import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import type { Actor } from '../../../../shared/services/actor';
import {
  acceptTransfer, getTransferFile, getTransferLetter, issueLetter, recordReceipt, refuseTransfer, registerIncoming, reissueLetter, requestTransfer, waitToAccept, waitToRecordReceipt,
} from '../../../../shared/services/transfer';
import { AuthForbiddenError } from '../../../../shared/errors';
import { openCase } from '../../../../shared/services/development';
import { getTransfer, lastSerialNo } from '../../../../shared/store/transfers-repo';
import { getGuard } from '../../../../shared/store/guards';
import type { Store } from '../../../../shared/store/store';
import type { TestRuntime } from '../../../support/local-runtime';
import { putTestPerson, testPerson } from '../../../support/registry-fixtures';
import { demoIdNumber } from '../../../../infra/local/seed-data';
import {
  committeeStaff, otherCommitteeStaff, outsideRequest, receiver, sender, startTransferRuntime, withinRequest,
} from '../../../workflows/transfer/transfer-fixtures';

const admin: Actor = { id: 'admin', displayName: '管理员', role: 'admin', orgId: 'committee-1', scopeOrgIds: [] };
/** Staff of 财务处党支部, the sending branch's sibling: an outsider to every transfer here. */
const outsider: Actor = { id: 'zuzhi-2', displayName: '郑组织委员', role: 'branch-staff', orgId: 'branch-2', scopeOrgIds: ['branch-2'] };

let runtime: TestRuntime;
beforeAll(async () => {
  ({ runtime } = await startTransferRuntime());
});
afterAll(async () => runtime.shutdown());

async function scan(store: Store): Promise<string[]> {
  const page = await store.doc.send(new ScanCommand({ TableName: store.tableName }));
  return (page.Items ?? []).map((item) => JSON.stringify(item, Object.keys(item).sort())).sort();
}

let sequence = 0;
/** The -with-case states: the member is an activist whose development case is open (docs/domain/transfer.md T8b, T8c). */
type State = 'member' | 'requested' | 'issued' | 'issued-outside' | 'issued-with-case' | 'issued-outside-with-case';
/** A fresh member of 办公室党支部 with a transfer in the state asked for (the workflow waiting on its next step). */
async function transferIn(state: State): Promise<string> {
  const withCase = state.endsWith('-with-case');
  const person = await putTestPerson(runtime.store, testPerson({ orgId: 'branch-1', name: `党员${sequence++}`, ...(withCase ? { status: 'activist' as const } : {}) }));
  if (state === 'member') return person.id;
  if (withCase) {
    await openCase(runtime.deps, sender, { personId: person.id, applicationDate: '2026-09-01' }); // stage I running: the talk is open
    await runtime.stepFunctions.settled();
  }
  const form = state.startsWith('issued-outside') ? outsideRequest([person.id]) : withinRequest([person.id]);
  const [transfer] = await requestTransfer(runtime.deps, sender, form);
  await runtime.stepFunctions.settled();
  if (state !== 'requested') {
    await issueLetter(runtime.deps, committeeStaff, transfer.id, { validityMonths: '3', version: '2' });
    await runtime.stepFunctions.settled();
  }
  return transfer.id;
}

const version = async (id: string) => String((await getTransfer(runtime.store, id))?.version);

type Attempt = (actor: Actor) => Promise<unknown>;
/** Each action with the state it needs (a member to transfer, a transfer) and one valid call; the receipt is for a letter outside the system. */
const ACTIONS: Record<string, { state?: State; call: (id: string) => Attempt }> = {
  'transfer.request': { state: 'member', call: (personId) => (actor) => requestTransfer(runtime.deps, actor, withinRequest([personId])) },
  'transfer.issue': { state: 'requested', call: (id) => async (actor) => issueLetter(runtime.deps, actor, id, { validityMonths: '3', version: await version(id) }) },
  'transfer.receive (accept)': { state: 'issued', call: (id) => async (actor) => acceptTransfer(runtime.deps, actor, id, { version: await version(id) }) },
  'transfer.receive (wait to accept; nothing to wait for: accepted)': { state: 'issued', call: (id) => async (actor) => waitToAccept(runtime.deps, actor, id, { version: await version(id) }) },
  'transfer.receive (refuse)': { state: 'issued', call: (id) => async (actor) => refuseTransfer(runtime.deps, actor, id, { reason: '未报到', version: await version(id) }) },
  'transfer.receipt': { state: 'issued-outside', call: (id) => async (actor) => recordReceipt(runtime.deps, actor, id, { receiptDate: '2026-09-23', version: await version(id) }) },
  'transfer.receipt (wait to record; nothing to wait for: recorded)': { state: 'issued-outside', call: (id) => async (actor) => waitToRecordReceipt(runtime.deps, actor, id, { receiptDate: '2026-09-23', version: await version(id) }) },
  'transfer.receipt (closing the development case)': { state: 'issued-outside-with-case', call: (id) => async (actor) => recordReceipt(runtime.deps, actor, id, { receiptDate: '2026-09-23', version: await version(id) }) },
  'transfer.view': { state: 'issued', call: (id) => (actor) => getTransferFile(runtime.deps, actor, id) },
  'transfer.view (the letter, with the development case)': { state: 'issued-with-case', call: (id) => (actor) => getTransferLetter(runtime.deps, actor, id) },
  'transfer.incoming': {
    call: () => (actor) => registerIncoming(runtime.deps, actor, {
      orgId: 'branch-3', name: `转入${sequence++}`, gender: '女', ethnicity: '汉族', birthDate: '1991-04-05', idNumber: demoIdNumber('110105', '1991-04-05', 300 + sequence, '女'),
      education: '大学本科', unitPost: '科员', phone: '13800000000', status: 'full', statusFrom: '2015-07-01', fromOrgName: '中共某县委组织部', letterSerial: '〔2026〕第3号',
    }),
  },
};

const ACTORS = { sender, committeeStaff, receiver, otherCommitteeStaff, outsider, admin };
type Who = keyof typeof ACTORS;
/** Who may: the sending side (its branch, its committee), the receiving side (its branch, its committee), no outsider. */
const ALLOWED: Record<string, Who[]> = {
  'transfer.request': ['sender', 'committeeStaff', 'admin'],
  'transfer.issue': ['committeeStaff', 'admin'],
  'transfer.receive (accept)': ['receiver', 'otherCommitteeStaff', 'admin'],
  'transfer.receive (refuse)': ['receiver', 'otherCommitteeStaff', 'admin'],
  'transfer.receive (wait to accept; nothing to wait for: accepted)': ['receiver', 'otherCommitteeStaff', 'admin'],
  'transfer.receipt': ['sender', 'committeeStaff', 'admin'],
  'transfer.receipt (closing the development case)': ['sender', 'committeeStaff', 'admin'],
  'transfer.receipt (wait to record; nothing to wait for: recorded)': ['sender', 'committeeStaff', 'admin'],
  'transfer.view': ['sender', 'committeeStaff', 'receiver', 'otherCommitteeStaff', 'admin'],
  'transfer.view (the letter, with the development case)': ['sender', 'committeeStaff', 'receiver', 'otherCommitteeStaff', 'admin'],
  'transfer.incoming': ['otherCommitteeStaff', 'admin'],
};

describe('authorization: sending side, receiving side, outsiders', () => {
  const rows = Object.keys(ACTIONS).flatMap((action) => (Object.keys(ACTORS) as Who[]).map((who) => [action, who, ALLOWED[action].includes(who)] as const));
  test.each(rows)('%s by %s: allowed %s', async (action, who, allowed) => {
    const { state, call } = ACTIONS[action];
    const id = state ? await transferIn(state) : '';
    const attempt = call(id);
    if (allowed) {
      await expect(attempt(ACTORS[who])).resolves.toBeDefined();
    } else {
      const before = await scan(runtime.store);
      await expect(attempt(ACTORS[who])).rejects.toBeInstanceOf(AuthForbiddenError);
      await runtime.stepFunctions.settled();
      expect(await scan(runtime.store)).toEqual(before);
    }
    await runtime.stepFunctions.settled();
  });
});

describe('serial numbers', () => {
  test('two letters issued at once by the same committee get consecutive numbers, none skipped', async () => {
    const [a, b] = [await transferIn('requested'), await transferIn('requested')];
    const last = (await lastSerialNo(runtime.store, 'committee-1', 2026)) ?? 0;
    const issued = await Promise.all([a, b].map(async (id) => issueLetter(runtime.deps, committeeStaff, id, { validityMonths: '3', version: await version(id) })));
    expect(issued.map((t) => t.letters[0].serialNo).sort((x, y) => x - y)).toEqual([last + 1, last + 2]);
    expect(await lastSerialNo(runtime.store, 'committee-1', 2026)).toBe(last + 2);
    for (const n of [last + 1, last + 2]) expect((await getGuard(runtime.store, { rule: 'letter', scope: `committee-1#2026#${n}` }))?.holders).toHaveLength(1);
    await runtime.stepFunctions.settled();
  });

  test('a cancelled letter keeps its number; the new letter takes the next one, and the next year starts at 1', async () => {
    const id = await transferIn('issued');
    const first = (await getTransfer(runtime.store, id))?.letters[0];
    await runtime.advanceTo('2026-12-24T00:00:00.000Z');
    await reissueLetter(runtime.deps, committeeStaff, id, { reason: '过期未报到', version: await version(id) });
    await runtime.stepFunctions.settled();
    const last = (await lastSerialNo(runtime.store, 'committee-1', 2026)) ?? 0;
    await issueLetter(runtime.deps, committeeStaff, id, { validityMonths: '3', version: await version(id) });
    await runtime.stepFunctions.settled();
    const letters = (await getTransfer(runtime.store, id))?.letters ?? [];
    expect(letters.map((l) => [l.serialNo, l.status])).toEqual([[first?.serialNo, 'void'], [last + 1, 'valid']]);
    // 2027 in China from 2026-12-31T16:00Z.
    await runtime.advanceTo('2026-12-31T16:00:00.000Z');
    const next = await transferIn('issued');
    expect((await getTransfer(runtime.store, next))?.letters[0]).toMatchObject({ serialYear: 2027, serialNo: 1 });
  });
});

describe('bad input: a Chinese message, 4xx, nothing written', () => {
  test.each([
    ['no member chosen', { personIds: [] }, 'personIds', '请选择转出的党员。'],
    ['no destination', { destinationOrgId: '' }, 'destinationOrgId', '请选择转入的组织。'],
    ['dues month not a month', { duesPaidTo: '2026-13' }, 'duesPaidTo', '党费交至应为“年-月”格式，例如 2026-09。'],
    ['to itself', { destinationOrgId: 'branch-1' }, 'destinationOrgId', '转入组织不能是转出组织本身。'],
    ['to a committee', { destinationOrgId: 'committee-2' }, 'destinationOrgId', '组织关系应转入党支部，“直属机关党委”不是党支部。'],
  ])('%s', async (_label, change, field, message) => {
    const person = await putTestPerson(runtime.store, testPerson({ orgId: 'branch-1' }));
    const before = await scan(runtime.store);
    await expect(requestTransfer(runtime.deps, sender, { ...withinRequest([person.id]), ...change })).rejects.toMatchObject({ httpStatus: 422, fieldErrors: { [field]: message } });
    expect(await scan(runtime.store)).toEqual(before);
  });

  test('an applicant does not transfer; a validity of 7 months is refused', async () => {
    const applicant = await putTestPerson(runtime.store, testPerson({ orgId: 'branch-1', name: '申请人甲', status: 'applicant' }));
    await expect(requestTransfer(runtime.deps, sender, withinRequest([applicant.id]))).rejects.toMatchObject({
      httpStatus: 422, fieldErrors: { personIds: '申请人甲是入党申请人，只有正式党员、预备党员及入党积极分子、发展对象办理转接。' },
    });
    const id = await transferIn('requested');
    await expect(issueLetter(runtime.deps, committeeStaff, id, { validityMonths: '7', version: await version(id) })).rejects.toMatchObject({ httpStatus: 422 });
    await runtime.stepFunctions.settled();
  });

  test('the same request submitted twice (one idempotency key) makes one transfer', async () => {
    const person = await putTestPerson(runtime.store, testPerson({ orgId: 'branch-1' }));
    const form = withinRequest([person.id], { idempotencyKey: 'form-once' });
    const [first, second] = await Promise.all([requestTransfer(runtime.deps, sender, form), requestTransfer(runtime.deps, sender, form)]);
    expect(first.map((t) => t.id)).toEqual(['form-once-1']);
    expect(second.map((t) => t.id)).toEqual(['form-once-1']);
    await runtime.stepFunctions.settled();
  });
});
