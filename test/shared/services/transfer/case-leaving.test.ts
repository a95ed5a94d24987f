import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { cancelWaitToRecordReceipt, getTransferFile, receiptCaseNotice, recordReceipt, waitToRecordReceipt } from '../../../../shared/services/transfer';
import { runScheduledWork } from '../../../../shared/services/scheduled/tick';
import type { Store } from '../../../../shared/store/store';
import { getDueEntry } from '../../../../shared/store/due-index';
import { getTransfer, transferPk } from '../../../../shared/store/transfers-repo';
import { startTestRuntime, type TestRuntime } from '../../../support/local-runtime';
import { branchStaff, CaseDriver, committeeStaff, setUpWorld, type World } from '../../../workflows/development/development-fixtures';
import { letterOutside, toPreReviewAsked } from '../../../workflows/transfer/outside-case-fixtures';

// The receipt of a letter outside the system is refused while an approval or a notice of the person's development
// case is open (docs/domain/transfer.md T8b): said in Chinese with what to wait for, nothing written; once over, it closes.

let runtime: TestRuntime;
let world: World;
let driver: CaseDriver;

beforeEach(async () => {
  runtime = await startTestRuntime('2026-01-05T01:00:00.000Z');
  world = await setUpWorld(runtime);
  driver = new CaseDriver(runtime, world);
});
afterEach(async () => runtime.shutdown());

/** A development target in stage IV, his pre-review asked (open), his letter outside the system issued. */
async function outsideWithPreReviewOpen(): Promise<string> {
  await toPreReviewAsked(driver);
  return letterOutside(runtime, driver, world);
}

async function scan(store: Store): Promise<string[]> {
  const page = await store.doc.send(new ScanCommand({ TableName: store.tableName }));
  return (page.Items ?? []).map((item) => JSON.stringify(item, Object.keys(item).sort())).sort();
}

test('an open approval, then an open notice, hold the receipt back with what to wait for; nothing is written; then it closes the case', async () => {
  const id = await outsideWithPreReviewOpen();
  const stored = await getTransfer(runtime.store, id);
  const issued = stored!;
  const form = { receiptDate: driver.today(), version: String(stored?.version) };

  // The pre-review is undecided.
  expect(await receiptCaseNotice(runtime.deps, issued)).toMatchObject({ caseId: driver.caseId, blockers: [expect.stringContaining('尚未作出决定')] });
  const before = await scan(runtime.store);
  await expect(recordReceipt(runtime.deps, branchStaff, issued.id, form)).rejects.toMatchObject({
    httpStatus: 409, userMessage: expect.stringMatching(/^该同志的发展党员材料尚有未结束的事项：发展党员材料中的审批“.+”尚未作出决定。请待其结束后再登记回执；回执日期按回执上所填写的日期登记/),
  });
  expect(await scan(runtime.store)).toEqual(before);

  // Approved: now the admission notice runs.
  await driver.decide('approved');
  const noticeBefore = await scan(runtime.store);
  await expect(recordReceipt(runtime.deps, branchStaff, issued.id, form)).rejects.toMatchObject({ httpStatus: 409, userMessage: expect.stringContaining('尚未结束。请待其结束后再登记回执') });
  expect(await scan(runtime.store)).toEqual(noticeBefore);
  expect(await getTransfer(runtime.store, issued.id)).toMatchObject({ status: 'issued', version: stored?.version });
  expect((await driver.case()).status).toBe('active');

  // The notice over, the receipt is recorded with its own date and the case closes.
  await driver.endNotice('admission');
  expect(await receiptCaseNotice(runtime.deps, issued)).toMatchObject({ blockers: [], progress: '正在办理第四阶段：预备党员的接收' });
  await recordReceipt(runtime.deps, branchStaff, issued.id, form);
  await runtime.stepFunctions.settled();
  expect(await driver.case()).toMatchObject({ status: 'transferred-out', dates: { closedDate: form.receiptDate } });
  expect((await getTransferFile(runtime.deps, branchStaff, issued.id)).events.at(-1)).toMatchObject({ action: 'transfer.receipt-recorded', details: { caseClosed: true } });
}, 120_000);

