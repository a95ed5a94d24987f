import { DeleteCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { NoticeClosedError } from '../../../../shared/errors';
import { OBJECTION_GATES } from '../../../../shared/domain/notice/objection-gates';
import { closeNoticeAtEnd, fileObjection, getStaffNotice, listStaffNotices, startNoticeProcess, withdrawNotice } from '../../../../shared/services/notice';
import { countObjectionOnGate, listObjectionGates } from '../../../../shared/store/notice-gates-repo';
import { getNotice, noticePk } from '../../../../shared/store/notices-repo';
import { listObjections } from '../../../../shared/store/objections-repo';
import { StoreConditionFailedError, transactWrite } from '../../../../shared/store/transact';
import { startTestRuntime, type TestRuntime } from '../../../support/local-runtime';
import { branchSecretary, noticeDraft } from '../../../support/notice-fixtures';

// Objections are counted on the notice's gates, not on the notice item (many people objecting at once write different items).
let runtime: TestRuntime;
beforeEach(async () => {
  runtime = await startTestRuntime('2026-09-23T01:00:00.000Z');
});
afterEach(async () => {
  await runtime.shutdown();
});

const END = '2026-09-30T15:59:59.000Z'; // 23:59:59 China time on the fifth working day
const object = (noticeId: string, i: number) => fileObjection(runtime.deps, noticeId, { content: `异议 ${i}：该同志工作作风需核实`, name: '', contact: '' });

async function publish() {
  const draft = noticeDraft();
  await startNoticeProcess(runtime.deps, draft);
  await runtime.stepFunctions.settled();
  return draft.id;
}

test('a new notice gets its gates; objections filed at once are all counted, shown while open and recorded at the end', async () => {
  const noticeId = await publish();
  expect((await getNotice(runtime.store, noticeId))?.objectionGates).toBe(OBJECTION_GATES);
  expect(await listObjectionGates(runtime.store, noticeId)).toHaveLength(OBJECTION_GATES);

  await Promise.all(Array.from({ length: 40 }, (_, i) => object(noticeId, i)));
  const gates = await listObjectionGates(runtime.store, noticeId);
  expect(gates.reduce((sum, gate) => sum + gate.objectionCount, 0)).toBe(40);
  expect(gates.filter((gate) => gate.objectionCount > 0).length).toBeGreaterThan(1); // spread, not one hot item
  expect((await getNotice(runtime.store, noticeId))?.objectionCount).toBe(0); // the notice item is not written by objections
  expect((await getStaffNotice(runtime.deps, branchSecretary, noticeId)).notice.objectionCount).toBe(40);
  expect((await listStaffNotices(runtime.deps, branchSecretary)).find((n) => n.id === noticeId)?.objectionCount).toBe(40);

  await runtime.advanceTo(END);
  expect(await getNotice(runtime.store, noticeId)).toMatchObject({ status: 'closed', objectionCount: 40 });
  await expect(object(noticeId, 41)).rejects.toBeInstanceOf(NoticeClosedError);
});

test('objections racing the closing are either counted in it or refused, never lost', async () => {
  const noticeId = await publish();
  runtime.clock.set(END); // the last second: objections still accepted, the closing due
  const filed = await Promise.allSettled([
    ...Array.from({ length: 20 }, (_, i) => object(noticeId, i)),
    closeNoticeAtEnd(runtime.deps, noticeId),
    ...Array.from({ length: 20 }, (_, i) => object(noticeId, 20 + i)),
  ]);
  await runtime.stepFunctions.settled();
  const accepted = filed.filter((r) => r.status === 'fulfilled').length - 1;
  for (const refused of filed.filter((r) => r.status === 'rejected')) expect((refused as PromiseRejectedResult).reason).toBeInstanceOf(NoticeClosedError);
  const notice = await getNotice(runtime.store, noticeId);
  expect(notice?.status).toBe('closed');
  expect(notice?.objectionCount).toBe(accepted);
  expect(await listObjections(runtime.store, noticeId)).toHaveLength(accepted);
});

test('a withdrawn notice closes its gates: an objection that read the notice before the withdrawal is refused', async () => {
  const noticeId = await publish();
  await object(noticeId, 1);
  await withdrawNotice(runtime.deps, branchSecretary, noticeId, { reason: '材料有误，重新公示' });
  const gates = await runtime.store.doc.send(new QueryCommand({
    TableName: runtime.store.tableName,
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :gate)',
    ExpressionAttributeValues: { ':pk': noticePk(noticeId), ':gate': 'GATE#' },
  }));
  expect(gates.Items?.map((gate) => gate.status)).toEqual(Array(OBJECTION_GATES).fill('withdrawn'));
  const now = runtime.clock.now().getTime();
  for (let gate = 0; gate < OBJECTION_GATES; gate++) {
    await expect(transactWrite(runtime.store, [countObjectionOnGate(runtime.store, noticeId, gate, now)])).rejects.toBeInstanceOf(StoreConditionFailedError);
  }
});

