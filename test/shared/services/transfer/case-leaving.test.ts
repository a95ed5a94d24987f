import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { getTransferFile, issueLetter, receiptCaseNotice, recordReceipt, requestTransfer } from '../../../../shared/services/transfer';
import type { Store } from '../../../../shared/store/store';
import { getTransfer } from '../../../../shared/store/transfers-repo';
import { startTestRuntime, type TestRuntime } from '../../../support/local-runtime';
import { branchStaff, CaseDriver, committeeStaff, setUpWorld, type World } from '../../../workflows/development/development-fixtures';

// The receipt of a letter outside the system is refused while an approval or a notice of the person's development
// case is open (docs/domain/transfer.md T8b): said in Chinese with what to wait for, nothing written; once over, it closes.

let runtime: TestRuntime;
let world: World;
let driver: CaseDriver;

beforeAll(async () => {
  runtime = await startTestRuntime('2026-01-05T01:00:00.000Z');
  world = await setUpWorld(runtime);
  driver = new CaseDriver(runtime, world);
});
afterAll(async () => runtime.shutdown());

async function scan(store: Store): Promise<string[]> {
  const page = await store.doc.send(new ScanCommand({ TableName: store.tableName }));
  return (page.Items ?? []).map((item) => JSON.stringify(item, Object.keys(item).sort())).sort();
}

test('an open approval, then an open notice, hold the receipt back with what to wait for; nothing is written; then it closes the case', async () => {
  await driver.open();
  await driver.stage1();
  await driver.stage2();
  await driver.at(`${(await driver.case()).nextStage?.earliestStart}T01:00:00.000Z`);
  await driver.stage3();
  await driver.start(4);
  await driver.submit('committeeReview', { reviewDate: driver.today(), conclusion: '同意提交预审。' }); // the pre-review is asked
  const [requested] = await requestTransfer(runtime.deps, branchStaff, {
    orgId: 'branch-1', personIds: [world.applicantId], destinationKind: 'outside', outsideOrgName: '中共某县委组织部', outsideAddress: '某省某县人民路 1 号',
    reason: '调出本系统', leavingDate: driver.today(), duesPaidTo: driver.today().slice(0, 7),
  });
  await runtime.stepFunctions.settled();
  const issued = await issueLetter(runtime.deps, committeeStaff, requested.id, { validityMonths: '3', version: String(requested.version + 1) });
  await runtime.stepFunctions.settled();
  const stored = await getTransfer(runtime.store, issued.id); // the receipt step opened since
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