test('waiting to record the receipt: taken back, chosen again; the tick records it with its date once the notice is over', async () => {
  const id = await outsideWithPreReviewOpen();
  const version = async () => String((await getTransfer(runtime.store, id))?.version);
  const receiptDate = driver.today();
  const waiting = await waitToRecordReceipt(runtime.deps, branchStaff, id, { receiptDate, version: await version() });
  expect(waiting).toMatchObject({ status: 'issued', receiptWhenFree: { by: 'branch-staff-1', byName: '李组织委员', receiptDate } });
  await expect(waitToRecordReceipt(runtime.deps, branchStaff, id, { receiptDate, version: await version() })).rejects.toMatchObject({ httpStatus: 409 });
  await expect(cancelWaitToRecordReceipt(runtime.deps, committeeStaff, id, { version: await version() })).resolves.toMatchObject({ receiptWhenFree: undefined });
  await waitToRecordReceipt(runtime.deps, branchStaff, id, { receiptDate, version: await version() });
  expect((await runScheduledWork(runtime.deps)).receiptsRecorded).toBe(0);

  await driver.decide('approved'); // the admission notice opens: still waiting
  expect((await runScheduledWork(runtime.deps)).receiptsRecorded).toBe(0);
  expect((await driver.case()).status).toBe('active');
  await driver.endNotice('admission');
  expect((await runScheduledWork(runtime.deps)).receiptsRecorded).toBe(1);
  await runtime.stepFunctions.settled();
  const received = await getTransfer(runtime.store, id);
  expect(received).toMatchObject({ status: 'received', receiptDate, decidedBy: 'branch-staff-1', closedCaseId: driver.caseId });
  expect(received?.receiptWhenFree).toBeUndefined();
  expect(await driver.case()).toMatchObject({ status: 'transferred-out', dates: { closedDate: receiptDate } });
  expect((await getTransferFile(runtime.deps, branchStaff, id)).events.map((e) => e.action)).toEqual(expect.arrayContaining(['transfer.receipt-waiting', 'transfer.receipt-waiting-cancelled']));
  expect((await getTransferFile(runtime.deps, branchStaff, id)).events.at(-1)).toMatchObject({ action: 'transfer.receipt-recorded', details: { automatic: true, caseClosed: true } });
  expect(runtime.mailer.sent.some((m) => m.to.includes('branch@example.org') && m.text.includes('的回执已按李组织委员的登记自动登记'))).toBe(true);
  expect((await runScheduledWork(runtime.deps)).receiptsRecorded).toBe(0);
}, 120_000);

test('a receipt already waiting before the due index knew waiting receipts: the first tick sets its transfer due once (marker), then records it', async () => {
  const id = await outsideWithPreReviewOpen();
  await waitToRecordReceipt(runtime.deps, branchStaff, id, { receiptDate: driver.today(), version: String((await getTransfer(runtime.store, id))?.version) });
  expect((await runScheduledWork(runtime.deps)).receiptsRecorded).toBe(0); // the one-time backfills are done
  // As stored before: the entry at the letter's next warning, the receipt marker absent.
  const { PutCommand, DeleteCommand } = await import('@aws-sdk/lib-dynamodb');
  const entry = (await getDueEntry(runtime.store, transferPk(id)))!;
  expect(entry.wakeAt).toBe('1970-01-01T00:00:00.000Z');
  await runtime.store.doc.send(new PutCommand({ TableName: runtime.store.tableName, Item: { pk: entry.pk, sk: 'DUE', type: 'due', kind: 'transfer', id, wakeAt: '2099-01-01T00:00:00.000Z', version: entry.version, gsi1pk: 'DUE#transfer', gsi1sk: `2099-01-01T00:00:00.000Z#${id}` } }));
  await runtime.store.doc.send(new DeleteCommand({ TableName: runtime.store.tableName, Key: { pk: 'DUEINDEX', sk: 'BACKFILL#transfer-receipt' } }));
  await driver.decide('approved');
  await driver.endNotice('admission');
  const tick = await runScheduledWork(runtime.deps);
  expect(tick.dueIndex.backfilled).toBe(1);
  expect(tick.receiptsRecorded).toBe(1);
  expect((await runScheduledWork(runtime.deps)).dueIndex.backfilled).toBeUndefined();
}, 120_000);