test('a notice published before gates existed still counts on the notice item and closes with that count', async () => {
  const noticeId = await publish();
  for (let gate = 0; gate < OBJECTION_GATES; gate++) {
    await runtime.store.doc.send(new DeleteCommand({ TableName: runtime.store.tableName, Key: { pk: noticePk(noticeId), sk: `GATE#${String(gate).padStart(2, '0')}` } }));
  }
  await runtime.store.doc.send(new UpdateCommand({ TableName: runtime.store.tableName, Key: { pk: noticePk(noticeId), sk: 'NOTICE' }, UpdateExpression: 'REMOVE objectionGates' }));

  await Promise.all(Array.from({ length: 3 }, (_, i) => object(noticeId, i)));
  expect((await getNotice(runtime.store, noticeId))?.objectionCount).toBe(3);
  await runtime.advanceTo(END);
  expect(await getNotice(runtime.store, noticeId)).toMatchObject({ status: 'closed', objectionCount: 3 });
});

describe('a filing tried on a gate first', () => {
  /** Store requests made while `run` runs (the runtime's own work is settled before). */
  async function requestsOf(run: () => Promise<unknown>): Promise<string[]> {
    const sent: string[] = [];
    runtime.store.doc.middlewareStack.add((next, context) => async (args) => {
      sent.push(String(context.commandName));
      return next(args);
    }, { step: 'initialize', name: 'countFilingRequests' });
    try {
      await run();
    } finally {
      runtime.store.doc.middlewareStack.remove('countFilingRequests');
    }
    return sent;
  }

  test('an objection to an open public notice is one request: the transaction, no read of the notice', async () => {
    const noticeId = await publish();
    expect(await requestsOf(() => object(noticeId, 1))).toEqual(['TransactWriteItemsCommand']);
    expect(await listObjections(runtime.store, noticeId)).toHaveLength(1);
  });

  test('an internal notice refuses the public (not found) and takes a member\'s objection through staff; nothing written by the refusal', async () => {
    const draft = noticeDraft({ audience: 'internal' });
    await startNoticeProcess(runtime.deps, draft);
    await runtime.stepFunctions.settled();
    await expect(object(draft.id, 1)).rejects.toMatchObject({ httpStatus: 404 });
    expect(await listObjections(runtime.store, draft.id)).toHaveLength(0);
    await fileObjection(runtime.deps, draft.id, { content: '党员当面反映：情况需核实', name: '', contact: '' }, { internal: true, actor: 'staff-b1' });
    expect(await listObjections(runtime.store, draft.id)).toHaveLength(1);
  });

  test('gates written before they carried the audience: the notice is read, the objection still counted once', async () => {
    const noticeId = await publish();
    for (let gate = 0; gate < OBJECTION_GATES; gate++) {
      await runtime.store.doc.send(new UpdateCommand({ TableName: runtime.store.tableName, Key: { pk: noticePk(noticeId), sk: `GATE#${String(gate).padStart(2, '0')}` }, UpdateExpression: 'REMOVE audience' }));
    }
    expect(await requestsOf(() => object(noticeId, 1))).toEqual(['TransactWriteItemsCommand', 'GetItemCommand', 'TransactWriteItemsCommand']);
    const gates = await listObjectionGates(runtime.store, noticeId);
    expect(gates.reduce((sum, gate) => sum + gate.objectionCount, 0)).toBe(1);
    expect(await listObjections(runtime.store, noticeId)).toHaveLength(1);
  });

  test('a mistake in the form on a missing notice says the notice is not there; on an open one, what to correct', async () => {
    await expect(fileObjection(runtime.deps, 'no-such-notice', { content: '' })).rejects.toMatchObject({ httpStatus: 404 });
    const noticeId = await publish();
    await expect(fileObjection(runtime.deps, noticeId, { content: '' })).rejects.toMatchObject({ httpStatus: 422 });
    expect(await listObjections(runtime.store, noticeId)).toHaveLength(0);
  });
});
